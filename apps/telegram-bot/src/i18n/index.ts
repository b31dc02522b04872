import { I18n } from "@grammyjs/i18n";
import type { Context } from "grammy";
import type { Language, T } from "../format/translate.js";
import { digestEn, digestId } from "./digest.js";
import { en } from "./en.js";
import { id } from "./id.js";
import { routingEn } from "./routing-en.js";
import { routingId } from "./routing-id.js";
import { rulesEn } from "./rules-en.js";
import { rulesId } from "./rules-id.js";

/**
 * The bot's translations: English (default) and Indonesian, loaded from Fluent strings kept in
 * TS modules. Fluent's Unicode isolation marks are off: they would show up in Telegram as
 * invisible characters inside numbers and HTML.
 */
export function createI18n<C extends Context>(
  negotiate?: (ctx: C) => Promise<Language | undefined>,
): I18n<C> {
  const i18n = new I18n<C>({
    defaultLocale: "en",
    fluentBundleOptions: { useIsolating: false },
    ...(negotiate ? { localeNegotiator: negotiate } : {}),
  });
  // Digests, personal alerts and routing keep their strings in files of their own.
  i18n.loadLocaleSync("en", { source: en + digestEn + rulesEn + routingEn, isDefault: true });
  i18n.loadLocaleSync("id", { source: id + digestId + rulesId + routingId });
  return i18n;
}

/** A translation function fixed to one language (alert fan-out, formatters, tests). */
export function translatorFor(i18n: I18n<never> | I18n<Context>, lang: Language): T {
  return (key, vars) => i18n.t(lang, key, vars);
}
