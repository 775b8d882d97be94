import { whenNotInstalled } from "../../worker/domain/catalogues/index.ts";

// In production a word looked up before its language is loaded comes out in English; here it fails
// the test, so a way into the Worker (or a test) that skips loading the catalogues shows.
whenNotInstalled((language) => {
  throw new Error(`the ${language} catalogue was read before it was loaded (services/catalogue-assets.ts)`);
});
