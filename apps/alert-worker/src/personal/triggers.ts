import type { RuleCondition, RuleRepeat } from "@teleglas/market-data-core";

/**
 * A rule seen as level crossings on one series (a coin's figure: price, a rolling change, funding,
 * a liquidation total, the long/short ratio). An `up` trigger fires when the value reaches `fire`
 * from below and re-arms once it falls below `rearm` (= fire − band); a `down` trigger mirrors it.
 * "Either" and "flip" rules have one of each (bits 1 and 2 of the rule's armed set). Pure.
 */
export interface Trigger {
  series: string;
  up: boolean;
  fire: number;
  rearm: number;
  /** The rule's armed-set bit this trigger owns. */
  bit: 1 | 2;
  /** Funding flips: armed only on the side the value is not on when the rule starts. */
  flip: boolean;
}

/** The series name of a coin's figure; exchange-specific figures carry the exchange. */
export const seriesOf = (symbol: string, figure: string, exchange?: string | null) =>
  exchange ? `${symbol}|${figure}|${exchange}` : `${symbol}|${figure}`;

const bandOf = (r: RuleRepeat) => (r.mode === "once" ? 0 : r.band);

function pair(series: string, level: number, band: number, op: "above" | "below" | "up" | "down"): Trigger {
  const up = op === "above" || op === "up";
  return { series, up, fire: level, rearm: up ? level - band : level + band, bit: 1, flip: false };
}

/** Both directions of a ±pct change (or only the one asked). */
function changeTriggers(
  series: string,
  pct: number,
  band: number,
  direction: "up" | "down" | "either",
): Trigger[] {
  const up = pair(series, pct, band, "up");
  const down = { ...pair(series, -pct, band, "down"), bit: 2 as const };
  if (direction === "up") return [up];
  if (direction === "down") return [{ ...down, bit: 1 }];
  return [up, down];
}

/** The triggers of a rule; wallet rules have none (they watch positions, not a level). */
export function triggersOf(c: RuleCondition, repeat: RuleRepeat): Trigger[] {
  const band = bandOf(repeat);
  switch (c.kind) {
    case "price":
      return [pair(seriesOf(c.symbol, "price"), c.level, band, c.op)];
    case "long_short":
      return [pair(seriesOf(c.symbol, "ls"), c.level, band, c.op)];
    case "liquidations":
      return [pair(seriesOf(c.symbol, `liq:${c.window}:${c.side}`), c.usd, band, "above")];
    case "move":
      return changeTriggers(seriesOf(c.symbol, `move:${c.window}`), c.pct, band, c.direction);
    case "oi":
      return changeTriggers(seriesOf(c.symbol, `oi:${c.window}`, c.exchange), c.pct, band, c.direction);
    case "funding": {
      const series = seriesOf(c.symbol, "funding", c.exchange);
      if (c.op !== "flip") return [pair(series, c.level, band, c.op)];
      // Any positive value is "above zero": the smallest double keeps the comparison exact.
      return [
        { series, up: true, fire: Number.MIN_VALUE, rearm: -band, bit: 1, flip: true },
        { series, up: false, fire: -Number.MIN_VALUE, rearm: band, bit: 2, flip: true },
      ];
    }
    case "wallet":
      return [];
  }
}

/** True when `value` is past the trigger's level (on the firing side). */
export const beyond = (t: Trigger, value: number) => (t.up ? value >= t.fire : value <= t.fire);
/** True when `value` has come back past the band (the trigger may arm again). */
export const backInside = (t: Trigger, value: number) => (t.up ? value < t.rearm : value > t.rearm);
