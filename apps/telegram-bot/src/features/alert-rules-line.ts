import type { AlertCondition, AlertRepeat } from "./alert-rules-parse.js";

/**
 * The one-line form of a condition, which `parseAlert` reads back to the same condition. The
 * guided flow's buttons carry their draft as this text (so any bot process can take the next
 * press, with no session to keep), and "other level" shows it as the example to type.
 */

/** A number as typed: `100000`, `0.0000095` — never `1e-7`, which the parser does not read. */
export function plainNumber(n: number): string {
  const s = String(n);
  if (!/e/i.test(s)) return s;
  return n.toFixed(12).replace(/\.?0+$/, "");
}

const sign = (d: "up" | "down" | "either") => (d === "up" ? "+" : d === "down" ? "-" : "");
const op = (o: "above" | "below") => (o === "above" ? ">" : "<");
const on = (exchange: string | null) => (exchange ? ` on ${exchange.toLowerCase()}` : "");

export function conditionLine(c: AlertCondition): string {
  switch (c.kind) {
    case "price":
      return `${c.symbol} price ${op(c.op)} ${plainNumber(c.level)}`;
    case "long_short":
      return `${c.symbol} ls ${op(c.op)} ${plainNumber(c.level)}`;
    case "move":
      return `${c.symbol} move ${sign(c.direction)}${plainNumber(c.pct)}% ${c.window}`;
    case "oi":
      return `${c.symbol} oi ${sign(c.direction)}${plainNumber(c.pct)}% ${c.window}${on(c.exchange)}`;
    case "funding":
      return c.op === "flip"
        ? `${c.symbol} funding flip${on(c.exchange)}`
        : `${c.symbol} funding ${op(c.op)} ${plainNumber(c.level)}%${on(c.exchange)}`;
    case "liquidations":
      return `${c.symbol} liq > ${plainNumber(c.usd)} ${c.window}${c.side === "either" ? "" : ` ${c.side}`}`;
    case "wallet":
      return `${c.address} wallet${c.events.length === 4 ? "" : ` ${c.events.join(" ")}`}`;
  }
}

export function repeatLine(r: AlertRepeat): string {
  return r.mode === "at_most" ? `every ${r.minutes}m` : r.mode;
}
