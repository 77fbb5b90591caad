DROP TABLE IF EXISTS "oauth_tokens";
--> statement-breakpoint
DROP TABLE IF EXISTS "oauth_codes";
--> statement-breakpoint
DROP TABLE IF EXISTS "oauth_grants";
--> statement-breakpoint
DROP TABLE IF EXISTS "oauth_clients";
