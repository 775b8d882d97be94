CREATE TABLE `announcements` (
	`id` text PRIMARY KEY NOT NULL,
	`studio_id` text NOT NULL,
	`session_id` text NOT NULL,
	`client_id` text NOT NULL,
	`unsubscribe_token_hash` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`studio_id`) REFERENCES `studios`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`session_id`) REFERENCES `sessions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`client_id`) REFERENCES `clients`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `announcements_unsubscribe_token_hash_unique` ON `announcements` (`unsubscribe_token_hash`);--> statement-breakpoint
CREATE UNIQUE INDEX `announcements_session_client` ON `announcements` (`session_id`,`client_id`);--> statement-breakpoint
CREATE INDEX `announcements_client` ON `announcements` (`client_id`);--> statement-breakpoint
CREATE TABLE `email_templates` (
	`id` text PRIMARY KEY NOT NULL,
	`studio_id` text NOT NULL,
	`kind` text NOT NULL,
	`name` text NOT NULL,
	`subject` text NOT NULL,
	`body` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`studio_id`) REFERENCES `studios`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `email_templates_studio_kind` ON `email_templates` (`studio_id`,`kind`);--> statement-breakpoint
ALTER TABLE `clients` ADD `announcements_off_at` integer;--> statement-breakpoint
ALTER TABLE `session_types` ADD `email_templates` text DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE `sessions` ADD `email_templates` text DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE `studios` ADD `sender_name` text;--> statement-breakpoint
ALTER TABLE `studios` ADD `payment_instructions` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `studios` ADD `notices_off` text DEFAULT '[]' NOT NULL;