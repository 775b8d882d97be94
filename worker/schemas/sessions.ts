import { z } from "@hono/zod-openapi";
import { ClientInput, DateString, Id, Name, SpotCount, TimeString, TimeZone } from "./fields.ts";

/** The request bodies of Booking Sessions, their spots and the clients put on them. */

const Location = z.string().trim().max(500);
const Description = z.string().trim().max(5000);

const common = {
  name: Name,
  sessionTypeId: Id,
  date: DateString,
  time: TimeString,
  timeZone: TimeZone.optional(),
  location: Location.optional(),
  description: Description.optional(),
};

const CreateSingle = z.object({
  ...common,
  classification: z.literal("single"),
  packageId: Id.nullable().optional(),
  clientId: Id.nullable().optional(),
});

const CreateMulti = z.object({
  ...common,
  classification: z.literal("multi"),
  spots: SpotCount,
  sameTime: z.boolean().optional(),
});

export const CreateSession = z
  .discriminatedUnion("classification", [CreateSingle, CreateMulti])
  .openapi("CreateSession");
export type CreateSession = z.infer<typeof CreateSession>;

export const UpdateSession = z
  .object({
    name: Name,
    location: Location,
    description: Description,
    packageId: Id.nullable(),
    date: DateString,
    time: TimeString,
  })
  .partial()
  .openapi("UpdateSession");
export type UpdateSession = z.infer<typeof UpdateSession>;

export const AddSpots = z
  .object({ date: DateString, time: TimeString, spots: SpotCount, sameTime: z.boolean().optional() })
  .openapi("AddSpots");
export type AddSpots = z.infer<typeof AddSpots>;

/** Where a free spot goes: a date and time in the session's zone; it keeps its length. */
export const MoveSpot = z.object({ date: DateString, time: TimeString }).openapi("MoveSpot");
export type MoveSpot = z.infer<typeof MoveSpot>;

/** "Select or add" a client: an existing client's id, or a new client's details. */
export const ClientChoice = z
  .union([z.object({ clientId: Id }).strict(), z.object({ client: ClientInput }).strict()])
  .openapi("ClientChoice");
export type ClientChoice = z.infer<typeof ClientChoice>;
