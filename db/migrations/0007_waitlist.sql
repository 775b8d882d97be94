CREATE TABLE `waitlist_entries` (
	`id` text PRIMARY KEY NOT NULL,
	`studio_id` text NOT NULL,
	`session_id` text NOT NULL,
	`name` text NOT NULL,
	`email` text NOT NULL,
	`times` text,
	`token_hash` text NOT NULL,
	`rank` real NOT NULL,
	`status` text DEFAULT 'waiting' NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`studio_id`) REFERENCES `studios`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`session_id`) REFERENCES `sessions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `waitlist_entries_token_hash_unique` ON `waitlist_entries` (`token_hash`);--> statement-breakpoint
CREATE INDEX `waitlist_entries_session_rank` ON `waitlist_entries` (`session_id`,`status`,`rank`);--> statement-breakpoint
CREATE UNIQUE INDEX `waitlist_entries_waiting_email` ON `waitlist_entries` (`session_id`,`email`) WHERE status = 'waiting';--> statement-breakpoint
CREATE TABLE `waitlist_offers` (
	`id` text PRIMARY KEY NOT NULL,
	`studio_id` text NOT NULL,
	`session_id` text NOT NULL,
	`entry_id` text NOT NULL,
	`spot_id` text NOT NULL,
	`booking_id` text NOT NULL,
	`status` text DEFAULT 'offered' NOT NULL,
	`expires_at` integer NOT NULL,
	`ended_at` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`studio_id`) REFERENCES `studios`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`session_id`) REFERENCES `sessions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`entry_id`) REFERENCES `waitlist_entries`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`spot_id`) REFERENCES `spots`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`booking_id`) REFERENCES `bookings`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `waitlist_offers_live_spot` ON `waitlist_offers` (`spot_id`) WHERE status = 'offered';--> statement-breakpoint
CREATE UNIQUE INDEX `waitlist_offers_live_entry` ON `waitlist_offers` (`entry_id`) WHERE status = 'offered';--> statement-breakpoint
CREATE INDEX `waitlist_offers_session_status` ON `waitlist_offers` (`session_id`,`status`);--> statement-breakpoint
CREATE INDEX `waitlist_offers_booking` ON `waitlist_offers` (`booking_id`);--> statement-breakpoint
ALTER TABLE `sessions` ADD `waitlist_open` integer DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE `studios` ADD `waitlist_offer_hours` integer DEFAULT 12 NOT NULL;