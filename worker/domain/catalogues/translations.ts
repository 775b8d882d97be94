import { de, deMail } from "./de.ts";
import { es, esMail } from "./es.ts";
import { fr, frMail } from "./fr.ts";
import type { Language, Translation } from "./index.ts";
import { it, itMail } from "./it.ts";
import { nl, nlMail } from "./nl.ts";
import { pt, ptMail } from "./pt.ts";

/**
 * Every language's words but English's, the source of truth the tests check. The build writes them
 * into the static assets (widget/vite.config.ts), and the Worker reads them there once per isolate
 * (services/catalogue-assets.ts): no module of the Worker imports this one, which keeps ~25 KB of
 * words out of its bundle.
 */
export const translations: Record<Exclude<Language, "en">, Translation> = {
  de: { visitor: de, mail: deMail },
  fr: { visitor: fr, mail: frMail },
  es: { visitor: es, mail: esMail },
  nl: { visitor: nl, mail: nlMail },
  pt: { visitor: pt, mail: ptMail },
  it: { visitor: it, mail: itMail },
};
