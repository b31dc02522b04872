/** Mappers of the liquidation heatmap, map and max-pain endpoints (coinglass-api-more.md §3). */
import type { LiquidationHeatmap, LiquidationLevel, LiquidationMaxPainRow } from "../models/liqmap.js";
import { num, obj, rows, str } from "./parse.js";

const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const amount = (v: unknown) => {
  const n = num(v);
  return n !== null && n >= 0 ? n : null;
};
/** Candle times are documented in seconds; a value in milliseconds is taken as such. */
const epochMs = (v: unknown) => {
  const n = num(v);
  return n === null || n <= 0 ? null : n < 1e11 ? n * 1000 : n;
};

export function mapLiquidationHeatmap(data: unknown, endpoint: string): LiquidationHeatmap {
  const o = obj(data, endpoint);
  const prices = arr(o.y_axis).map(amount);
  const candles = arr(o.price_candlesticks).map(arr);
  const cells: Array<[number, number, number]> = [];
  for (const c of arr(o.liquidation_leverage_data)) {
    const [x, y, v] = arr(c).map(num);
    // The documented example itself points past its lists (it was trimmed): such cells say nothing.
    if (x == null || y == null || v == null || v < 0) continue;
    if (!Number.isInteger(x) || !Number.isInteger(y) || prices[y] == null || candles[x] === undefined)
      continue;
    cells.push([x, y, v]);
  }
  return {
    times: candles.map((c) => epochMs(c[0])),
    closes: candles.map((c) => amount(c[4])),
    prices,
    cells,
  };
}

/** Levels by price, each summed over its leverage tuples; highest price first is not assumed. */
export function mapLiquidationLevels(data: unknown, endpoint: string): LiquidationLevel[] {
  const inner = obj(obj(data, endpoint).data, endpoint);
  const out: LiquidationLevel[] = [];
  for (const [key, tuples] of Object.entries(inner)) {
    let sum: number | null = null;
    let price = num(key);
    for (const t of arr(tuples)) {
      const [p, level] = arr(t);
      const v = amount(level);
      if (v === null) continue;
      price = amount(p) ?? price;
      sum = (sum ?? 0) + v;
    }
    if (price !== null && price > 0 && sum !== null) out.push({ priceUsd: price, liquidationUsd: sum });
  }
  return out.sort((a, b) => a.priceUsd - b.priceUsd);
}

export function mapLiquidationMaxPain(data: unknown, endpoint: string): LiquidationMaxPainRow[] {
  return rows(data, endpoint).flatMap((r) => {
    const symbol = str(r.symbol);
    if (!symbol) return [];
    return [
      {
        symbol: symbol.toUpperCase(),
        priceUsd: amount(r.price),
        long: {
          priceUsd: amount(r.long_max_pain_liq_price),
          liquidationUsd: amount(r.long_max_pain_liq_level),
        },
        short: {
          priceUsd: amount(r.short_max_pain_liq_price),
          liquidationUsd: amount(r.short_max_pain_liq_level),
        },
      },
    ];
  });
}
