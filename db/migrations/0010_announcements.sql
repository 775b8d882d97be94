CREATE TABLE `announcements` (
	`id` text PRIMARY KEY NOT NULL,
	`studio_id` text NOT NULL,
	`session_id` text NOT NULL,
	`client_id` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`studio_id`) REFERENCES `studios`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`session_id`) REFERENCES `sessions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`client_id`) REFERENCES `clients`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `announcements_session_client` ON `announcements` (`session_id`,`client_id`);--> statement-breakpoint
CREATE INDEX `announcements_client` ON `announcements` (`client_id`);--> statement-breakpoint
CREATE TABLE `unsubscribe_links` (
	`id` text PRIMARY KEY NOT NULL,
	`studio_id` text NOT NULL,
	`client_id` text NOT NULL,
	`token_hash` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`studio_id`) REFERENCES `studios`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`client_id`) REFERENCES `clients`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `unsubscribe_links_token_hash_unique` ON `unsubscribe_links` (`token_hash`);--> statement-breakpoint
CREATE INDEX `unsubscribe_links_client` ON `unsubscribe_links` (`client_id`);--> statement-breakpoint
ALTER TABLE `clients` ADD `unsubscribed_at` integer;--> statement-breakpoint
ALTER TABLE `emails` ADD `unsubscribe_url` text;