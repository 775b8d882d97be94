ALTER TABLE `bookings` ADD `seats` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE `bookings` ADD `locale` text;--> statement-breakpoint
ALTER TABLE `studios` ADD `max_seats_per_booking` integer DEFAULT 1 NOT NULL;