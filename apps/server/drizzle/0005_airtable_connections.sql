CREATE TABLE "airtable_connections" (
	"base_id" text PRIMARY KEY NOT NULL,
	"secret_id" text,
	"webhook_id" text,
	"cursor" integer DEFAULT 1 NOT NULL,
	"feed_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "airtable_connections" ADD CONSTRAINT "airtable_connections_base_id_data_bases_id_fk" FOREIGN KEY ("base_id") REFERENCES "public"."data_bases"("id") ON DELETE cascade ON UPDATE no action;