/** Raw schemas: options (coinglass-api-more.md §2). `symbol` is a coin (BTC, ETH). */
import { z } from "zod";
import { epochMs, numeric } from "./common.js";

/** One row of `GET /api/option/info` (first row `exchange_name: "All"`). */
export const OptionInfoRowSchema = z.object({
  exchange_name: z.string(),
  /** Contracts. */
  open_interest: z.number(),
  oi_market_share: z.number(),
  open_interest_change_24h: z.number(),
  open_interest_usd: z.number(),
  volume_usd_24h: z.number(),
  /** Left out on some rows (the Deribit row of the documented example). */
  volume_change_percent_24h: z.number().optional(),
});
export type RawOptionInfoRow = z.infer<typeof OptionInfoRowSchema>;

/** One expiry of `GET /api/option/max-pain`: `date` is `YYMMDD`, `max_pain_price` a numeric string. */
export const OptionMaxPainRowSchema = z.object({
  date: z.string().regex(/^\d{6}$/),
  max_pain_price: numeric,
  call_open_interest: z.number(),
  put_open_interest: z.number(),
  call_open_interest_market_value: z.number(),
  put_open_interest_market_value: z.number(),
  call_open_interest_notional: z.number(),
  put_open_interest_notional: z.number(),
});
export type RawOptionMaxPainRow = z.infer<typeof OptionMaxPainRowSchema>;

/**
 * `GET /api/option/exchange-oi-history` and `exchange-vol-history`: one object of parallel lists;
 * `data_map` keys are lower-case exchange names in the docs.
 */
export const OptionExchangeChartSchema = z.object({
  time_list: z.array(epochMs),
  price_list: z.array(z.number()),
  data_map: z.record(z.string(), z.array(z.number())),
});
export type RawOptionExchangeChart = z.infer<typeof OptionExchangeChartSchema>;
