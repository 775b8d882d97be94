/// <reference types="vite/types/importMeta.d.ts" />
import { env } from "cloudflare:workers";
import { afterEach, describe, expect, it, vi } from "vitest";
import { de, deMail } from "../../worker/domain/catalogues/de.ts";
import { catalogues, mailWords, translationsAsset } from "../../worker/domain/catalogues/index.ts";
import { translations } from "../../worker/domain/catalogues/translations.ts";
import { catalogueLoader } from "../../worker/services/catalogue-assets.ts";
import { call, openMultiSession } from "./support.ts";

/** The Worker's own assets, counting the reads, or answering `status` for the first `failures` of them. */
function assets(failures = 0, status = 503) {
  const seen: string[] = [];
  const fetcher = {
    fetch: (input: RequestInfo | URL) => {
      seen.push(new URL(input instanceof Request ? input.url : input).pathname);
      if (seen.length <= failures) return Promise.resolve(new Response("", { status }));
      return env.ASSETS.fetch(input);
    },
  } as Fetcher;
  return { fetcher, seen };
}

afterEach(() => vi.restoreAllMocks());

describe("the catalogues as static assets", () => {
  it("hold every language's words as the catalogues are written", async () => {
    const res = await env.ASSETS.fetch(`https://assets.local${translationsAsset}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("application/json");
    expect(await res.json()).toEqual(translations);
  });

  it("give a German visitor German words and the German client German mail, read on the first request", async () => {
    const { session } = await openMultiSession(1);
    const answer = await call("GET", `/v1/sessions/${session.slug}`, {
      headers: { "accept-language": "de-DE" },
    });
    expect(answer.body).toMatchObject({ locale: "de-DE", messages: { chooseTime: de.chooseTime } });
    const page = await call("GET", `/s/${session.slug}?lang=de`);
    expect(page.body).toContain('<html lang="de">');
    // The request filled the Worker's catalogues, which every later word reads.
    expect(catalogues.de).toEqual(de);
    expect(mailWords("de-DE")("hi", { client: "Nadar" })).toBe(deMail.hi.replace("{client}", "Nadar"));
  });

  it("are read once, however many callers ask at the same time", async () => {
    const load = catalogueLoader();
    const { fetcher, seen } = assets();
    await Promise.all([load(fetcher), load(fetcher), load(fetcher)]);
    await load(fetcher);
    expect(seen).toEqual([translationsAsset]);
  });

  it("are read again after a read that failed, which is logged rather than kept", async () => {
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    const load = catalogueLoader();
    const { fetcher, seen } = assets(1);
    await expect(load(fetcher)).resolves.toBeUndefined();
    expect(logged).toHaveBeenCalledWith(expect.stringContaining("catalogues not loaded"), expect.any(Error));
    await load(fetcher);
    await load(fetcher);
    expect(seen).toEqual([translationsAsset, translationsAsset]);
  });

  it("are not taken when a language is missing from the file", async () => {
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    const load = catalogueLoader();
    const { de: _german, ...others } = translations;
    let reads = 0;
    const partial = {
      fetch: () => {
        reads++;
        return Promise.resolve(Response.json(others));
      },
    } as unknown as Fetcher;
    await load(partial);
    expect(logged.mock.calls[0]?.[1]).toMatchObject({ message: `${translationsAsset} lacks de` });
    await load(partial);
    expect(reads).toBe(2);
  });
});

describe("a Worker whose catalogues could not be read", () => {
  it("answers in English, then in German once a later request reads them", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    const { session } = await openMultiSession(1);
    // A fresh isolate's modules: nothing loaded yet, and misses answered as in production.
    vi.resetModules();
    const { app } = await import("../../worker/index.ts");
    const { fetcher, seen } = assets(1, 500);
    const ask = () =>
      app.request(
        `/v1/sessions/${session.slug}`,
        { headers: { "accept-language": "de-DE" } },
        { ...env, ASSETS: fetcher },
      );
    const first = await ask();
    expect(first.status).toBe(200);
    expect(await first.json()).toMatchObject({ locale: "en", messages: { chooseTime: "Choose a time" } });
    const second = await ask();
    expect(await second.json()).toMatchObject({ locale: "de-DE", messages: { chooseTime: de.chooseTime } });
    expect(seen).toEqual([translationsAsset, translationsAsset]);
  });
});

describe("the cron", () => {
  it("reads the catalogues before its jobs write a client's mail", async () => {
    // A fresh isolate's modules, woken by the cron rather than a request.
    vi.resetModules();
    const { runScheduledJobs } = await import("../../worker/jobs/scheduled.ts");
    const fresh = await import("../../worker/domain/catalogues/index.ts");
    expect(fresh.catalogues.de).toBeUndefined();
    await runScheduledJobs(env, Date.now());
    expect(fresh.catalogues.de).toEqual(de);
    expect(fresh.mailCatalogues.de).toEqual(deMail);
  });
});

describe("the Worker's bundle", () => {
  // Sources as text (Vite's ?raw), to see what the Worker's modules import.
  const sources = import.meta.glob<string>("../../worker/**/*.{ts,tsx}", {
    query: "?raw",
    import: "default",
    eager: true,
  });

  it("leaves every language's words but English's to the assets", () => {
    const languageFile = /from\s+["'][^"']*\/(de|fr|es|nl|pt|it|translations)\.ts["']/;
    const importers = Object.entries(sources)
      .filter(([path, text]) => !path.endsWith("/catalogues/translations.ts") && languageFile.test(text))
      .map(([path]) => path);
    expect(Object.keys(sources).length).toBeGreaterThan(100);
    expect(importers).toEqual([]);
  });
});
