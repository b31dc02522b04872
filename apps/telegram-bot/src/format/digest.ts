import type { Alert, WatchlistRow } from "@teleglas/market-data-core";
import type { DigestData, FiredLine } from "../digest/build.js";
import { headline, KIND_EMOJI } from "./alert.js";
import { localParts } from "./calendar.js";
import { heading } from "./common.js";
import { escapeHtml, NA, pct, price, rate } from "./numbers.js";
import { describeCondition } from "./rule.js";
import type { Language, T } from "./translate.js";

/** A time in the chat's zone: `08:00` today, `Wed 02 Dec 08:00` on another day. */
function when(ms: number, d: DigestData, lang: Language): string {
  const p = localParts(ms, d.timeZone, lang);
  return p.day === localParts(d.now, d.timeZone, lang).day ? p.time : `${p.label} ${p.time}`;
}

function coin(r: WatchlistRow, t: T): string {
  return [
    `<b>${escapeHtml(r.symbol)}</b> ${price(r.priceUsd)} (${pct(r.change24hPct)})`,
    `   ${t("digest-funding")} ${rate(r.fundingPer8hPct)} · ${t("digest-oi")} ${pct(r.openInterestChange24hPct)}`,
  ].join("\n");
}

function event(a: Alert, d: DigestData, t: T, lang: Language): string {
  return `${KIND_EMOJI[a.kind]} ${escapeHtml(a.symbol)} · ${headline(a, t)} · ${when(a.last_at, d, lang)}`;
}

/** A firing as `/alerts` words its rule (`BTC price above $80,000`), with its note and time. */
function fired(f: FiredLine, d: DigestData, t: T, lang: Language): string {
  const note = f.note ? ` · <i>${escapeHtml(f.note)}</i>` : "";
  return `🔔 ${describeCondition(f.condition, t)}${note} · ${when(f.at, d, lang)}`;
}

/** A section: its heading, then its lines or what to say when there are none. */
function section(emoji: string, title: string, lines: string[], none: string): string[] {
  return ["", heading(emoji, title), ...(lines.length > 0 ? lines : [none])];
}

/**
 * One chat's digest as one HTML message, readable on a phone: the watchlist (price, 24 h change,
 * funding per 8 h, 24 h OI change), the period's biggest liquidations and whale moves, the rules
 * that fired, and the next day's high-importance releases. Missing figures read "n/a". Pure.
 */
export function formatDigest(d: DigestData, t: T, lang: Language): string {
  const out = [
    `📰 <b>${t("digest-title")}</b> · ${when(d.period.start, d, lang)} (${escapeHtml(d.timeZone)})`,
    `<i>${t("digest-since", { time: when(d.period.from, d, lang) })}</i>`,
    "",
    heading("👀", t("digest-watchlist")),
  ];
  if (d.watchlist.isDefault) out.push(`<i>${t("digest-default-watchlist")}</i>`);
  out.push(...d.watchlist.rows.map((r) => coin(r, t)));
  if (d.watchlist.more > 0) out.push(t("digest-more-coins", { count: d.watchlist.more }));
  out.push(
    ...section(
      "💥",
      t("digest-liquidations"),
      d.liquidations.map((a) => event(a, d, t, lang)),
      t("digest-none"),
    ),
    ...section(
      "🐋",
      t("digest-whales"),
      d.whales.map((a) => event(a, d, t, lang)),
      t("digest-none"),
    ),
  );
  if (d.fired !== null) {
    const lines = d.fired.map((f) => fired(f, d, t, lang));
    out.push(...section("🔔", t("digest-fired"), lines, t("digest-none")));
  }
  if (d.calendar !== "omitted") {
    const lines =
      d.calendar === "unavailable"
        ? [NA]
        : d.calendar.map((e) => {
            const time = e.exactTime ? when(e.time, d, lang) : t("cal-time-tbd");
            return `${time} · ${escapeHtml(e.country ?? e.countryCode ?? NA)} · <b>${escapeHtml(e.name)}</b>`;
          });
    out.push(...section("🗓️", t("digest-calendar"), lines, t("digest-calendar-none")));
  }
  out.push("", `<i>${t("digest-footer")}</i>`);
  return out.join("\n");
}
