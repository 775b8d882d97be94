CREATE TABLE `coupon_redemptions` (
	`id` text PRIMARY KEY NOT NULL,
	`studio_id` text NOT NULL,
	`coupon_id` text NOT NULL,
	`booking_id` text NOT NULL,
	`client_email` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`studio_id`) REFERENCES `studios`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`coupon_id`) REFERENCES `coupons`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`booking_id`) REFERENCES `bookings`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `coupon_redemptions_booking_id_unique` ON `coupon_redemptions` (`booking_id`);--> statement-breakpoint
CREATE INDEX `coupon_redemptions_coupon` ON `coupon_redemptions` (`coupon_id`,`client_email`);--> statement-breakpoint
CREATE TABLE `coupons` (
	`id` text PRIMARY KEY NOT NULL,
	`studio_id` text NOT NULL,
	`code` text NOT NULL,
	`kind` text NOT NULL,
	`value` integer NOT NULL,
	`session_type_ids` text,
	`starts_at` integer,
	`ends_at` integer,
	`max_uses` integer,
	`max_uses_per_client` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`studio_id`) REFERENCES `studios`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `coupons_studio_code` ON `coupons` (`studio_id`,`code`);--> statement-breakpoint
ALTER TABLE `bookings` ADD `quote` text;--> statement-breakpoint
ALTER TABLE `packages` ADD `people_included` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE `packages` ADD `extra_person_cents` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `packages` ADD `max_people` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE `packages` ADD `add_ons` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
ALTER TABLE `studios` ADD `tax_rate_basis_points` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `studios` ADD `tax_inclusive` integer DEFAULT false NOT NULL;