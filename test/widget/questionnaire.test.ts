import { describe, expect, it } from "vitest";
import { fakeApi, json, problem } from "./fake-api.ts";
import { click, find, findAll, focused, mount, spotButton, submit, text, type } from "./render.ts";

const questions = [
  { id: "who", kind: "short_text", label: "Who is coming?", required: true, choices: [], maxLength: 40 },
  { id: "notes", kind: "long_text", label: "Anything else?", required: false, choices: [], maxLength: null },
  {
    id: "look",
    kind: "one_choice",
    label: "Which look?",
    required: false,
    choices: ["Natural", "Classic"],
    maxLength: null,
  },
  {
    id: "places",
    kind: "several_choices",
    label: "Where?",
    required: true,
    choices: ["Meadow", "Lake"],
    maxLength: null,
  },
  { id: "pet", kind: "yes_no", label: "Bringing a pet?", required: false, choices: [], maxLength: null },
];

async function detailsDone(forms = { questions, contract: null as unknown }) {
  const api = fakeApi({
    packages: [{ id: "pkg", name: "Mini", description: "", priceCents: 100, depositCents: 0 }],
    forms,
  });
  const element = await mount({ session: "fall-minis", locale: "en-US" });
  await click(element, spotButton(element, "9:30 AM"));
  type(element, "name", "Ada");
  type(element, "email", "ada@example.com");
  expect(text(find(element, 'form button[type="submit"]'))).toBe("Continue");
  await submit(element);
  return { api, element };
}

const tick = (element: Parameters<typeof find>[0], selector: string) => {
  find<HTMLInputElement>(element, selector).checked = true;
};

describe("the questions before booking", () => {
  it("come on a page after the details, each labelled, optional ones said so", async () => {
    const { element } = await detailsDone();
    expect(text(find(element, "h3"))).toBe("Before you book");
    expect(text(find(element, 'label[for="q.who"]'))).toBe("Who is coming?");
    expect(text(find(element, 'label[for="q.notes"]'))).toBe("Anything else? (optional)");
    expect(find<HTMLTextAreaElement>(element, "textarea").name).toBe("q.notes");
    expect(findAll(element, "fieldset legend").map(text)).toEqual([
      "Which look? (optional)",
      "Where?",
      "Bringing a pet? (optional)",
    ]);
    expect(find<HTMLInputElement>(element, '[name="q.who"]').maxLength).toBe(40);
    expect(text(find(element, 'form button[type="submit"]'))).toBe("Book this time");
  });

  it("names each required question left empty at its field, focuses the first, and sends nothing", async () => {
    const { api, element } = await detailsDone();
    const sent = api.requests.length;
    await submit(element);
    expect(api.requests.length).toBe(sent);
    expect(text(find(element, "#q\\.who-error"))).toBe("Please answer “Who is coming?”.");
    expect(text(find(element, "#q\\.places-error"))).toBe("Please answer “Where?”.");
    expect(find(element, '[name="q.who"]').getAttribute("aria-invalid")).toBe("true");
    expect(focused(element)?.getAttribute("name")).toBe("q.who");
  });

  it("sends the answers with the details: text trimmed, the choices ticked, yes as true", async () => {
    const { api, element } = await detailsDone();
    type(element, "q.who", "  Ada and Byron ");
    tick(element, '[name="q.places"][value="Lake"]');
    tick(element, '[name="q.places"][value="Meadow"]');
    tick(element, '[name="q.pet"][value="yes"]');
    await submit(element);
    expect(api.requests.at(-1)?.body).toMatchObject({
      client: { name: "Ada", email: "ada@example.com" },
      answers: { who: "Ada and Byron", places: ["Meadow", "Lake"], pet: true },
    });
    expect(text(find(element, "h3"))).toBe("You're booked");
  });

  it("shows the server's word on an answer at that question's field", async () => {
    const { api, element } = await detailsDone();
    api.on("POST", /booking$/, () =>
      problem(422, "validation_failed", [
        { path: "answers.who", message: "“Who is coming?” takes at most 40 characters." },
      ]),
    );
    type(element, "q.who", "Ada");
    tick(element, '[name="q.places"][value="Lake"]');
    await submit(element);
    expect(text(find(element, "#q\\.who-error"))).toBe("“Who is coming?” takes at most 40 characters.");
  });

  it("go back to the details, which keep what was typed", async () => {
    const { element } = await detailsDone();
    await click(element, findAll<HTMLButtonElement>(element, "form button").at(-1) as HTMLButtonElement);
    expect(find<HTMLInputElement>(element, '[name="name"]').value).toBe("Ada");
  });

  it("are asked on a reserved client's confirmation page, and sent with the confirmation", async () => {
    const api = fakeApi({ forms: { questions, contract: null }, booking: { packageId: "pkg-mini" } });
    api.on("POST", /confirm$/, () => json(200, { booking: { ...api.booking, status: "confirmed" } }));
    const element = await mount({ booking: "booking-token", locale: "en-US" });
    expect(text(find(element, 'label[for="q.who"]'))).toBe("Who is coming?");
    type(element, "q.who", "Ada");
    tick(element, '[name="q.places"][value="Meadow"]');
    await submit(element);
    expect(api.requests.at(-1)?.body).toMatchObject({ answers: { who: "Ada", places: ["Meadow"] } });
  });
});
