import type { RuleCondition, RuleRepeat, RuleWithState } from "@teleglas/market-data-core";
import { span } from "./common.js";
import { escapeHtml, num, price, rate, usd, utc } from "./numbers.js";
import type { T } from "./translate.js";

/** `0x8c58…b9c9`: enough of a wallet to recognise it. */
export const shortAddress = (a: string) => `${a.slice(0, 6)}…${a.slice(-4)}`;

/** `+5%` (only up), `−5%` (only down), `±5%` (either way). */
export const signedPct = (direction: "up" | "down" | "either", pct: number) =>
  `${direction === "up" ? "+" : direction === "down" ? "−" : "±"}${num(pct)}%`;

/** ` on Binance`, or for funding without an exchange ` (OI-weighted average)`. */
export const whereOf = (exchange: string | null, t: T, average = false) =>
  exchange ? t("rule-on-exchange", { exchange: escapeHtml(exchange) }) : average ? t("rule-oi-weighted") : "";

/** Minutes as the window words answers use: `30m`, `1h`, `2d` (`2h` reads `2j` in Indonesian). */
export function minutesSpan(minutes: number, t: T): string {
  const w =
    minutes % 1440 === 0 ? `${minutes / 1440}d` : minutes % 60 === 0 ? `${minutes / 60}h` : `${minutes}m`;
  return span(w, t);
}

/** A rule's condition in words: `BTC price above $100,000`, `ETH price ±5% within 1h`. */
export function describeCondition(c: RuleCondition, t: T): string {
  switch (c.kind) {
    case "price":
    case "long_short":
      return t(`rule-${c.kind}`, {
        symbol: c.symbol,
        op: t(`rule-op-${c.op}`),
        level: c.kind === "price" ? price(c.level) : num(c.level),
      });
    case "move":
      return t("rule-move", {
        symbol: c.symbol,
        change: signedPct(c.direction, c.pct),
        window: span(c.window, t),
      });
    case "oi":
      return t("rule-oi", {
        symbol: c.symbol,
        change: signedPct(c.direction, c.pct),
        window: span(c.window, t),
        where: whereOf(c.exchange, t),
      });
    case "funding":
      return c.op === "flip"
        ? t("rule-funding-flip", { symbol: c.symbol, where: whereOf(c.exchange, t, true) })
        : t("rule-funding", {
            symbol: c.symbol,
            op: t(`rule-op-${c.op}`),
            level: rate(c.level),
            where: whereOf(c.exchange, t, true),
          });
    case "liquidations":
      return t("rule-liquidations", {
        symbol: c.symbol,
        side: t(`rule-liq-${c.side}`),
        usd: usd(c.usd),
        window: span(c.window, t),
      });
    case "wallet": {
      const events = c.events.map((e) => t(`rule-event-${e}`)).join(", ");
      const coin = c.symbol ? ` ${t("rule-wallet-coin", { symbol: c.symbol })}` : "";
      return t("rule-wallet", { address: `<code>${shortAddress(c.address)}</code>`, events: events + coin });
    }
  }
}

/** `once`, `every crossing` (a wallet: `every change`), `at most every 30m`. */
export function describeRepeat(r: RuleRepeat, t: T, kind?: RuleCondition["kind"]): string {
  if (r.mode === "at_most") return t("repeat-at_most", { every: minutesSpan(r.minutes, t) });
  return t(r.mode === "every" && kind === "wallet" ? "repeat-every-wallet" : `repeat-${r.mode}`);
}

/** True when a `once` rule has fired: it stays listed, but will not fire again. */
export const isDone = (r: RuleWithState) => r.rule.repeat.mode === "once" && r.state.seq > 0;

/** One rule as a line of /alerts: `1. BTC price above $100,000 · once · ⏸ paused`, then its note. */
export function ruleLine(r: RuleWithState, n: number, t: T, now: number): string {
  const parts = [
    describeCondition(r.rule.condition, t),
    describeRepeat(r.rule.repeat, t, r.rule.condition.kind),
  ];
  const expired = r.rule.expiresAt !== null && r.rule.expiresAt <= now;
  if (r.rule.expiresAt !== null && !expired) parts.push(t("rule-until", { time: utc(r.rule.expiresAt) }));
  if (isDone(r) || expired) parts.push(t("rule-done"));
  else if (r.rule.paused) parts.push(t("rule-paused"));
  const line = `${n}. ${parts.join(" · ")}`;
  return r.rule.note ? `${line}\n    📝 ${escapeHtml(r.rule.note)}` : line;
}
