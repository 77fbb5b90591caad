DELETE FROM "data_bases" WHERE "driver" = 'airtable';
--> statement-breakpoint
DROP TABLE IF EXISTS "airtable_connections";
