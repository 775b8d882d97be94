CREATE TABLE `client_credits` (
	`id` text PRIMARY KEY NOT NULL,
	`studio_id` text NOT NULL,
	`client_id` text NOT NULL,
	`booking_id` text NOT NULL,
	`amount_cents` integer NOT NULL,
	`currency` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`studio_id`) REFERENCES `studios`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`client_id`) REFERENCES `clients`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`booking_id`) REFERENCES `bookings`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `client_credits_client` ON `client_credits` (`client_id`);--> statement-breakpoint
CREATE INDEX `client_credits_booking` ON `client_credits` (`booking_id`);--> statement-breakpoint
ALTER TABLE `bookings` ADD `sequence` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `bookings` ADD `reschedule_count` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `bookings` ADD `rules_text` text;--> statement-breakpoint
ALTER TABLE `bookings` ADD `rules_version` text;--> statement-breakpoint
ALTER TABLE `bookings` ADD `rules_accepted_at` integer;--> statement-breakpoint
ALTER TABLE `bookings` ADD `cancel_money` text;--> statement-breakpoint
ALTER TABLE `session_types` ADD `rules` text;--> statement-breakpoint
ALTER TABLE `sessions` ADD `rules` text;