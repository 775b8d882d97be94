import type { FC } from "hono/jsx";
import type { Message } from "../../../domain/messages.ts";
import {
  placeholders,
  type TemplateKind,
  templateKindList,
  templateKinds,
} from "../../../domain/templates.ts";
import type { EmailTemplateRow } from "../../../queries/email-templates.ts";
import { type Choice, ErrorSummary, Field, PostForm, SelectField } from "../components/fields.tsx";
import { Heading } from "../components/heading.tsx";
import { Notice } from "../components/notice.tsx";
import { type FormState, fieldId } from "../form.ts";
import { paths } from "../paths.ts";

/** Every message kind with the photographer's templates for it. */
export const EmailTemplatesPage: FC<{ templates: EmailTemplateRow[]; notice?: string }> = ({
  templates,
  notice,
}) => (
  <>
    <p>
      <a href={paths.settings}>Settings</a>
    </p>
    <Heading text="Email Templates" />
    <Notice code={notice} />
    <p>
      Each message starts from Spotbook's own text. Write your own templates here, then choose them on a
      session type (for all its sessions) or on one session.
    </p>
    {templateKindList.map((kind) => {
      const mine = templates.filter((t) => t.kind === kind);
      return (
        <section aria-labelledby={`kind-${kind}`}>
          <h2 id={`kind-${kind}`}>{templateKinds[kind]}</h2>
          <ul id={`templates-${kind}`}>
            <li>Spotbook's text (the default)</li>
            {mine.map((t) => (
              <li>
                <a href={paths.emailTemplate(t.id)}>{t.name}</a>
              </li>
            ))}
          </ul>
          <p>
            <a class="button secondary" href={`${paths.newEmailTemplate}?kind=${kind}`}>
              New {templateKinds[kind]} template
            </a>
          </p>
        </section>
      );
    })}
  </>
);

const Preview: FC<{ message: Message }> = ({ message }) => (
  <section aria-labelledby="preview-title">
    <h2 id="preview-title">Preview</h2>
    <dl class="summary">
      <dt>Subject</dt>
      <dd id="preview-subject">{message.subject}</dd>
    </dl>
    <pre class="mail" id="preview-text">
      {message.text}
    </pre>
    <iframe class="mail" title="The HTML of the preview" sandbox="" srcdoc={message.html} />
  </section>
);

/** One template: its words, the placeholders it may use, a preview with a real booking. */
export const EmailTemplateFormPage: FC<{
  kind: TemplateKind;
  form: FormState;
  action: string;
  bookings: Choice[];
  preview?: Message;
  /** Where a saved template is deleted; none for a template not saved yet. */
  deleteAction?: string;
}> = ({ kind, form, action, bookings, preview, deleteAction }) => (
  <>
    <p>
      <a href={paths.emailTemplates}>Email Templates</a>
    </p>
    <Heading text={`${templateKinds[kind]} template`} />
    <ErrorSummary form={form} />
    <PostForm action={action}>
      <input type="hidden" name="kind" value={kind} />
      <Field
        form={form}
        name="name"
        label="Template name"
        hint="Only you see it, when choosing a template."
      />
      <Field form={form} name="subject" label="Subject" />
      <div class={form.errors.body ? "field invalid" : "field"}>
        <label for={fieldId("body")}>Message</label>
        <p id={`${fieldId("body")}-hint`} class="hint">
          Plain text; a blank line starts a new paragraph. Placeholders are replaced for each client:
        </p>
        <ul class="hint">
          {Object.entries(placeholders).map(([name, what]) => (
            <li>
              <code>{`{{${name}}}`}</code> {what}
            </li>
          ))}
        </ul>
        {form.errors.body && (
          <p id={`${fieldId("body")}-error`} class="error">
            <span class="visually-hidden">Error: </span>
            {form.errors.body}
          </p>
        )}
        <textarea
          id={fieldId("body")}
          name="body"
          rows={16}
          aria-describedby={[`${fieldId("body")}-hint`, form.errors.body && `${fieldId("body")}-error`]
            .filter(Boolean)
            .join(" ")}
          aria-invalid={form.errors.body ? "true" : undefined}
        >
          {form.values.body ?? ""}
        </textarea>
      </div>
      {bookings.length > 0 ? (
        <SelectField form={form} name="bookingId" label="Preview with the booking of" choices={bookings} />
      ) : (
        <p class="hint">A preview needs a booking: it shows once a client has booked.</p>
      )}
      <div class="actions">
        {bookings.length > 0 && (
          <button type="submit" name="intent" value="preview" class="secondary">
            Preview
          </button>
        )}
        <button type="submit" name="intent" value="save">
          Save Template
        </button>
      </div>
    </PostForm>
    {preview && <Preview message={preview} />}
    {deleteAction && (
      <PostForm action={deleteAction}>
        <p class="hint">Deleting it sends Spotbook's text again wherever this template was chosen.</p>
        <button type="submit" class="danger">
          Delete Template
        </button>
      </PostForm>
    )}
  </>
);

/** Which template each message of a session type, or of one session, uses. */
export const TemplateChoicesPage: FC<{
  heading: string;
  back: { href: string; label: string };
  form: FormState;
  action: string;
  templates: EmailTemplateRow[];
  /** What a message sends when nothing is chosen here: the default, or the session type's choice. */
  inherited: string;
}> = ({ heading, back, form, action, templates, inherited }) => (
  <>
    <p>
      <a href={back.href}>{back.label}</a>
    </p>
    <Heading text={heading} />
    <ErrorSummary form={form} />
    <p>
      Write templates in <a href={paths.emailTemplates}>Email Templates</a>.
    </p>
    <PostForm action={action}>
      {templateKindList.map((kind) => (
        <SelectField
          form={form}
          name={kind}
          label={templateKinds[kind]}
          blank={inherited}
          choices={templates.filter((t) => t.kind === kind).map((t) => ({ value: t.id, label: t.name }))}
        />
      ))}
      <button type="submit">Save Emails</button>
    </PostForm>
  </>
);
