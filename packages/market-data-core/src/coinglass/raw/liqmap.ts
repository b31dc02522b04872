/**
 * Raw schemas: liquidation heatmaps, maps and max pain (coinglass-api-more.md §3, Professional
 * plan). Heatmap candle times are epoch **seconds** and their prices numeric strings (§0.2); the
 * documented example is trimmed (a `y_index` of 124 against three `y_axis` prices), so indexes are
 * not checked against the lists here — the mapper drops cells that point nowhere.
 */
import { z } from "zod";
import { numeric } from "./common.js";

/** `data` of the six heatmap endpoints (`heatmap/model1..3`, `aggregated-heatmap/model1..3`). */
export const LiquidationHeatmapSchema = z.object({
  /** Price of each row. */
  y_axis: z.array(z.number()),
  /** `[x_index, y_index, value]`: column (candle), row (price), liquidation amount (USD, inferred). */
  liquidation_leverage_data: z.array(z.tuple([z.number().int(), z.number().int(), z.number()])),
  /** `[time (epoch s), open, high, low, close, volume USD]`, prices as numeric strings. */
  price_candlesticks: z.array(z.tuple([z.number(), numeric, numeric, numeric, numeric, numeric])),
});
export type RawLiquidationHeatmap = z.infer<typeof LiquidationHeatmapSchema>;

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
export const LiquidationMaxPainRowSchema = z.object({
  symbol: z.string(),
  price: z.number(),
  long_max_pain_liq_level: z.number(),
  long_max_pain_liq_price: z.number(),
  short_max_pain_liq_level: z.number(),
  short_max_pain_liq_price: z.number(),
});
export type RawLiquidationMaxPainRow = z.infer<typeof LiquidationMaxPainRowSchema>;
