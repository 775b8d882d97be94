CREATE TABLE `contracts` (
	`id` text PRIMARY KEY NOT NULL,
	`studio_id` text NOT NULL,
	`session_type_id` text NOT NULL,
	`version` integer NOT NULL,
	`text` text NOT NULL,
	`sha256` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`studio_id`) REFERENCES `studios`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`session_type_id`) REFERENCES `session_types`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `contracts_type_version` ON `contracts` (`session_type_id`,`version`);--> statement-breakpoint
ALTER TABLE `bookings` ADD `answers` text;--> statement-breakpoint
ALTER TABLE `bookings` ADD `contract_id` text REFERENCES contracts(id);--> statement-breakpoint
ALTER TABLE `bookings` ADD `contract_version` integer;--> statement-breakpoint
ALTER TABLE `bookings` ADD `contract_hash` text;--> statement-breakpoint
ALTER TABLE `bookings` ADD `signed_name` text;--> statement-breakpoint
ALTER TABLE `bookings` ADD `signed_at` integer;--> statement-breakpoint
ALTER TABLE `bookings` ADD `signed_ip` text;--> statement-breakpoint
ALTER TABLE `session_types` ADD `questions` text DEFAULT '[]' NOT NULL;