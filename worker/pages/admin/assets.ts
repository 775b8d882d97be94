import { Hono } from "hono";
import type { AdminEnv } from "./env.ts";

/*
 * The pages' stylesheet and their one script, served as files so the Content-Security-Policy
 * can forbid inline code. The script only enhances: every page works without it.
 */

const css = `
:root { color-scheme: light; --ink: #1b1f24; --muted: #5a6470; --line: #d0d7de; --accent: #1f4fa3; --bad: #b3261e; --ok: #1a7f37; }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.5 system-ui, sans-serif; color: var(--ink); background: #fff; }
main { max-width: 64rem; margin: 0 auto; padding: 1rem 1rem 4rem; }
a { color: var(--accent); }
:focus-visible { outline: 3px solid #f5a623; outline-offset: 2px; }
.skip { position: absolute; left: -999px; }
.skip:focus { left: 1rem; top: 1rem; background: #fff; padding: .5rem; z-index: 1; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
.top { display: flex; flex-wrap: wrap; gap: 1rem; align-items: center; justify-content: space-between; padding: .75rem 1rem; border-bottom: 1px solid var(--line); }
.brand { margin: 0; font-weight: 700; }
nav { display: flex; gap: 1rem; align-items: center; flex-wrap: wrap; }
nav ul { display: flex; gap: 1rem; margin: 0; padding: 0; list-style: none; flex-wrap: wrap; }
nav a[aria-current="page"] { font-weight: 700; text-decoration-thickness: 3px; }
h1 { font-size: 1.75rem; margin: 1rem 0; }
h2 { font-size: 1.25rem; margin: 2rem 0 .75rem; }
table { width: 100%; border-collapse: collapse; margin: .5rem 0 1rem; }
th, td { text-align: left; padding: .4rem .5rem; border-bottom: 1px solid var(--line); vertical-align: top; }
caption { text-align: left; font-weight: 700; padding: .25rem 0; }
td time { white-space: nowrap; }
.field { margin: 0 0 1rem; }
.field label { display: block; font-weight: 600; }
.field.check { display: flex; flex-wrap: wrap; gap: .5rem; align-items: center; }
.field.check label { display: inline; }
.field.check .hint, .field.check .error { flex-basis: 100%; }
input, select, textarea { font: inherit; padding: .4rem .5rem; border: 1px solid #6e7781; border-radius: 4px; max-width: 100%; }
input:not([type="checkbox"]), select, textarea { width: 24rem; }
input[type="checkbox"] { width: 1.25rem; height: 1.25rem; }
textarea.snippet { width: 100%; font: 14px ui-monospace, monospace; }
.hint { margin: .1rem 0 .3rem; color: var(--muted); font-size: .9rem; }
.error { margin: .1rem 0 .3rem; color: var(--bad); font-weight: 600; }
.invalid input, .invalid select, .invalid textarea { border: 2px solid var(--bad); }
.error-summary { border: 3px solid var(--bad); padding: .5rem 1rem; margin: 1rem 0; }
.error-summary h2 { margin-top: .5rem; }
.warning { border-left: 4px solid #bf8700; background: #fff8c5; padding: .5rem 1rem; margin: 1rem 0; }
.notice { border-left: 4px solid var(--ok); background: #eef8f0; padding: .5rem 1rem; margin: 1rem 0; }
fieldset { border: 1px solid var(--line); border-radius: 6px; margin: 0 0 1rem; padding: .5rem 1rem; }
legend { font-weight: 700; padding: 0 .25rem; }
button, .button { display: inline-block; font: inherit; font-weight: 600; padding: .5rem 1rem; border-radius: 6px; border: 1px solid var(--accent); background: var(--accent); color: #fff; text-decoration: none; cursor: pointer; }
button.secondary, .button.secondary { background: #fff; color: var(--accent); }
button.danger, .button.danger { background: var(--bad); border-color: var(--bad); color: #fff; }
button:disabled { opacity: .55; cursor: not-allowed; }
.notice.cancelled { border-left-color: var(--bad); background: #fdf0ef; }
td.row-actions { display: flex; flex-wrap: wrap; gap: .25rem 1rem; }
.figures { display: flex; flex-wrap: wrap; gap: 1rem; margin: 1rem 0; padding: 0; list-style: none; }
.figures li { border: 1px solid var(--line); border-radius: 6px; padding: .5rem 1rem; min-width: 10rem; }
.figures strong { display: block; font-size: 1.5rem; }
button.link { background: none; border: 0; padding: 0; color: var(--accent); text-decoration: underline; font-weight: 400; }
.actions { display: flex; flex-wrap: wrap; gap: .75rem; align-items: center; margin: 1rem 0; }
.actions form { margin: 0; }
dl.summary { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1rem; }
dl.summary dt { font-weight: 600; }
dl.summary dd { margin: 0; }
.package-row { display: flex; flex-wrap: wrap; gap: 0 1rem; }
.package-row input:not([type="checkbox"]) { width: 12rem; }
pre.mail { white-space: pre-wrap; border: 1px solid var(--line); padding: 1rem; }
iframe.mail { width: 100%; height: 32rem; border: 1px solid var(--line); }
form.inline { display: flex; flex-wrap: wrap; gap: .5rem; align-items: end; margin: 0 0 .5rem; }
form.inline input:not([type="checkbox"]) { width: 4rem; }
form.inline select { width: auto; }
`;

const js = `
for (const button of document.querySelectorAll("button[data-copy]")) {
  const source = document.getElementById(button.dataset.copy);
  const status = document.getElementById(button.dataset.copy + "-status");
  button.hidden = false;
  button.addEventListener("click", async () => {
    try {
      await navigator.clipboard.writeText(source.value);
      status.textContent = "Copied.";
    } catch {
      source.select();
      status.textContent = "Selected: copy it with your keyboard.";
    }
  });
}

// Schedule a New Session: show the chosen classification's fields and session types only.
// The session type pages have a classification too, but no session type to narrow.
const classification = document.getElementById("f-classification");
const type = document.getElementById("f-sessionTypeId");
if (classification && type) {
  const show = () => {
    for (const part of document.querySelectorAll("[data-classification]")) {
      const on = part.dataset.classification === classification.value;
      part.hidden = part.tagName !== "OPTGROUP" && !on;
      part.disabled = !on;
    }
    if (type.selectedOptions[0]?.parentElement.disabled) type.value = "";
  };
  classification.addEventListener("change", show);
  show();
}

// Package Option: only the chosen session type's packages, and no question at all when it has
// one (the server uses that one), as the help page describes.
const pkg = document.getElementById("f-packageId");
const sessionType = document.getElementById("f-sessionTypeId");
if (pkg && sessionType) {
  const narrow = () => {
    let count = 0;
    for (const group of pkg.querySelectorAll("optgroup[data-session-type]")) {
      const on = group.dataset.sessionType === sessionType.value;
      group.hidden = !on;
      group.disabled = !on;
      if (on) count = group.querySelectorAll("option").length;
    }
    if (pkg.selectedOptions[0]?.parentElement.disabled) pkg.value = "";
    pkg.closest(".field").hidden = count <= 1;
  };
  sessionType.addEventListener("change", narrow);
  narrow();
}
`;

export const assets = new Hono<AdminEnv>();

const cached = { "cache-control": "public, max-age=300" };
assets.get("/admin.css", (c) => c.body(css, 200, { ...cached, "content-type": "text/css; charset=utf-8" }));
assets.get("/admin.js", (c) =>
  c.body(js, 200, { ...cached, "content-type": "text/javascript; charset=utf-8" }),
);
