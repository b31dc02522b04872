/**
 * Raw schemas: liquidation heatmaps, maps and max pain (coinglass-api-more.md §3, Professional
 * plan). Heatmap candle times are epoch **seconds** and their prices numeric strings (§0.2); the
 * documented example is trimmed (a `y_index` of 124 against three `y_axis` prices), so indexes are
 * not checked against the lists here — the mapper drops cells that point nowhere.
 */
import { z } from "zod";
import { numeric } from "./common.js";

const isCell = (c: unknown) =>
  Array.isArray(c) &&
  c.length === 3 &&
  Number.isInteger(c[0]) &&
  Number.isInteger(c[1]) &&
  typeof c[2] === "number" &&
  Number.isFinite(c[2]);

/**
 * `[x_index, y_index, value]`: column (candle), row (price), liquidation amount (USD, inferred).
 * Checked with one loop rather than a zod tuple per cell: a heatmap has tens of thousands of cells
 * and the tuple parse took longer (0.4–0.7 s) than fetching them.
 */
const HeatmapCellsSchema = z.custom<Array<[number, number, number]>>(
  (v) => Array.isArray(v) && v.every(isCell),
  { message: "expected [x_index, y_index, value] triples" },
);

/** `data` of the six heatmap endpoints (`heatmap/model1..3`, `aggregated-heatmap/model1..3`). */
export const RawLiquidationHeatmapSchema = z.object({
  /** Price of each row. */
  y_axis: z.array(z.number()),
  liquidation_leverage_data: HeatmapCellsSchema,
  /** `[time (epoch s), open, high, low, close, volume USD]`, prices as numeric strings. */
  price_candlesticks: z.array(z.tuple([z.number(), numeric, numeric, numeric, numeric, numeric])),
});
export type RawLiquidationHeatmap = z.infer<typeof RawLiquidationHeatmapSchema>;

/**
 * `data` of `liquidation/map` and `liquidation/aggregated-map`: `{ data: { "price": [[price,
 * level, leverage | null, null], …] } }`. The aggregated map's leverage is always null; the 4th
 * element is null in both examples and its meaning is not documented.
 */
export const LiquidationMapSchema = z.object({
  data: z.record(
    z.string(),
    z.array(z.tuple([z.number(), z.number(), z.number().int().nullable(), z.unknown()])),
  ),
});
export type RawLiquidationMap = z.infer<typeof LiquidationMapSchema>;

/**
 * One coin of `liquidation/max-pain` (no `msg` in the envelope). The docs define neither "long"
 * nor "short" max pain; their example puts the long price above `price` and the short one below.
 */
export const RawLiquidationMaxPainRowSchema = z.object({
  symbol: z.string(),
  price: z.number(),
  long_max_pain_liq_level: z.number(),
  long_max_pain_liq_price: z.number(),
  short_max_pain_liq_level: z.number(),
  short_max_pain_liq_price: z.number(),
});
export type RawLiquidationMaxPainRow = z.infer<typeof RawLiquidationMaxPainRowSchema>;
