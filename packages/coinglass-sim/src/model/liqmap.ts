/**
 * Liquidation levels (coinglass-api-more.md §3): where leveraged positions opened over a window
 * would be liquidated. Each candle opens new positions at its open and close with a few leverages;
 * a long at price p with leverage L is liquidated at p·(1 − 1/L), a short at p·(1 + 1/L). A level
 * stays on the map until the price trades through it (those positions are gone) and fades slowly
 * as positions are closed by hand. So the levels sit around the model's current price, and the map
 * of a window is the heatmap's last column.
 */
import type { Market, ModelCoin, ModelPair } from "./market.js";
import { hash01, roundSig } from "./prng.js";
import { alignDown } from "./series.js";

const M = 60_000;
const H = 60 * M;
const D = 24 * H;

/** Candle spacing and count per heatmap `range` (the docs' example has 5-minute candles). */
export const HEATMAP_RANGES: Readonly<Record<string, { stepMs: number; count: number }>> = {
  "12h": { stepMs: 5 * M, count: 144 },
  "24h": { stepMs: 5 * M, count: 288 },
  "3d": { stepMs: 15 * M, count: 288 },
  "7d": { stepMs: 30 * M, count: 336 },
  "30d": { stepMs: 2 * H, count: 360 },
  "90d": { stepMs: 6 * H, count: 360 },
  "180d": { stepMs: 12 * H, count: 360 },
  "1y": { stepMs: D, count: 365 },
  // Windows of the max-pain endpoint that the heatmap does not have.
  "48h": { stepMs: 10 * M, count: 288 },
  "14d": { stepMs: H, count: 336 },
};

/** Leverage buckets and the share of new notional opened with each. */
const LEVERAGES: ReadonlyArray<[number, number]> = [
  [100, 0.1],
  [75, 0.06],
  [50, 0.16],
  [33, 0.08],
  [25, 0.2],
  [20, 0.1],
  [15, 0.08],
  [10, 0.14],
  [5, 0.08],
];
/** Price rows of the heatmap's y axis. */
const ROWS = 160;
/** Positions closed by hand: a level loses half its size in about three days. */
const HALF_LIFE_MS = 3 * D;

/** What the levels are computed for: one pair, or a coin over all its pairs. */
export interface LevelSource {
  key: number;
  price(t: number): number;
  /** Open interest (USD) the new positions are a share of. */
  oiUsd(t: number): number;
  /** Traded volume per day (USD) around t. */
  volumeUsd(t: number): number;
}

export const coinSource = (m: Market, c: ModelCoin): LevelSource => ({
  key: c.key,
  price: (t) => m.price(c, t),
  oiUsd: (t) => m.coinOiUsd(c, t),
  volumeUsd: (t) => c.pairs.reduce((s, p) => s + m.volume24h(p, t), 0),
});

export const pairSource = (m: Market, p: ModelPair): LevelSource => ({
  key: p.key,
  price: (t) => m.pairPrice(p, t),
  oiUsd: (t) => m.oiUsd(p, t),
  volumeUsd: (t) => m.volume24h(p, t),
});

export interface LevelGrid {
  /** Price of each row, ascending. */
  yAxis: number[];
  /** Candle open times, oldest first. */
  times: number[];
  candles: Array<[number, number, number, number]>;
  /** Per column, per row: USD still to be liquidated there, with the leverage split of the last column. */
  cells: Float64Array[];
  /** Last column per row and leverage bucket (for the map's leverage tuples). */
  byLeverage: Float64Array[];
  leverages: number[];
}

/** One candle's OHLC sampled from the price function (four points: enough for crossing tests). */
function candle(src: LevelSource, t: number, stepMs: number, now: number): [number, number, number, number] {
  const end = Math.min(t + stepMs, now);
  const pts = [0, 1 / 3, 2 / 3, 1].map((f) => src.price(t + (end - t) * f));
  return [pts[0] as number, Math.max(...pts), Math.min(...pts), pts[3] as number];
}

/** The levels of a window: `range` is a HEATMAP_RANGES key. */
export function levelGrid(src: LevelSource, range: string, now: number): LevelGrid {
  const { stepMs, count } =
    HEATMAP_RANGES[range] ?? (HEATMAP_RANGES["24h"] as { stepMs: number; count: number });
  const last = alignDown(now, stepMs);
  const times = Array.from({ length: count }, (_, i) => last - (count - 1 - i) * stepMs);
  const candles = times.map((t) => candle(src, t, stepMs, now));
  const lows = candles.map((c) => c[2]);
  const highs = candles.map((c) => c[1]);
  // Rows span the traded range widened by the 10x distance, so most levels fall inside.
  const lo = Math.min(...lows) * 0.9;
  const hi = Math.max(...highs) * 1.1;
  const step = (hi - lo) / (ROWS - 1);
  const yAxis = Array.from({ length: ROWS }, (_, i) => roundSig(lo + i * step, 7));
  const rowOf = (p: number) => Math.round((p - lo) / step);
  const decay = 0.5 ** (stepMs / HALF_LIFE_MS);
  // Amounts are kept in units of column 0 (added divided by decay^j, read multiplied by it), so
  // fading costs nothing per column; a column only touches the rows its candle traded through.
  const live = LEVERAGES.map(() => new Float64Array(ROWS));
  const total = new Float64Array(ROWS);
  const cells: Float64Array[] = [];
  candles.forEach(([, high, low], j) => {
    const t = times[j] as number;
    const scale = decay ** j;
    // The candle traded through these levels: their positions were liquidated.
    for (
      let r = Math.max(0, Math.ceil((low - lo) / step));
      r <= Math.min(ROWS - 1, (high - lo) / step);
      r++
    ) {
      total[r] = 0;
      for (const lev of live) lev[r] = 0;
    }
    // New positions: a share of open interest per candle, lumpier on some candles than others.
    const burst = 0.4 + 1.6 * hash01(src.key, 301, t / stepMs) ** 2;
    const notional = (src.oiUsd(t) * (stepMs / D) * 0.25 * burst) / scale;
    LEVERAGES.forEach(([l, share], b) => {
      const lev = live[b] as Float64Array;
      // Entries spread over the candle's range; sizes vary from candle to candle and side to side.
      for (const [k, f] of [0.15, 0.5, 0.85].entries()) {
        const entry = low + (high - low) * f;
        const u = hash01(src.key, 302 + b * 3 + k, t / stepMs);
        const amount = (notional * share * (0.2 + 1.6 * u * u)) / 6;
        const longs = 0.5 + hash01(src.key, 330 + b, t / stepMs);
        for (const [liq, size] of [
          [entry * (1 - 1 / l), amount * longs],
          [entry * (1 + 1 / l), amount * (2 - longs)],
        ] as const) {
          const r = rowOf(liq);
          if (r < 0 || r >= ROWS || (liq >= low && liq <= high)) continue;
          lev[r] = (lev[r] as number) + size;
          total[r] = (total[r] as number) + size;
        }
      }
    });
    cells.push(total.map((v) => v * scale));
  });
  const newest = decay ** (candles.length - 1);
  return {
    yAxis,
    times,
    candles,
    cells,
    byLeverage: live.map((lev) => lev.map((v) => v * newest)),
    leverages: LEVERAGES.map(([l]) => l),
  };
}
