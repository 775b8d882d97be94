import type { Context } from "hono";
import { Hono } from "hono";
import type { StudioContext } from "../../../actions/context.ts";
import {
  chooseSessionTemplates,
  chooseSessionTypeTemplates,
  deleteEmailTemplate,
  emailTemplateOf,
  emailTemplatesOf,
  previewBookingsOf,
  previewEmailTemplate,
  saveEmailTemplate,
  templateChoicesOf,
} from "../../../actions/email-templates.ts";
import { DomainError, notFound } from "../../../domain/errors.ts";
import { formatWhen, type Message } from "../../../domain/messages.ts";
import {
  defaultTemplates,
  isTemplateKind,
  type TemplateKind,
  templateKindList,
} from "../../../domain/templates.ts";
import { studioContext } from "../../../middleware/context.ts";
import { EmailTemplateInput, TemplateChoices } from "../../../schemas/email-templates.ts";
import { parseInput } from "../../../schemas/validate.ts";
import { withNotice } from "../components/notice.tsx";
import type { AdminEnv } from "../env.ts";
import { Converter, type FormState, formOf, readForm, refusedForm } from "../form.ts";
import { paths } from "../paths.ts";
import { submitForm } from "../submit.ts";
import { EmailTemplateFormPage, EmailTemplatesPage, TemplateChoicesPage } from "../views/email-templates.tsx";

/** The photographer's email templates, under Settings. */
export const emailTemplatePages = new Hono<AdminEnv>();

async function bookingChoices(c: Context<AdminEnv>) {
  const rows = await previewBookingsOf(studioContext(c));
  const locale = c.var.studio.locale;
  return rows.map((r) => ({
    value: r.booking.id,
    label: `${r.client.name} · ${r.session.name} · ${formatWhen({ ...r.spot, timeZone: r.session.timeZone, locale })}`,
  }));
}

const show = async (
  c: Context<AdminEnv>,
  kind: TemplateKind,
  form: FormState,
  action: string,
  preview?: Message,
  id?: string,
) =>
  c.render(
    <EmailTemplateFormPage
      kind={kind}
      form={form}
      action={action}
      bookings={await bookingChoices(c)}
      preview={preview}
      deleteAction={id && `${paths.emailTemplate(id)}/delete`}
    />,
  );

const kindOf = (kind: string | undefined): TemplateKind => {
  if (kind === undefined || !isTemplateKind(kind)) throw notFound("kind of message");
  return kind;
};

/** Saves, or previews the template as typed with the chosen booking (saving nothing). */
async function submit(c: Context<AdminEnv>, kind: TemplateKind, action: string, id?: string) {
  const typed = new Converter(await readForm(c));
  const input = () =>
    parseInput(EmailTemplateInput, {
      kind,
      name: typed.text("name"),
      subject: typed.text("subject"),
      body: typed.text("body"),
    });
  if (typed.text("intent") === "preview") {
    try {
      const ctx = studioContext(c);
      const template = { subject: typed.text("subject"), body: typed.text("body") };
      return show(
        c,
        kind,
        formOf(typed.values),
        action,
        await previewEmailTemplate(ctx, template, typed.text("bookingId")),
        id,
      );
    } catch (err) {
      if (!(err instanceof DomainError && err.status === 422)) throw err;
      c.status(422);
      return show(c, kind, refusedForm(err, typed), action, undefined, id);
    }
  }
  return submitForm(c, typed, (ctx: StudioContext) => saveEmailTemplate(ctx, input(), id), {
    done: () => withNotice(paths.emailTemplates, "template-saved"),
    refused: (form) => show(c, kind, form, action, undefined, id),
  });
}

emailTemplatePages.get("/", async (c) =>
  c.render(
    <EmailTemplatesPage templates={await emailTemplatesOf(studioContext(c))} notice={c.req.query("done")} />,
  ),
);

emailTemplatePages.get("/new", (c) => {
  const kind = kindOf(c.req.query("kind"));
  const name = `My ${kind.replace(/_/g, " ")}`;
  return show(c, kind, formOf({ name, ...defaultTemplates[kind] }), `${paths.newEmailTemplate}?kind=${kind}`);
});

emailTemplatePages.post("/new", (c) => {
  const kind = kindOf(c.req.query("kind"));
  return submit(c, kind, `${paths.newEmailTemplate}?kind=${kind}`);
});

emailTemplatePages.get("/:id", async (c) => {
  const t = await emailTemplateOf(studioContext(c), c.req.param("id"));
  return show(
    c,
    kindOf(t.kind),
    formOf({ name: t.name, subject: t.subject, body: t.body }),
    paths.emailTemplate(t.id),
    undefined,
    t.id,
  );
});

emailTemplatePages.post("/:id/delete", async (c) => {
  await deleteEmailTemplate(studioContext(c), c.req.param("id"));
  return c.redirect(withNotice(paths.emailTemplates, "template-deleted"), 303);
});

emailTemplatePages.post("/:id", async (c) => {
  const t = await emailTemplateOf(studioContext(c), c.req.param("id"));
  return submit(c, kindOf(t.kind), paths.emailTemplate(t.id), t.id);
});

type Target = "sessionType" | "session";

/** The page where a session type, or one session, chooses its templates. */
function choicePages(target: Target) {
  const pages = new Hono<AdminEnv>();
  const action = (id: string) =>
    target === "session" ? paths.sessionEmails(id) : paths.sessionTypeEmails(id);
  const back = (id: string) => (target === "session" ? paths.session(id) : paths.sessionType(id));
  const render = async (c: Context<AdminEnv>, id: string, form?: FormState) => {
    const ctx = studioContext(c);
    const row = await templateChoicesOf(ctx, target, id);
    return c.render(
      <TemplateChoicesPage
        heading={`Emails of ${row.name}`}
        back={{ href: back(id), label: row.name }}
        form={form ?? formOf(row.emailTemplates)}
        action={action(id)}
        templates={await emailTemplatesOf(ctx)}
        inherited={target === "session" ? "As its session type" : "Spotbook's text (the default)"}
      />,
    );
  };
  pages.get("/:id/emails", (c) => render(c, c.req.param("id")));
  pages.post("/:id/emails", async (c) => {
    const id = c.req.param("id");
    const typed = new Converter(await readForm(c));
    const choices = Object.fromEntries(templateKindList.map((k) => [k, typed.optional(k) ?? null]));
    const choose = target === "session" ? chooseSessionTemplates : chooseSessionTypeTemplates;
    return submitForm(c, typed, (ctx) => choose(ctx, id, parseInput(TemplateChoices, choices)), {
      done: () => withNotice(back(id), "emails-chosen"),
      refused: (form) => render(c, id, form),
    });
  });
  return pages;
}

export const sessionTypeEmailPages = choicePages("sessionType");
export const sessionEmailPages = choicePages("session");
