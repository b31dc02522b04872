/**
 * Candle time grids and OHLC sampling of the model's time functions. The last candle is the one
 * containing `now` and closes at the current value, so history always ends at the live figures.
 */
import { hash01 } from "./prng.js";

const M = 60_000;
const H = 60 * M;
const D = 24 * H;

/** Interval name -> milliseconds (reference §3.5; `2h` accepted as in the newer plan tables). */
export const INTERVALS: Readonly<Record<string, number>> = {
  "1m": M,
  "3m": 3 * M,
  "5m": 5 * M,
  "15m": 15 * M,
  "30m": 30 * M,
  "1h": H,
  "2h": 2 * H,
  "4h": 4 * H,
  "6h": 6 * H,
  "8h": 8 * H,
  "12h": 12 * H,
  "1d": D,
  "1w": 7 * D,
};

/** Legacy v2-style interval names (`h1`, `m5`, `d1`) mapped to v4 names. */
export function legacyInterval(s: string): string | undefined {
  const m = /^([mhdw])(\d+)$/.exec(s);
  if (!m) return undefined;
  const name = `${m[2]}${m[1]}`;
  return name in INTERVALS ? name : undefined;
}

/** Start of the candle of length `ms` containing t (weeks start on Monday 00:00 UTC). */
export function alignDown(t: number, ms: number): number {
  const offset = ms === 7 * D ? 4 * D : 0;
  return Math.floor((t - offset) / ms) * ms + offset;
}

export interface GridOptions {
  limit: number;
  startTime?: number;
  endTime?: number;
}

/** Open times of the requested candles, oldest first. */
export function candleGrid(intervalMs: number, now: number, o: GridOptions): number[] {
  const end = alignDown(Math.min(o.endTime ?? now, now), intervalMs);
  const out: number[] = [];
  if (o.startTime !== undefined) {
    for (let t = alignDown(o.startTime, intervalMs); t <= end && out.length < o.limit; t += intervalMs)
      out.push(t);
    return out;
  }
  const first = end - (o.limit - 1) * intervalMs;
  for (let t = first; t <= end; t += intervalMs) out.push(t);
  return out;
}

/** [open, high, low, close] of f over the candle [t, min(t + ms, now)]. */
export function ohlc(
  f: (t: number) => number,
  t: number,
  ms: number,
  now: number,
  key: number,
  wick: number,
): [number, number, number, number] {
  const closeT = Math.min(t + ms, now);
  const o = f(t);
  const c = f(closeT);
  const m1 = f(t + (closeT - t) / 3);
  const m2 = f(t + ((closeT - t) * 2) / 3);
  const hi = Math.max(o, c, m1, m2);
  const lo = Math.min(o, c, m1, m2);
  const w = (hi - lo) * wick;
  return [o, hi + w * hash01(key, t / M, 7), lo - w * hash01(key, t / M, 8), c];
}
