CREATE TABLE "data_attachment_files" (
	"id" text PRIMARY KEY NOT NULL,
	"token" text NOT NULL,
	"filename" text NOT NULL,
	"type" text NOT NULL,
	"size" integer NOT NULL,
	"width" integer,
	"height" integer,
	"content" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "data_comments" (
	"id" text PRIMARY KEY NOT NULL,
	"seq" bigserial NOT NULL,
	"base_id" text NOT NULL,
	"table_id" text NOT NULL,
	"record_id" text NOT NULL,
	"author" jsonb NOT NULL,
	"owner_key" text NOT NULL,
	"text" text NOT NULL,
	"parent_comment_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone,
	CONSTRAINT "data_comments_seq_unique" UNIQUE("seq")
);
--> statement-breakpoint
CREATE TABLE "data_outbox_consumers" (
	"name" text PRIMARY KEY NOT NULL,
	"last_seq" bigint NOT NULL,
	"gap_below" bigint,
	"gap_horizon" bigint,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "data_base_transactions" (
	"base_id" text PRIMARY KEY NOT NULL,
	"last_number" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "data_webhook_payloads" (
	"webhook_id" text NOT NULL,
	"cursor" integer NOT NULL,
	"payload" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "data_webhook_payloads_webhook_id_cursor_pk" PRIMARY KEY("webhook_id","cursor")
);
--> statement-breakpoint
CREATE TABLE "data_webhooks" (
	"id" text PRIMARY KEY NOT NULL,
	"base_id" text NOT NULL,
	"notification_url" text,
	"specification" jsonb NOT NULL,
	"mac_secret_id" text NOT NULL,
	"created_by" jsonb NOT NULL,
	"notifications_enabled" boolean DEFAULT true NOT NULL,
	"next_cursor" integer DEFAULT 1 NOT NULL,
	"from_seq" bigint NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"last_notification_result" jsonb,
	"last_successful_notification_at" timestamp with time zone,
	"failed_pings" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "data_comments" ADD CONSTRAINT "data_comments_base_id_data_bases_id_fk" FOREIGN KEY ("base_id") REFERENCES "public"."data_bases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "data_base_transactions" ADD CONSTRAINT "data_base_transactions_base_id_data_bases_id_fk" FOREIGN KEY ("base_id") REFERENCES "public"."data_bases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "data_webhook_payloads" ADD CONSTRAINT "data_webhook_payloads_webhook_id_data_webhooks_id_fk" FOREIGN KEY ("webhook_id") REFERENCES "public"."data_webhooks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "data_webhooks" ADD CONSTRAINT "data_webhooks_base_id_data_bases_id_fk" FOREIGN KEY ("base_id") REFERENCES "public"."data_bases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "data_comments_record_idx" ON "data_comments" USING btree ("table_id","record_id","seq");--> statement-breakpoint
CREATE INDEX "data_webhook_payloads_created_idx" ON "data_webhook_payloads" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "data_webhooks_base_idx" ON "data_webhooks" USING btree ("base_id");