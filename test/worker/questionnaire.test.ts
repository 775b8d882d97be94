import { env } from "cloudflare:workers";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { answersFor, type Question } from "../../worker/domain/questionnaire.ts";
import { attributes, field, signedInStudio, texts } from "./admin-browser.ts";
import { call, hold, invitedSingle, newSessionType, newStudio, openMultiSession } from "./support.ts";

/** Short text (required), long text, one choice, several choices (required) and yes/no. */
const questions = [
  { kind: "short_text", label: "Who is coming?", required: true, maxLength: 40 },
  { kind: "long_text", label: "Anything we should know?" },
  { kind: "one_choice", label: "Which look?", choices: ["Natural", "Classic"] },
  { kind: "several_choices", label: "Which places?", required: true, choices: ["Meadow", "Lake", "Barn"] },
  { kind: "yes_no", label: "Bringing a pet?" },
];

type Asked = { id: string; label: string };
const idOf = (asked: Asked[], label: string) => asked.find((q) => q.label === label)?.id as string;

let visitors = 0;
async function book(slug: string, spotId: string, body: Record<string, unknown>) {
  const held = await hold(slug, spotId);
  return call("POST", `/v1/holds/${held.body.hold.id}/booking`, {
    token: held.body.hold.token,
    body: { client: { name: "Mary Shelley", email: `mary${++visitors}@example.com` }, ...body },
  });
}

async function asking(spots = 3) {
  const opened = await openMultiSession(spots, { questions });
  const asked: Asked[] = (await call("GET", `/v1/sessions/${opened.session.slug}`)).body.questions;
  return { ...opened, asked, id: (label: string) => idOf(asked, label) };
}

describe("a session type's questions", () => {
  it("are kept in order with their kinds and ids, shown to visitors, and keep their ids when edited", async () => {
    const { token, type, asked } = await asking();
    expect(asked.map((q) => [q.label, (q as unknown as Question).kind])).toEqual(
      questions.map((q) => [q.label, q.kind]),
    );
    const edited = await call("PATCH", `/v1/admin/session-types/${type.id}`, {
      token,
      body: { questions: [{ ...asked[0], label: "Who comes along?" }] },
    });
    expect(edited.status).toBe(200);
    expect(edited.body.sessionType.questions).toEqual([
      { ...asked[0], label: "Who comes along?", required: true, choices: [], maxLength: 40 },
    ]);
  });

  it("refuses a choice question without two choices and a text question with choices, naming the field", async () => {
    const { token } = await newStudio();
    const res = await call("POST", "/v1/admin/session-types", {
      token,
      body: {
        name: "Minis",
        classification: "multi",
        durationMinutes: 20,
        packages: [{ name: "Mini", priceCents: 100 }],
        questions: [
          { kind: "one_choice", label: "Look?", choices: ["Only"] },
          { kind: "short_text", label: "Name?", choices: ["a", "b"] },
          { kind: "essay", label: "Tell us" },
        ],
      },
    });
    expect(res.status).toBe(422);
    expect(res.body.errors.map((e: { path: string }) => e.path).sort()).toEqual([
      "questions.0.choices",
      "questions.1.choices",
      "questions.2.kind",
    ]);
  });
});

