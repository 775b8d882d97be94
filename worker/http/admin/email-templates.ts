import { createRoute, z } from "@hono/zod-openapi";
import {
  deleteEmailTemplate,
  emailTemplateOf,
  emailTemplatesOf,
  saveEmailTemplate,
} from "../../actions/email-templates.ts";
import { defaultTemplatesIn, placeholders } from "../../domain/templates.ts";
import { studioContext } from "../../middleware/context.ts";
import {
  EmailTemplateInput,
  EmailTemplateSchema,
  TemplateDefaultsSchema,
  toEmailTemplate,
} from "../../schemas/email-templates.ts";
import {
  exampleEmailTemplate,
  exampleNewEmailTemplate,
  exampleTemplateDefaults,
} from "../../schemas/examples/email-templates.ts";
import { createRouter } from "../app.ts";
import { adminSecurity, IdParam, json, jsonBody, problems } from "../openapi.ts";

/** The photographer's email templates; which one a message uses is chosen per session type or session. */
const router = createRouter();

const Wrapped =
  DOCUMENTED && json(z.object({ template: EmailTemplateSchema }), { template: exampleEmailTemplate });
const tags = ["Email templates"];

router.openapi(
  createRoute({
    method: "get",
    path: "/",
    ...(DOCUMENTED && {
      tags,
      summary:
        "The studio's templates, with each message's default text and the placeholders a template may use",
      security: adminSecurity,
      responses: {
        200: {
          description: "OK",
          ...json(z.object({ templates: z.array(EmailTemplateSchema) }).merge(TemplateDefaultsSchema), {
            templates: [exampleEmailTemplate],
            ...exampleTemplateDefaults,
          }),
        },
      },
    }),
  }),
  async (c) =>
    c.json(
      {
        templates: (await emailTemplatesOf(studioContext(c))).map(toEmailTemplate),
        // In the studio's language, as a new template in the admin starts.
        defaults: defaultTemplatesIn(studioContext(c).studio.locale),
        placeholders,
      },
      200,
    ),
);

router.openapi(
  createRoute({
    method: "post",
    path: "/",
    request: jsonBody(EmailTemplateInput, DOCUMENTED && exampleNewEmailTemplate),
    ...(DOCUMENTED && {
      tags,
      summary:
        "Write a template for one kind of message; an unknown {{placeholder}}, or an announcement without {{unsubscribe_link}}, is refused",
      security: adminSecurity,
      responses: { 201: { description: "Created", ...Wrapped } },
    }),
  }),
  async (c) =>
    c.json(
      { template: toEmailTemplate(await saveEmailTemplate(studioContext(c), c.req.valid("json"))) },
      201,
    ),
);

router.openapi(
  createRoute({
    method: "get",
    path: "/{id}",
    request: { params: IdParam },
    ...(DOCUMENTED && {
      tags,
      summary: "A template",
      security: adminSecurity,
      responses: { 200: { description: "OK", ...Wrapped }, ...problems(404) },
    }),
  }),
  async (c) =>
    c.json(
      { template: toEmailTemplate(await emailTemplateOf(studioContext(c), c.req.valid("param").id)) },
      200,
    ),
);

router.openapi(
  createRoute({
    method: "put",
    path: "/{id}",
    request: { params: IdParam, ...jsonBody(EmailTemplateInput, DOCUMENTED && exampleNewEmailTemplate) },
    ...(DOCUMENTED && {
      tags,
      summary: "Rewrite a template; its kind stays (another kind is refused on `kind`)",
      security: adminSecurity,
      responses: { 200: { description: "Saved", ...Wrapped }, ...problems(404) },
    }),
  }),
  async (c) => {
    const saved = await saveEmailTemplate(studioContext(c), c.req.valid("json"), c.req.valid("param").id);
    return c.json({ template: toEmailTemplate(saved) }, 200);
  },
);

router.openapi(
  createRoute({
    method: "delete",
    path: "/{id}",
    request: { params: IdParam },
    ...(DOCUMENTED && {
      tags,
      summary: "Delete a template: the messages that chose it send the default again",
      security: adminSecurity,
      responses: { 204: { description: "Deleted" }, ...problems(404) },
    }),
  }),
  async (c) => {
    await deleteEmailTemplate(studioContext(c), c.req.valid("param").id);
    return c.body(null, 204);
  },
);

export default router;
