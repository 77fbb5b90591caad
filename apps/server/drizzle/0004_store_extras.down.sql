DROP TABLE IF EXISTS "data_webhook_payloads";
--> statement-breakpoint
DROP TABLE IF EXISTS "data_webhooks";
--> statement-breakpoint
DROP TABLE IF EXISTS "data_base_transactions";
--> statement-breakpoint
DROP TABLE IF EXISTS "data_outbox_consumers";
--> statement-breakpoint
DROP TABLE IF EXISTS "data_comments";
--> statement-breakpoint
DROP TABLE IF EXISTS "data_attachment_files";
