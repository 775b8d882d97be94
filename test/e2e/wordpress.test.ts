/**
 * The plugin on a real WordPress (Debian's, over MariaDB; see wordpress.ts): the shortcode and
 * the block book through the widget on both default themes without moving the page, and the
 * embeds survive the classic editor and a user without unfiltered_html.
 */
import type { BrowserContext, Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { inDays } from "../dates.ts";
import { snap, useChromium } from "./browser.ts";
import { desktop, phone, shown, tokens, workerOrigin } from "./support.ts";
import { themes, wordpress, wp } from "./wordpress.ts";

const chromium = useChromium();

/** A Multi session of the demo studio's minis, of its own, so booking here leaves the other files' spots alone. */
async function newSession(name: string): Promise<string> {
  const date = inDays(40);
  const res = await fetch(`${workerOrigin()}/v1/admin/sessions`, {
    method: "POST",
    headers: { authorization: `Bearer ${tokens().DEMO_ADMIN_TOKEN}`, "content-type": "application/json" },
    body: JSON.stringify({
      classification: "multi",
      name,
      sessionTypeId: "demo-type-minis",
      date,
      time: "09:00",
      spots: 8,
    }),
  });
  expect(res.status, await res.clone().text()).toBe(201);
  return ((await res.json()) as { session: { slug: string } }).session.slug;
}

const php = (value: string) => `'${value.replace(/[\\']/g, "\\$&")}'`;

/** Publishes a post (as the admin unless `author` is given) and answers its id. */
function post(content: string, options: { classic?: boolean; author?: string } = {}): number {
  return Number(
    wp(`$id = wp_insert_post(['post_title' => 'Book your minis', 'post_content' => ${php(content)}, 'post_status' => 'publish',
  'post_author' => get_user_by('login', ${php(options.author ?? "admin")})->ID], true);
if (is_wp_error($id)) { fwrite(STDERR, $id->get_error_message()); exit(1); }
${options.classic ? "update_post_meta($id, 'spotbook_test_classic', '1');" : ""}
echo $id;`),
  );
}

const content = (id: number) => wp(`echo get_post(${id})->post_content;`);

/**
 * Every layout shift of the page from its first frame on, as CLS counts them (none that follows
 * input), with what moved: the value, then each node's top and height before and after. A
 * string, so the page runs it as written.
 */
const recordShifts = `window.spotbookShifts = [];
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    if (entry.hadRecentInput) continue;
    const moved = entry.sources.map((s) => (s.node?.outerHTML?.slice(0, 60) ?? s.node?.nodeName) +
      " top " + s.previousRect.top + "→" + s.currentRect.top + " height " + s.previousRect.height + "→" + s.currentRect.height);
    window.spotbookShifts.push(entry.value + " " + moved.join("; "));
  }
}).observe({ type: "layout-shift", buffered: true });`;

/**
 * Opens a post as a fresh visitor, counting every layout shift from the first paint on
 * (a PerformanceObserver for layout-shift, as CLS is measured), until the spots are shown.
 */
async function visitPost(
  id: number,
  options = desktop,
): Promise<{ context: BrowserContext; page: Page; shift: () => Promise<string[]> }> {
  const context = await chromium().newContext({ ...options, locale: "en-US" });
  await context.addInitScript(recordShifts);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  page.on("console", (message) => {
    // PHP's built-in server has no rewrite to WordPress's favicon: the one 404 the theme causes.
    if (message.type() === "error" && !message.location().url.endsWith("/favicon.ico"))
      errors.push(message.text());
  });
  page.on("response", (response) => {
    if (response.status() >= 400) errors.push(`${response.status()} ${response.url()}`);
  });
  await page.goto(`${wordpress().origin}/?p=${id}`);
  await shown(page.locator("spotbook-session button.spot:not([disabled])"));
  // Entries of the frame that drew the spots are delivered after it; two frames later, all are in.
  const shift = () =>
    page.evaluate(
      () =>
        new Promise<string[]>((resolve) =>
          requestAnimationFrame(() =>
            requestAnimationFrame(() =>
              resolve((window as unknown as { spotbookShifts: string[] }).spotbookShifts),
            ),
          ),
        ),
    );
  expect(errors).toEqual([]);
  return { context, page, shift };
}

/** Books the first free time as a visitor would. */
async function book(page: Page, name: string): Promise<void> {
  const widget = page.locator("spotbook-session");
  await widget.locator("button.spot:not([disabled])").first().click();
  await widget.getByLabel("Name").fill(name);
  await widget.getByLabel("Email").fill(`${name.split(" ")[0]?.toLowerCase()}@example.com`);
  await widget.getByRole("button", { name: "Book this time" }).click();
  await shown(widget.getByRole("heading", { name: "You're booked" }));
}

/** Signs in to wp-admin in a fresh browser profile. */
async function signIn(user: {
  user: string;
  password: string;
}): Promise<{ context: BrowserContext; page: Page }> {
  const context = await chromium().newContext({ ...desktop, locale: "en-US" });
  const page = await context.newPage();
  await page.goto(`${wordpress().origin}/wp-login.php`);
  await page.locator("#user_login").fill(user.user);
  await page.locator("#user_pass").fill(user.password);
  await page.locator("#wp-submit").click();
  await shown(page.locator("#wpadminbar"));
  return { context, page };
}

/** Opens a post in the classic editor, on the tab named, as WordPress's editor shows it. */
async function classicEditor(page: Page, id: number, tab: "Visual" | "Text"): Promise<void> {
  await page.goto(`${wordpress().origin}/wp-admin/post.php?post=${id}&action=edit`);
  await page.locator(tab === "Visual" ? "#content-tmce" : "#content-html").click();
  if (tab === "Visual") await shown(page.frameLocator("#content_ifr").locator("body#tinymce"));
  else await shown(page.locator("textarea#content"));
}

/** Saves the post from the classic editor and waits for WordPress to say so. */
async function update(page: Page): Promise<void> {
  await page.locator("#publish").click();
  await shown(page.locator("#message.updated"));
}

for (const theme of themes) {
  describe(`the Spotbook plugin on WordPress, theme ${theme}`, () => {
    beforeAll(() => {
      wp(`switch_theme(${php(theme)}); echo get_stylesheet();`);
    });

    for (const [embed, markup] of [
      [
        "shortcode",
        (slug: string) =>
          `<p>Autumn minis in the park.</p>\n[spotbook session="${slug}"]\n<p>See you there!</p>`,
      ],
      [
        "block",
        (slug: string) =>
          `<!-- wp:paragraph --><p>Autumn minis in the park.</p><!-- /wp:paragraph -->\n<!-- wp:spotbook/session {"session":"${slug}"} /-->\n<!-- wp:paragraph --><p>See you there!</p><!-- /wp:paragraph -->`,
      ],
    ] as const) {
      it(`renders the widget from the ${embed}, and a visitor books through it without the page moving`, async () => {
        const id = post(markup(await newSession(`WordPress ${embed} ${theme}`)));
        for (const [size, options] of [
          ["1280", desktop],
          ["375", phone],
        ] as const) {
          const { context, page, shift } = await visitPost(id, options);
          const shifts = await shift();
          const cls = shifts.reduce((sum, s) => sum + Number.parseFloat(s), 0);
          const height = await page
            .locator("spotbook-session")
            .evaluate((e) => e.getBoundingClientRect().height);
          console.log(
            `layout shift, ${theme}, ${embed}, ${size} px: ${cls.toFixed(4)} (the widget is ${height} px high)`,
          );
          expect(cls, `layout shift at ${size} px:\n${shifts.join("\n")}`).toBeLessThanOrEqual(0.01);
          await snap(page, `wordpress-${theme}-${embed}-${size}`);
          // The script is enqueued once, as a module.
          expect(
            await page
              .locator('script[src$="/widget.js"]')
              .evaluateAll((s) => s.map((e) => e.getAttribute("type"))),
          ).toEqual(["module"]);
          if (size === "1280") await book(page, `Jane ${embed} ${theme}`);
          await context.close();
        }
      });
    }
  });
}

describe("the embeds survive WordPress's editors", () => {
  it("keeps the div embed through the classic editor's Visual tab, and the page books through it", async () => {
    const slug = await newSession("WordPress classic editor");
    const div = `<div data-spotbook-session="${slug}"><a href="${workerOrigin()}/s/${slug}">Book online</a></div>`;
    const id = post(`<p>Autumn minis.</p>\n${div}`, { classic: true });
    const { context, page } = await signIn(wordpress().admin);
    await classicEditor(page, id, "Visual");
    await update(page);
    await context.close();
    expect(content(id)).toContain(`data-spotbook-session="${slug}"`);

    const visitor = await visitPost(id);
    await book(visitor.page, "Charlotte Lucas");
    await visitor.context.close();
  });

  it("keeps an Author's shortcode and div (no unfiltered_html), where kses drops the custom element", async () => {
    const slug = await newSession("WordPress author");
    const id = post("<p>Draft</p>", { classic: true, author: wordpress().author.user });
    const { context, page } = await signIn(wordpress().author);
    await classicEditor(page, id, "Text");
    await page
      .locator("textarea#content")
      .fill(
        `[spotbook session="${slug}"]\n<div data-spotbook-session="${slug}"></div>\n<spotbook-session session="${slug}"></spotbook-session>`,
      );
    await update(page);
    await context.close();
    const saved = content(id);
    expect(saved).toContain(`[spotbook session="${slug}"]`);
    expect(saved).toContain(`<div data-spotbook-session="${slug}"></div>`);
    expect(saved).not.toContain("<spotbook-session");

    const visitor = await visitPost(id);
    // The shortcode's widget and the div's.
    expect(await visitor.page.locator("spotbook-session").count()).toBe(2);
    await book(visitor.page, "Maria Lucas");
    await visitor.context.close();
  });
});
