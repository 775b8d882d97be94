ALTER TABLE `bookings` ADD `visitor_key` text;--> statement-breakpoint
CREATE INDEX `bookings_session_visitor` ON `bookings` (`session_id`,`visitor_key`);--> statement-breakpoint
ALTER TABLE `studios` ADD `max_holds_per_visitor` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX `studios_email_unique` ON `studios` (`email`);