describe("answering before booking", () => {
  it("stores each answer with the question as asked, and a later edit does not change it", async () => {
    const { token, type, session, spotIds, asked, id } = await asking();
    const booked = await book(session.slug, spotIds[0] as string, {
      answers: {
        [id("Who is coming?")]: "  Mary and Percy ",
        [id("Which places?")]: ["Lake", "Meadow"],
        [id("Bringing a pet?")]: false,
      },
    });
    expect(booked.status, JSON.stringify(booked.body)).toBe(201);
    await call("PATCH", `/v1/admin/session-types/${type.id}`, {
      token,
      body: { questions: asked.map((q) => ({ ...q, label: `${q.label} (new)` })) },
    });
    const details = await call("GET", `/v1/admin/sessions/${session.id}`, { token });
    expect(details.body.session.spots[0].booking.answers).toEqual([
      {
        questionId: id("Who is coming?"),
        question: "Who is coming?",
        kind: "short_text",
        answer: "Mary and Percy",
      },
      {
        questionId: id("Which places?"),
        question: "Which places?",
        kind: "several_choices",
        answer: ["Lake", "Meadow"],
      },
      { questionId: id("Bringing a pet?"), question: "Bringing a pet?", kind: "yes_no", answer: false },
    ]);
  });

  it("refuses a missing required answer with a problem naming the question, and books nothing", async () => {
    const { session, spotIds, id } = await asking();
    const res = await book(session.slug, spotIds[0] as string, {
      answers: { [id("Who is coming?")]: "Mary", [id("Which look?")]: "Punk" },
    });
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ status: 422, code: "validation_failed" });
    expect(res.body.errors).toEqual([
      { path: `answers.${id("Which look?")}`, message: "Choose one of the answers to “Which look?”." },
      { path: `answers.${id("Which places?")}`, message: "Please answer “Which places?”." },
    ]);
    const booked = await env.DB.prepare(
      "SELECT count(*) AS n FROM bookings WHERE session_id = ? AND client_id IS NOT NULL",
    )
      .bind(session.id)
      .first<{ n: number }>();
    expect(booked?.n).toBe(0);
  });

  it("tells the photographer the answers in the booked notice", async () => {
    const { token, session, spotIds, id } = await asking();
    await call("PATCH", "/v1/admin/studio", { token, body: { email: `studio${++visitors}@example.com` } });
    const booked = await book(session.slug, spotIds[0] as string, {
      answers: { [id("Who is coming?")]: "Mary and Percy", [id("Which places?")]: ["Barn"] },
    });
    expect(booked.status).toBe(201);
    const notice = await env.DB.prepare(
      "SELECT text FROM emails WHERE kind = 'notice_booked' AND booking_id = ?",
    )
      .bind(booked.body.booking.id)
      .first<{ text: string }>();
    expect(notice?.text).toContain("Who is coming?\nMary and Percy");
    expect(notice?.text).toContain("Which places?\nBarn");
  });

  it("asks a reserved client on their page: the confirmation carries the answers", async () => {
    const { link, page } = await invitedSingle({ questions });
    const id = (label: string) => idOf(page.body.questions, label);
    const unanswered = await call("POST", `/v1/bookings/${link}/confirm`, { body: {} });
    expect(unanswered.status).toBe(422);
    const confirmed = await call("POST", `/v1/bookings/${link}/confirm`, {
      body: { answers: { [id("Who is coming?")]: "Just me", [id("Which places?")]: ["Lake"] } },
    });
    expect(confirmed.status, JSON.stringify(confirmed.body)).toBe(200);
    expect(confirmed.body.booking.answers.map((a: { answer: unknown }) => a.answer)).toEqual([
      "Just me",
      ["Lake"],
    ]);
  });
});

