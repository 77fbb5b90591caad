CREATE TABLE "data_bases" (
	"id" text PRIMARY KEY NOT NULL,
	"workspace_id" text NOT NULL,
	"name" text NOT NULL,
	"driver" text DEFAULT 'local' NOT NULL,
	"schema_version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "data_change_sets" (
	"id" text PRIMARY KEY NOT NULL,
	"base_id" text NOT NULL,
	"actor" jsonb NOT NULL,
	"operation" text NOT NULL,
	"changes" jsonb NOT NULL,
	"reverted_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "data_fields" (
	"id" text PRIMARY KEY NOT NULL,
	"table_id" text NOT NULL,
	"base_id" text NOT NULL,
	"name" text NOT NULL,
	"type" text NOT NULL,
	"description" text,
	"options" jsonb,
	"position" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "data_list_chunks" (
	"iterator_id" text NOT NULL,
	"chunk" integer NOT NULL,
	"ids" text[] NOT NULL,
	CONSTRAINT "data_list_chunks_iterator_id_chunk_pk" PRIMARY KEY("iterator_id","chunk")
);
--> statement-breakpoint
CREATE TABLE "data_list_iterators" (
	"id" text PRIMARY KEY NOT NULL,
	"table_id" text NOT NULL,
	"params_hash" text NOT NULL,
	"total" integer NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "data_tables" (
	"id" text PRIMARY KEY NOT NULL,
	"base_id" text NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"primary_field_id" text NOT NULL,
	"position" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "data_views" (
	"id" text PRIMARY KEY NOT NULL,
	"table_id" text NOT NULL,
	"base_id" text NOT NULL,
	"name" text NOT NULL,
	"type" text DEFAULT 'grid' NOT NULL,
	"position" integer NOT NULL,
	"filter_formula" text,
	"sorts" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"visible_field_ids" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "data_bases" ADD CONSTRAINT "data_bases_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "data_fields" ADD CONSTRAINT "data_fields_table_id_data_tables_id_fk" FOREIGN KEY ("table_id") REFERENCES "public"."data_tables"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "data_list_chunks" ADD CONSTRAINT "data_list_chunks_iterator_id_data_list_iterators_id_fk" FOREIGN KEY ("iterator_id") REFERENCES "public"."data_list_iterators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "data_tables" ADD CONSTRAINT "data_tables_base_id_data_bases_id_fk" FOREIGN KEY ("base_id") REFERENCES "public"."data_bases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "data_views" ADD CONSTRAINT "data_views_table_id_data_tables_id_fk" FOREIGN KEY ("table_id") REFERENCES "public"."data_tables"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "data_bases_workspace_idx" ON "data_bases" USING btree ("workspace_id","id");--> statement-breakpoint
CREATE INDEX "data_change_sets_base_idx" ON "data_change_sets" USING btree ("base_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "data_fields_name_idx" ON "data_fields" USING btree ("table_id",lower("name"));--> statement-breakpoint
CREATE INDEX "data_fields_base_idx" ON "data_fields" USING btree ("base_id");--> statement-breakpoint
CREATE INDEX "data_list_iterators_expiry_idx" ON "data_list_iterators" USING btree ("expires_at");--> statement-breakpoint
CREATE UNIQUE INDEX "data_tables_name_idx" ON "data_tables" USING btree ("base_id",lower("name"));--> statement-breakpoint
CREATE INDEX "data_views_base_idx" ON "data_views" USING btree ("base_id");