/** Raw schemas: liquidations (coinglass-api.md §5). */
import { z } from "zod";
import { epochMs, numeric, suffixed } from "./common.js";

const L4 = ["24h", "12h", "4h", "1h"] as const;

/** One coin of `GET /api/futures/liquidation/coin-list` (one exchange). */
export const LiquidationCoinListRowSchema = z.object({
  symbol: z.string(),
  ...suffixed("liquidation_usd_", L4, z.number()),
  ...suffixed("long_liquidation_usd_", L4, z.number()),
  ...suffixed("short_liquidation_usd_", L4, z.number()),
});
export type RawLiquidationCoinListRow = z.infer<typeof LiquidationCoinListRowSchema>;

/** One row of `GET /api/futures/liquidation/exchange-list` (first row `exchange: "All"`). No range suffix. */
export const LiquidationExchangeListRowSchema = z.object({
  exchange: z.string(),
  liquidation_usd: z.number(),
  long_liquidation_usd: z.number(),
  short_liquidation_usd: z.number(),
});
export type RawLiquidationExchangeListRow = z.infer<typeof LiquidationExchangeListRowSchema>;

/** One candle of `GET /api/futures/liquidation/aggregated-history` (numbers). */
export const LiquidationAggregatedHistoryRowSchema = z.object({
  time: epochMs,
  aggregated_long_liquidation_usd: z.number(),
  aggregated_short_liquidation_usd: z.number(),
});
export type RawLiquidationAggregatedHistoryRow = z.infer<typeof LiquidationAggregatedHistoryRowSchema>;

/** One candle of `GET /api/futures/liquidation/history` (strings). */
export const LiquidationHistoryRowSchema = z.object({
  time: epochMs,
  long_liquidation_usd: numeric,
  short_liquidation_usd: numeric,
});
export type RawLiquidationHistoryRow = z.infer<typeof LiquidationHistoryRowSchema>;

/**
 * One order of `GET /api/futures/liquidation/order`. `exchange_name` may be upper-case
 * (`"BINANCE"`); `side` is 1 or 2 (meaning uncertain, see the reference §8.4).
 */
export const LiquidationOrderRowSchema = z.object({
  exchange_name: z.string(),
  symbol: z.string(),
  base_asset: z.string(),
  price: z.number(),
  usd_value: z.number(),
  side: z.number().int(),
  time: epochMs,
});
export type RawLiquidationOrderRow = z.infer<typeof LiquidationOrderRowSchema>;
