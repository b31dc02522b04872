import type { ResultMeta } from "@teleglas/market-data-core";
import { ago, duration, escapeHtml, NA, utc } from "./numbers.js";
import type { Language, T } from "./translate.js";

/** Join labelled values on one line: `1h +0.4% · 4h -1.2%`. */
export const row = (pairs: Array<[string, string]>) => pairs.map(([k, v]) => `${k} ${v}`).join(" · ");

/**
 * A time window in the reader's language: `24h` in English, `24j` (jam) in Indonesian, `1w` /
 * `1mg` (minggu). Command arguments stay as typed (`/liq BTC 4h`); only answers are translated.
 */
export const span = (w: string, t: T) =>
  w.replace(/^(\d+)([mhdw])$/, (_, n: string, unit: string) => `${n}${t(`unit-${unit}`)}`);

/** A bold section heading. */
export const heading = (emoji: string, text: string) => `${emoji} <b>${escapeHtml(text)}</b>`;

/**
 * The footer of every market reply: when, and a warning only when the data is stale — served
 * because CoinGlass failed — saying why and how old it is.
 */
export function footer(meta: ResultMeta, t: T, now: number, lang: Language): string {
  const lines = [`🕒 ${utc(now)}`];
  if (meta.stale) {
    const why = t(`stale-${meta.staleReason ?? "upstream_error"}`);
    lines.push(`⚠️ ${t("stale", { age: duration(meta.ageMs), why })}`);
  } else if (meta.cached && meta.ageMs > 0)
    lines.push(`<i>${t("cached", { ago: ago(now - meta.ageMs, now, lang) })}</i>`);
  return lines.join("\n");
}

/** `n/a` for a missing string. */
export const orNa = (s: string | null | undefined) => (s === null || s === undefined || s === "" ? NA : s);

/** ` (5 of 143)` when a list shows fewer rows than its total covers, else nothing. */
export const shownOf = (shown: number, total: number | null, t: T) =>
  total !== null && total > shown ? ` (${t("shown-of", { shown, total })})` : "";
