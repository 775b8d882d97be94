import {
  installCatalogues,
  type Language,
  languages,
  type Translation,
  translationsAsset,
} from "../domain/catalogues/index.ts";

/** The asset's words, checked to hold every language Spotbook speaks. */
async function readCatalogues(assets: Fetcher): Promise<Partial<Record<Language, Translation>>> {
  // The binding answers by path; the host is only there to make a URL.
  const res = await assets.fetch(`https://assets.local${translationsAsset}`);
  if (!res.ok) throw new Error(`${translationsAsset} answered ${res.status}`);
  const words = (await res.json()) as Partial<Record<Language, Translation>>;
  const lacking = languages.filter((l) => l !== "en" && !(words[l]?.visitor && words[l]?.mail));
  if (lacking.length > 0) throw new Error(`${translationsAsset} lacks ${lacking.join(", ")}`);
  return words;
}

/**
 * Installs the catalogues from the static assets at most once while it works: callers at the same
 * time share one read. A read that fails is logged and forgotten, so the next caller tries again;
 * until then the Worker speaks English rather than fail the request.
 */
export function catalogueLoader(): (assets: Fetcher) => Promise<void> {
  let loading: Promise<void> | undefined;
  return (assets) => {
    loading ??= readCatalogues(assets).then(installCatalogues, (err: unknown) => {
      loading = undefined;
      console.error("catalogues not loaded; speaking English until a later request loads them", err);
    });
    return loading;
  };
}

/** The isolate's one loader: every way into the Worker awaits it before it says a word. */
export const loadCatalogues = catalogueLoader();
