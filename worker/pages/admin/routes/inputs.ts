import type { Converter } from "../form.ts";

/** Parts of the API's request bodies that several forms send. */

/** A client from fields named `prefix` + name, email, phone. */
export const clientInput = (typed: Converter, prefix = "") => ({
  name: typed.text(`${prefix}name`),
  email: typed.text(`${prefix}email`),
  phone: typed.text(`${prefix}phone`),
});

/** "Select or add": an existing client's id, or a new client's details (fields `client.*`). */
export const clientChoice = (typed: Converter) =>
  "clientId" in typed.values
    ? { clientId: typed.required("clientId", "Choose a client.") }
    : { client: clientInput(typed, "client.") };

export const dateAndTime = (typed: Converter) => ({
  date: typed.required("date", "Enter the date."),
  time: typed.required("time", "Enter the time."),
});
