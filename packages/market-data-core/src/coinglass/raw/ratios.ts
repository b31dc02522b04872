/** Raw schemas: long/short ratios and taker buy/sell volume (coinglass-api.md §7.2, §7.3). */
import { z } from "zod";
import { epochMs, numeric } from "./common.js";

/** One row of `GET /api/futures/global-long-short-account-ratio/history`. */
export const GlobalLongShortRowSchema = z.object({
  time: epochMs,
  global_account_long_percent: z.number(),
  global_account_short_percent: z.number(),
  global_account_long_short_ratio: z.number(),
});
export type RawGlobalLongShortRow = z.infer<typeof GlobalLongShortRowSchema>;

/** One row of `GET /api/futures/top-long-short-account-ratio/history`. */
export const TopAccountRatioRowSchema = z.object({
  time: epochMs,
  top_account_long_percent: z.number(),
  top_account_short_percent: z.number(),
  top_account_long_short_ratio: z.number(),
});
export type RawTopAccountRatioRow = z.infer<typeof TopAccountRatioRowSchema>;

/** One row of `GET /api/futures/top-long-short-position-ratio/history`. */
export const TopPositionRatioRowSchema = z.object({
  time: epochMs,
  top_position_long_percent: z.number(),
  top_position_short_percent: z.number(),
  top_position_long_short_ratio: z.number(),
});
export type RawTopPositionRatioRow = z.infer<typeof TopPositionRatioRowSchema>;

const takerSide = {
  buy_ratio: z.number(),
  sell_ratio: z.number(),
  buy_vol_usd: z.number(),
  sell_vol_usd: z.number(),
};

/** `GET /api/futures/taker-buy-sell-volume/exchange-list` data (an object, ratios in percent). */
export const TakerExchangeListSchema = z.object({
  symbol: z.string(),
  ...takerSide,
  exchange_list: z.array(z.object({ exchange: z.string(), ...takerSide })),
});
export type RawTakerExchangeList = z.infer<typeof TakerExchangeListSchema>;

/** One row of `GET /api/futures/v2/taker-buy-sell-volume/history` (strings). */
export const TakerHistoryRowSchema = z.object({
  time: epochMs,
  taker_buy_volume_usd: numeric,
  taker_sell_volume_usd: numeric,
});
export type RawTakerHistoryRow = z.infer<typeof TakerHistoryRowSchema>;

/** One row of `GET /api/futures/aggregated-taker-buy-sell-volume/history`. */
export const AggregatedTakerHistoryRowSchema = z.object({
  time: epochMs,
  aggregated_buy_volume_usd: numeric,
  aggregated_sell_volume_usd: numeric,
});
export type RawAggregatedTakerHistoryRow = z.infer<typeof AggregatedTakerHistoryRowSchema>;
