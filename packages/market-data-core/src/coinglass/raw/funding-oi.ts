/** Raw schemas: funding rates and open interest (coinglass-api.md §6, §7.1). */
import { z } from "zod";
import { epochMs, numeric, OhlcRowSchema, suffixed } from "./common.js";

/** One exchange in a funding-rate margin list (rates in CoinGlass percent units). */
export const FundingRateExchangeSchema = z.object({
  exchange: z.string(),
  /** Hours. */
  funding_rate_interval: z.number().optional(),
  funding_rate: z.number(),
  next_funding_time: epochMs.optional(),
});
export type RawFundingRateExchange = z.infer<typeof FundingRateExchangeSchema>;

/** One coin of `GET /api/futures/funding-rate/exchange-list`. */
export const FundingRateExchangeListRowSchema = z.object({
  symbol: z.string(),
  stablecoin_margin_list: z.array(FundingRateExchangeSchema),
  token_margin_list: z.array(FundingRateExchangeSchema),
});
export type RawFundingRateExchangeListRow = z.infer<typeof FundingRateExchangeListRowSchema>;

/** One candle of `GET /api/futures/funding-rate/history` (and oi-/vol-weight history): strings. */
export const FundingRateHistoryRowSchema = OhlcRowSchema;
export type RawFundingRateHistoryRow = z.infer<typeof FundingRateHistoryRowSchema>;

/** One row of `GET /api/futures/open-interest/exchange-list` (first row `exchange: "All"`). */
export const OpenInterestExchangeListRowSchema = z.object({
  exchange: z.string(),
  symbol: z.string(),
  open_interest_usd: z.number(),
  open_interest_quantity: z.number(),
  open_interest_by_stable_coin_margin: z.number(),
  open_interest_quantity_by_coin_margin: z.number(),
  open_interest_quantity_by_stable_coin_margin: z.number(),
  ...suffixed("open_interest_change_percent_", ["5m", "15m", "30m", "1h", "4h", "24h"] as const, z.number()),
});
export type RawOpenInterestExchangeListRow = z.infer<typeof OpenInterestExchangeListRowSchema>;

/** One candle of `GET /api/futures/open-interest/history` and `/aggregated-history`: strings. */
export const OpenInterestHistoryRowSchema = OhlcRowSchema;
export type RawOpenInterestHistoryRow = z.infer<typeof OpenInterestHistoryRowSchema>;

/** `GET /api/futures/open-interest/exchange-history-chart` data. */
export const OpenInterestExchangeHistoryChartSchema = z.object({
  time_list: z.array(epochMs),
  price_list: z.array(numeric),
  data_map: z.record(z.string(), z.array(numeric)),
});
export type RawOpenInterestExchangeHistoryChart = z.infer<typeof OpenInterestExchangeHistoryChartSchema>;
