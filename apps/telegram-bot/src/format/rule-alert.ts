import { type Alert, type RuleFiredDetail, RuleFiredDetailSchema } from "@teleglas/market-data-core";
import { InlineKeyboard } from "grammy";
import { span } from "./common.js";
import { ago, escapeHtml, num, pct, price, rate, usd, utc } from "./numbers.js";
import { describeCondition, describeRepeat, shortAddress, signedPct, whereOf } from "./rule.js";
import type { Language, T } from "./translate.js";

const KIND_EMOJI: Record<RuleFiredDetail["rule"]["condition"]["kind"], string> = {
  price: "🎯",
  move: "⚡",
  oi: "📊",
  funding: "💸",
  liquidations: "💥",
  long_short: "⚖️",
  wallet: "👛",
};

/** The line saying what crossed: the value, the level, for each kind. */
function headline(a: Alert, d: RuleFiredDetail, t: T): string {
  const c = d.rule.condition;
  switch (c.kind) {
    case "price":
      return t("fired-price", {
        op: t(`rule-op-${c.op}`),
        level: price(d.level ?? c.level),
        value: price(d.value),
      });
    case "long_short":
      return t("fired-long_short", {
        op: t(`rule-op-${c.op}`),
        level: num(d.level ?? c.level),
        value: num(d.value),
      });
    case "move":
      return t("fired-move", {
        value: pct(d.value),
        window: span(c.window, t),
        level: signedPct(c.direction, c.pct),
      });
    case "oi":
      return t("fired-oi", {
        value: pct(d.value),
        window: span(c.window, t),
        where: whereOf(c.exchange, t),
        level: signedPct(c.direction, c.pct),
      });
    case "funding":
      return c.op === "flip"
        ? t("fired-funding-flip", {
            where: whereOf(c.exchange, t, true),
            previous: rate(d.previous),
            value: rate(d.value),
          })
        : t("fired-funding", {
            op: t(`rule-op-${c.op}`),
            level: rate(d.level ?? c.level),
            where: whereOf(c.exchange, t, true),
            value: rate(d.value),
          });
    case "liquidations":
      return t("fired-liquidations", {
        side: t(`fired-liq-${c.side}`),
        value: usd(d.value),
        window: span(c.window, t),
        level: usd(d.level ?? c.usd),
      });
    case "wallet":
      return t(`fired-wallet-${d.walletEvent ?? "open"}`, {
        address: `<code>${shortAddress(c.address)}</code>`,
        coin: escapeHtml(a.symbol),
        side: t(
          `fired-side-${a.side === "long" || a.side === "buy" ? "long" : a.side === "short" || a.side === "sell" ? "short" : "mixed"}`,
        ),
        value: usd(d.value),
      });
  }
}

/**
 * A personal rule that fired, as its chat reads it: which rule, the value that crossed and the
 * level, the coin's current price and 24 h change, the note, when, and what the rule does next.
 * An alert whose detail is not a fired rule (a newer worker, a bad record) still gets a message.
 */
export function formatRuleAlert(a: Alert, t: T, now: number, lang: Language = "en"): string {
  const parsed = RuleFiredDetailSchema.safeParse(a.detail);
  const d = parsed.success ? parsed.data : null;
  const kind = d?.rule.condition.kind;
  const lines = [`🔔 <b>${escapeHtml(t("fired-title", { symbol: a.symbol }))}</b>`];
  if (d) lines.push(`${kind ? KIND_EMOJI[kind] : "🔔"} ${headline(a, d, t)}`);
  const figures: string[] = [];
  if (a.price !== null) figures.push(`${t("fired-now")} ${price(a.price)}`);
  if (d && d.change24hPct !== null) figures.push(`${t("fired-24h")} ${pct(d.change24hPct)}`);
  if (figures.length > 0) lines.push(`💲 ${figures.join(" · ")}`);
  if (d?.rule.note) lines.push(`📝 ${escapeHtml(d.rule.note)}`);
  lines.push(`🕒 ${utc(a.last_at, true)} (${ago(a.last_at, now, lang)})`);
  if (d) {
    const rule = describeCondition(d.rule.condition, t);
    lines.push(`<i>${t("fired-rule", { rule, repeat: describeRepeat(d.rule.repeat, t, kind) })}</i>`);
    if (d.rule.repeat.mode === "once") lines.push(t("fired-once-done"));
  }
  lines.push(`#${escapeHtml(a.symbol.replace(/[^A-Za-z0-9_]/g, ""))} #MyAlert`);
  return lines.join("\n");
}

/** The rule id a fired-rule alert carries (top level, else in its detail). */
export function ruleIdOf(a: Alert): string | null {
  if (a.rule_id) return a.rule_id;
  const rule = (a.detail["rule"] ?? null) as { id?: unknown } | null;
  return typeof rule?.id === "string" ? rule.id : null;
}

/**
 * Buttons under a fired rule: pause (or resume, once paused) and the coin's /raw snapshot. A
 * `once` rule is done after firing: nothing to pause, only the snapshot.
 */
export function firedKeyboard(
  r: { id: string | null; symbol: string | null; once: boolean },
  t: T,
  paused = false,
): InlineKeyboard | null {
  const kb = new InlineKeyboard();
  if (r.id && !r.once)
    kb.text(t(paused ? "fired-button-resume" : "fired-button-pause"), `rf:${paused ? "r" : "p"}:${r.id}`);
  if (r.symbol && /^[A-Z0-9]{1,20}$/.test(r.symbol))
    kb.text(t("fired-button-snapshot", { symbol: r.symbol }), `run:raw:${r.symbol}`);
  return kb.inline_keyboard.flat().length > 0 ? kb : null;
}

/** The buttons of a fired-rule alert as delivered. */
export function ruleAlertKeyboard(a: Alert, t: T): InlineKeyboard | null {
  const d = RuleFiredDetailSchema.safeParse(a.detail);
  const once = d.success && d.data.rule.repeat.mode === "once";
  return firedKeyboard({ id: ruleIdOf(a), symbol: a.symbol, once }, t);
}
