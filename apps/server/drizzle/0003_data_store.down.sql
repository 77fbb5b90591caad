DO $$
DECLARE base_id text;
BEGIN
  FOR base_id IN SELECT id FROM data_bases LOOP
    EXECUTE format('DROP SCHEMA IF EXISTS %I CASCADE', base_id);
  END LOOP;
END $$;
--> statement-breakpoint
DROP TABLE IF EXISTS "data_list_chunks";
--> statement-breakpoint
DROP TABLE IF EXISTS "data_list_iterators";
--> statement-breakpoint
DROP TABLE IF EXISTS "data_views";
--> statement-breakpoint
DROP TABLE IF EXISTS "data_fields";
--> statement-breakpoint
DROP TABLE IF EXISTS "data_tables";
--> statement-breakpoint
DROP TABLE IF EXISTS "data_change_sets";
--> statement-breakpoint
DROP TABLE IF EXISTS "data_bases";
