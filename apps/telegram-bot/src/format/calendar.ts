import type { CalendarReport, EconomicEvent, MarketResult } from "@teleglas/market-data-core";
import { footer, heading } from "./common.js";
import { escapeHtml, NA } from "./numbers.js";
import type { Language, T } from "./translate.js";

type Ctx = { t: T; now: number; lang: Language };

/** Events listed after today's: the week ahead fits on a phone screen. */
const LISTED_LATER = 12;

export function localParts(ms: number, timeZone: string, lang: Language) {
  const locale = lang === "id" ? "id-ID" : "en-GB";
  return {
    day: new Intl.DateTimeFormat("en-CA", {
      timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
    }).format(ms),
    label: new Intl.DateTimeFormat(locale, {
      timeZone,
      weekday: "short",
      day: "2-digit",
      month: "short",
    }).format(ms),
    time: new Intl.DateTimeFormat("en-GB", {
      timeZone,
      hour: "2-digit",
      minute: "2-digit",
      hour12: false,
    }).format(ms),
  };
}

function line(e: EconomicEvent, when: string, t: T): string {
  const figures = [
    e.actual !== null ? `${t("cal-actual")} <b>${escapeHtml(e.actual)}</b>` : null,
    `${t("cal-forecast")} ${escapeHtml(e.forecast ?? NA)}`,
    `${t("cal-previous")} ${escapeHtml(e.previous ?? NA)}`,
  ].filter(Boolean);
  const where = e.country ?? e.countryCode ?? NA;
  return `${when} · ${escapeHtml(where)} · <b>${escapeHtml(e.name)}</b>\n   ${figures.join(" · ")}`;
}

/** `/calendar`: today's and the coming week's releases, times in the chat's time zone. */
export function formatCalendar(
  r: MarketResult<CalendarReport>,
  { t, now, lang }: Ctx,
  timeZone: string,
): string {
  const today = localParts(now, timeZone, lang).day;
  const out = [`🗓️ <b>${t("cal-title")}</b> (${escapeHtml(timeZone)})`, ""];
  const todays = r.data.events.filter((e) => localParts(e.time, timeZone, lang).day === today);
  const later = r.data.events.filter((e) => localParts(e.time, timeZone, lang).day > today);
  out.push(heading("📍", t("cal-today")));
  if (todays.length === 0) out.push(t("cal-none"));
  for (const e of todays) {
    const p = localParts(e.time, timeZone, lang);
    out.push(line(e, e.exactTime ? p.time : t("cal-time-tbd"), t));
  }
  out.push("", heading("📆", t("cal-week")));
  if (later.length === 0) out.push(t("cal-none"));
  for (const e of later.slice(0, LISTED_LATER)) {
    const p = localParts(e.time, timeZone, lang);
    out.push(line(e, `${p.label} ${e.exactTime ? p.time : t("cal-time-tbd")}`, t));
  }
  if (later.length > LISTED_LATER) out.push(t("cal-more", { count: later.length - LISTED_LATER }));
  out.push("", footer(r.meta, t, now, lang));
  return out.join("\n");
}
