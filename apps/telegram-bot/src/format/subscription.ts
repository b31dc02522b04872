import { type AlertKind, type ChatSubscription, PUBLIC_ALERT_KINDS } from "@teleglas/market-data-core";
import { InlineKeyboard } from "grammy";
import { span } from "./common.js";
import { escapeHtml, usd, utc } from "./numbers.js";
import type { T } from "./translate.js";

/** Minimum-USD choices offered as buttons. */
export const MIN_USD_CHOICES = [0, 100_000, 500_000, 1_000_000, 5_000_000];

/** What a chat receives, in words. */
export function formatSubscription(
  sub: ChatSubscription | null,
  flags: Record<AlertKind, boolean>,
  t: T,
  now: number,
): string {
  if (!sub?.active) return `🔕 ${t("alerts-none")}`;
  const symbols = sub.symbols === "all" ? t("all-coins") : sub.symbols.map(escapeHtml).join(", ") || "—";
  const kinds = PUBLIC_ALERT_KINDS.filter((k) => sub.kinds.includes(k))
    .map((k) => (flags[k] === false ? `<s>${t(`kind-short-${k}`)}</s>` : t(`kind-short-${k}`)))
    .join(", ");
  const lines = [
    `🔔 <b>${t("alerts-title")}</b>`,
    `${t("coins")}: ${symbols}`,
    `${t("kinds")}: ${kinds || "—"}`,
    `${t("min-usd")}: ${sub.minUsd > 0 ? usd(sub.minUsd) : t("any-size")}`,
  ];
  if (sub.quietHours) {
    const q = sub.quietHours;
    lines.push(
      `${t("quiet-hours")}: ${q.start}–${q.end} ${escapeHtml(q.timeZone)} (${t(`quiet-${q.mode}`)})`,
    );
  }
  if (sub.mutedUntil !== null && sub.mutedUntil > now)
    lines.push(`🔇 ${t("muted-until", { time: utc(sub.mutedUntil) })}`);
  if (PUBLIC_ALERT_KINDS.some((k) => flags[k] === false)) lines.push(`<i>${t("kinds-off-by-admin")}</i>`);
  return lines.join("\n");
}

/** The inline menu of /subscribe and /alerts: kinds, minimum USD, unsubscribe, done. */
export function subscriptionKeyboard(sub: ChatSubscription, t: T): InlineKeyboard {
  const kb = new InlineKeyboard();
  PUBLIC_ALERT_KINDS.forEach((k, i) => {
    kb.text(`${sub.kinds.includes(k) ? "✅" : "▫️"} ${t(`kind-short-${k}`)}`, `sub:k:${k}`);
    if (i % 2 === 1) kb.row();
  });
  for (const n of MIN_USD_CHOICES)
    kb.text(`${sub.minUsd === n ? "• " : ""}${n === 0 ? "$0" : usd(n)}`, `sub:m:${n}`);
  kb.row()
    .text(`🔕 ${t("unsubscribe-all")}`, "sub:off")
    .text(`✔️ ${t("done")}`, "sub:done");
  return kb;
}

/** The /settings menu: minimum USD, quiet hours presets, mute, language. */
export function settingsKeyboard(sub: ChatSubscription, t: T): InlineKeyboard {
  const kb = new InlineKeyboard();
  for (const n of MIN_USD_CHOICES)
    kb.text(`${sub.minUsd === n ? "• " : ""}${n === 0 ? "$0" : usd(n)}`, `set:m:${n}`);
  kb.row()
    .text(`🌙 22–07 ${t("quiet-silent")}`, "set:q:silent")
    .text(`⏸ 22–07 ${t("quiet-hold")}`, "set:q:hold")
    .text(t("off"), "set:q:off");
  kb.row()
    .text(`🔇 ${span("1h", t)}`, "set:mute:1")
    .text(`🔇 ${span("8h", t)}`, "set:mute:8")
    .text(`🔇 ${span("24h", t)}`, "set:mute:24")
    .text(`🔔 ${t("unmute")}`, "set:mute:0");
  kb.row()
    .text(`${sub.language === "en" ? "• " : ""}English`, "set:lang:en")
    .text(`${sub.language === "id" ? "• " : ""}Bahasa Indonesia`, "set:lang:id");
  return kb;
}