describe("answers as input", () => {
  const typed: Question[] = questions.map((q, i) => ({
    id: `q${i}`,
    kind: q.kind as Question["kind"],
    label: q.label,
    required: q.required ?? false,
    choices: q.choices ?? [],
    maxLength: q.maxLength ?? null,
  }));
  const value = fc.oneof(
    fc.string({ maxLength: 300 }),
    fc.boolean(),
    fc.array(fc.oneof(fc.constantFrom("Meadow", "Lake", "Barn", "Natural"), fc.string()), { maxLength: 5 }),
  );
  const input = fc.dictionary(fc.oneof(fc.constantFrom("q0", "q1", "q2", "q3", "q4"), fc.string()), value);

  it("are either kept as answers to known questions that fit, or refused naming each answer that does not", () => {
    fc.assert(
      fc.property(input, (answers) => {
        try {
          const kept = answersFor(typed, answers);
          for (const a of kept) {
            const q = typed.find((t) => t.id === a.questionId) as Question;
            expect(a.question).toBe(q.label);
            if (typeof a.answer === "string")
              expect(a.answer.length).toBeLessThanOrEqual(q.maxLength ?? 5000);
          }
          for (const q of typed.filter((t) => t.required))
            expect(kept.some((a) => a.questionId === q.id)).toBe(true);
        } catch (error) {
          const { code, errors } = error as { code: string; errors: { path: string }[] };
          expect(code).toBe("validation_failed");
          expect(errors.length).toBeGreaterThan(0);
          for (const e of errors) expect(e.path).toMatch(/^answers\./);
        }
      }),
    );
  });

  it("through the API, answer a problem for any shape of answers, never a server error", async () => {
    const { session, spotIds } = await asking(1);
    const held = await hold(session.slug, spotIds[0] as string);
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.jsonValue(), input), async (answers) => {
        const res = await call("POST", `/v1/holds/${held.body.hold.id}/booking`, {
          token: held.body.hold.token,
          body: { client: { name: "Mary", email: "mary@example.com" }, answers },
        });
        // Once a fitting set of answers booked it, the hold is gone (410).
        expect([201, 410, 422]).toContain(res.status);
        if (res.status === 422) expect(res.body.errors.length).toBeGreaterThan(0);
      }),
      { numRuns: 40 },
    );
  });
});

describe("the session type's Questions and Contract page", () => {
  it("adds questions and a contract from the form, edits a question in place, and refuses a choice question without choices at its row", async () => {
    const { browser, token } = await signedInStudio();
    const type = await newSessionType(token, { name: "Minis" });
    const page = await browser.get(`/admin/session-types/${type.id}/questions`);
    expect(page.status).toBe(200);
    expect(await texts(page.html, "h1")).toEqual(["Questions and Contract: Minis"]);
    const saved = await browser.post(`/admin/session-types/${type.id}/questions`, {
      "questions.0.label": "Who is coming?",
      "questions.0.kind": "short_text",
      "questions.0.required": "on",
      "questions.0.choices": "",
      "questions.0.maxLength": "80",
      "questions.1.label": "Which look?",
      "questions.1.kind": "one_choice",
      "questions.1.choices": "Natural\r\nClassic\r\n",
      "questions.1.maxLength": "",
      contract: "Terms.\r\nMore terms.",
    });
    expect(saved.status).toBe(303);
    const api = (await call("GET", `/v1/admin/session-types/${type.id}`, { token })).body.sessionType;
    expect(api.questions).toMatchObject([
      { label: "Who is coming?", kind: "short_text", required: true, maxLength: 80 },
      { label: "Which look?", kind: "one_choice", required: false, choices: ["Natural", "Classic"] },
    ]);
    expect(api.contract).toMatchObject({ version: 1, text: "Terms.\nMore terms." });
    const edit = await browser.get(`/admin/session-types/${type.id}/questions`);
    expect(await field(edit.html, "questions.0.label")).toMatchObject({ value: "Who is coming?" });
    const refused = await browser.post(`/admin/session-types/${type.id}/questions`, {
      "questions.0.id": api.questions[0].id,
      "questions.0.label": "Who comes?",
      "questions.0.kind": "short_text",
      "questions.0.remove": "on",
      "questions.1.id": api.questions[1].id,
      "questions.1.label": "Which look?",
      "questions.1.kind": "one_choice",
      "questions.1.choices": "Natural",
      contract: "Terms.\nMore terms.",
    });
    expect(refused.status).toBe(422);
    expect(await texts(refused.html, ".error-summary li")).toEqual(["Give at least two choices."]);
    expect(await attributes(refused.html, ".error-summary a", "href")).toEqual(["#f-questions-1-choices"]);
  });
});
