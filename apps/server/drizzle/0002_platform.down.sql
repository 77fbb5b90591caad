DROP TABLE IF EXISTS "audit_log";
--> statement-breakpoint
DROP TABLE IF EXISTS "secrets";
--> statement-breakpoint
DROP TABLE IF EXISTS "secret_keys";
--> statement-breakpoint
DROP TABLE IF EXISTS "api_keys";
--> statement-breakpoint
DROP TABLE IF EXISTS "workspace_invitations";
--> statement-breakpoint
DROP TABLE IF EXISTS "base_roles";
--> statement-breakpoint
DROP TABLE IF EXISTS "workspace_members";
--> statement-breakpoint
DROP TABLE IF EXISTS "auth_verifications";
--> statement-breakpoint
DROP TABLE IF EXISTS "auth_accounts";
--> statement-breakpoint
DROP TABLE IF EXISTS "sessions";
--> statement-breakpoint
DROP TABLE IF EXISTS "users";
