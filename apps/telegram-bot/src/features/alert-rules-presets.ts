import type { RuleKind } from "@teleglas/market-data-core";
import { span } from "../format/common.js";
import { num, price, rate, usd } from "../format/numbers.js";
import { signedPct } from "../format/rule.js";
import type { T } from "../format/translate.js";
import type { AlertCondition } from "./alert-rules-parse.js";

/** The level buttons of the /alert flow, per kind, and their labels. Pure. */

/** Three significant digits: presets read as levels a trader would pick ($101,000, not $101,234.5). */
const nice = (n: number) => Number(n.toPrecision(3));

/**
 * Level presets of a kind; price ones around the current price (none when it is unknown).
 * Funding presets watch `fundingExchange` (null = the OI-weighted average).
 */
export function presets(
  symbol: string,
  kind: RuleKind,
  now: number | null,
  fundingExchange: string | null = null,
): AlertCondition[] {
  switch (kind) {
    case "price":
      if (now === null) return [];
      return [1.02, 1.05, 1.1, 0.98, 0.95, 0.9].map((f) => ({
        kind: "price",
        symbol,
        op: f > 1 ? "above" : "below",
        level: nice(now * f),
      }));
    case "move":
      return (
        [
          ["either", 3, "1h"],
          ["either", 5, "1h"],
          ["either", 5, "4h"],
          ["up", 5, "15m"],
          ["down", 5, "15m"],
          ["either", 10, "24h"],
        ] as const
      ).map(([direction, pct, window]) => ({ kind: "move", symbol, direction, pct, window }));
    case "oi":
      return (
        [
          ["either", 3, "1h"],
          ["either", 5, "4h"],
          ["up", 5, "4h"],
          ["down", 5, "4h"],
          ["either", 10, "24h"],
        ] as const
      ).map(([direction, pct, window]) => ({ kind: "oi", symbol, direction, pct, window, exchange: null }));
    case "funding":
      return (
        [
          ["above", 0.05],
          ["above", 0.1],
          ["below", -0.01],
          ["below", -0.05],
          ["flip", 0],
        ] as const
      ).map(([op, level]) => ({ kind: "funding", symbol, op, level, exchange: fundingExchange }));
    case "liquidations":
      return (
        [
          ["either", 1e6, "1h"],
          ["either", 5e6, "1h"],
          ["either", 10e6, "4h"],
          ["longs", 5e6, "1h"],
          ["shorts", 5e6, "1h"],
          ["either", 50e6, "24h"],
        ] as const
      ).map(([side, amount, window]) => ({ kind: "liquidations", symbol, side, usd: amount, window }));
    case "long_short":
      return (
        [
          ["above", 1.5],
          ["above", 2],
          ["below", 0.8],
          ["below", 0.6],
        ] as const
      ).map(([op, level]) => ({ kind: "long_short", symbol, op, level }));
    case "wallet":
      return [];
  }
}

/** A preset's button: `▲ $101,000`, `±5% 1h`, `> 0.0500%`, `longs $5M 1h`, `< 0.8`. */
export function presetLabel(c: AlertCondition, t: T): string {
  const arrow = (op: string) => (op === "above" ? "▲" : "▼");
  switch (c.kind) {
    case "price":
      return `${arrow(c.op)} ${price(c.level)}`;
    case "long_short":
      return `${arrow(c.op)} ${num(c.level)}`;
    case "move":
    case "oi":
      return `${signedPct(c.direction, c.pct)} ${span(c.window, t)}`;
    case "funding":
      return c.op === "flip" ? t("alert-button-flip") : `${arrow(c.op)} ${rate(c.level)}`;
    case "liquidations":
      return `${c.side === "either" ? "" : `${t(`alert-preset-${c.side}`)} `}${usd(c.usd)} ${span(c.window, t)}`;
    case "wallet":
      return "";
  }
}
