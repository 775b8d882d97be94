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
ALTER TABLE `session_types` ADD `email_templates` text DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE `sessions` ADD `email_templates` text DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE `studios` ADD `sender_name` text;--> statement-breakpoint
ALTER TABLE `studios` ADD `payment_instructions` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `studios` ADD `notices_off` text DEFAULT '[]' NOT NULL;