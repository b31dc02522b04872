/** Raw schemas: indicators and indexes (coinglass-api.md §4.9). */
import { z } from "zod";
import { epochMs, numeric } from "./common.js";

/** One coin of `GET /api/futures/rsi/list`. */
export const RawRsiListRowSchema = z.object({
  symbol: z.string(),
  rsi_15m: z.number(),
  price_change_percent_15m: z.number(),
  rsi_1h: z.number(),
  price_change_percent_1h: z.number(),
  rsi_4h: z.number(),
  price_change_percent_4h: z.number(),
  rsi_12h: z.number(),
  price_change_percent_12h: z.number(),
  rsi_24h: z.number(),
  price_change_percent_24h: z.number(),
  rsi_1w: z.number(),
  price_change_percent_1w: z.number(),
  current_price: z.number(),
});
export type RawRsiListRow = z.infer<typeof RawRsiListRowSchema>;

/** One row of `GET /api/futures/indicators/rsi` (the last row's value can be null). */
export const IndicatorRsiRowSchema = z.object({ time: epochMs, rsi_value: z.number().nullable() });
export type RawIndicatorRsiRow = z.infer<typeof IndicatorRsiRowSchema>;

/** One row of `GET /api/futures/indicators/ema`. */
export const IndicatorEmaRowSchema = z.object({ time: epochMs, ema_value: z.number().nullable() });
export type RawIndicatorEmaRow = z.infer<typeof IndicatorEmaRowSchema>;

/** One row of `GET /api/futures/basis/history`. */
export const BasisHistoryRowSchema = z.object({
  time: epochMs,
  open_basis: numeric,
  close_basis: numeric,
  open_change: numeric,
  close_change: numeric,
});
export type RawBasisHistoryRow = z.infer<typeof BasisHistoryRowSchema>;

/**
 * One element of `GET /api/index/fear-greed-history` data (an array of one object of parallel
 * lists). The documented `time_list` values look like epoch seconds.
 */
export const FearGreedHistorySchema = z.object({
  data_list: z.array(z.number()),
  price_list: z.array(z.number()),
  time_list: z.array(z.number()),
});
export type RawFearGreedHistory = z.infer<typeof FearGreedHistorySchema>;

/**
 * One row of `GET /api/coinbase-premium-index`: `time` in epoch seconds, `premium` in USD
 * (Coinbase minus Binance). The unit of `premium_rate` is in doubt (coinglass-api-more.md §0.3 #7),
 * so the model does not use it.
 */
export const CoinbasePremiumRowSchema = z.object({
  time: z.number(),
  premium: z.number(),
  premium_rate: z.number().optional(),
});
export type RawCoinbasePremiumRow = z.infer<typeof CoinbasePremiumRowSchema>;

/** One row of `GET /api/bitfinex-margin-long-short`: `time` in seconds, quantities in coins. */
export const BitfinexMarginRowSchema = z.object({
  time: z.number(),
  long_quantity: z.number(),
  short_quantity: z.number(),
});
export type RawBitfinexMarginRow = z.infer<typeof BitfinexMarginRowSchema>;
