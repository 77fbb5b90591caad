DROP TABLE IF EXISTS "app_settings";
--> statement-breakpoint
DROP TABLE IF EXISTS "domain_events";
