ALTER TABLE `payments` ADD `kind` text DEFAULT 'payment' NOT NULL;--> statement-breakpoint
ALTER TABLE `payments` ADD `method` text;--> statement-breakpoint
ALTER TABLE `payments` ADD `note` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `session_types` ADD `location` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `sessions` ADD `description` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `sessions` ADD `cancelled_at` integer;--> statement-breakpoint
ALTER TABLE `spots` ADD `removed_at` integer;