/**
 * Aggregates built from the model: liquidation windows (baseline plus injected events), candle
 * series of liquidations, and small formatting helpers shared by the REST modules.
 */
import type { EventLog, LiqEvent } from "./events.js";
import { HOUR_MS, type Market, type ModelPair } from "./market.js";
import { hash01, round, roundSig } from "./prng.js";

/** Price-like figure with 6 significant digits. */
export const px = (x: number) => roundSig(x, 6);
/** USD amount with 4 decimals. */
export const usd = (x: number) => round(x, 4);
/** Percent with 2 decimals. */
export const pct = (x: number) => round(x, 2);
/** Percent change from a to b. */
export const change = (a: number, b: number) => round((b / a - 1) * 100, 2);

/** Windows used by the snapshot endpoints. */
export const WINDOWS_MS: Readonly<Record<string, number>> = {
  "5m": 5 * 60_000,
  "15m": 15 * 60_000,
  "30m": 30 * 60_000,
  "1h": HOUR_MS,
  "4h": 4 * HOUR_MS,
  "12h": 12 * HOUR_MS,
  "24h": 24 * HOUR_MS,
};

const pairKey = (exchange: string, pair: string) => `${exchange}|${pair}`;

/** Injected liquidation USD per pair since `since`, split by side. */
export function injectedByPair(
  events: EventLog,
  since: number,
): Map<string, { long: number; short: number }> {
  const out = new Map<string, { long: number; short: number }>();
  for (const e of events.injectedSince(since)) {
    const k = pairKey(e.exchange, e.pair);
    const v = out.get(k) ?? { long: 0, short: 0 };
    if (e.side === 1) v.long += e.usd;
    else v.short += e.usd;
    out.set(k, v);
  }
  return out;
}

/**
 * Liquidations of one pair over the last `rangeMs`: the model's baseline up to model time plus
 * injected events up to wall time (model time is frozen when the background is off).
 */
export function liqWindow(
  market: Market,
  injected: Map<string, { long: number; short: number }>,
  p: ModelPair,
  now: number,
  rangeMs: number,
): { long: number; short: number } {
  const base = market.liqRange(p, now - rangeMs, now);
  const extra = injected.get(pairKey(p.exchange, p.instrumentId));
  if (extra) {
    base.long += extra.long;
    base.short += extra.short;
  }
  return base;
}

/** Liquidations of a set of pairs per candle (open times `grid`), injected events included. */
export function liqCandles(
  market: Market,
  events: EventLog,
  pairs: readonly ModelPair[],
  grid: readonly number[],
  intervalMs: number,
  now: number,
): { long: number; short: number }[] {
  const out = grid.map(() => ({ long: 0, short: 0 }));
  for (const p of pairs) {
    for (let i = 0; i < grid.length; i++) {
      const t = grid[i] as number;
      const end = Math.min(t + intervalMs, now);
      const o = out[i] as { long: number; short: number };
      if (intervalMs >= HOUR_MS) {
        const v = market.liqRange(p, t, end);
        o.long += v.long;
        o.short += v.short;
      } else {
        const v = market.liqHour(p, Math.floor(t / HOUR_MS));
        const f = ((end - t) / HOUR_MS) * (0.2 + 1.6 * hash01(p.key, 24, t / 60_000));
        o.long += v.long * f;
        o.short += v.short * f;
      }
    }
  }
  const first = grid[0];
  if (first === undefined) return out;
  const keys = new Set(pairs.map((p) => pairKey(p.exchange, p.instrumentId)));
  for (const e of events.injectedSince(first)) {
    if (!keys.has(pairKey(e.exchange, e.pair))) continue;
    const i = Math.min(Math.floor((e.time - first) / intervalMs), grid.length - 1);
    const o = out[i] as { long: number; short: number };
    if (e.side === 1) o.long += e.usd;
    else o.short += e.usd;
  }
  return out;
}

/** The next funding time (ms) of a pair after `now`. */
export function nextFunding(p: ModelPair, now: number): number {
  const step = p.fundingHours * HOUR_MS;
  return Math.floor(now / step) * step + step;
}

export type { LiqEvent };
