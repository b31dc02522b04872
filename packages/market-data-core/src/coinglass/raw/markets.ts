/** Raw schemas: reference data and snapshots (coinglass-api.md §4). */
import { z } from "zod";
import { epochMs, numeric, OhlcRowSchema, suffixed } from "./common.js";

const W7 = ["5m", "15m", "30m", "1h", "4h", "12h", "24h"] as const;
const W6 = ["5m", "15m", "30m", "1h", "4h", "24h"] as const;
const L4 = ["1h", "4h", "12h", "24h"] as const;

/** `GET /api/futures/supported-coins` data. */
export const SupportedCoinsSchema = z.array(z.string());
/** `GET /api/futures/supported-exchanges` data. */
export const SupportedExchangesSchema = z.array(z.string());

/** One instrument of `GET /api/futures/supported-exchange-pairs` (data is keyed by exchange). */
export const ExchangePairSchema = z.object({
  instrument_id: z.string(),
  base_asset: z.string(),
  quote_asset: z.string(),
  settlement_currency: z.string().optional(),
  max_leverage: z.number().optional(),
  funding_interval: z.number().optional(),
  price_tick_size: z.number().optional(),
});
export type RawExchangePair = z.infer<typeof ExchangePairSchema>;
export const SupportedExchangePairsSchema = z.record(z.string(), z.array(ExchangePairSchema));

/** One row of `GET /api/futures/coins-markets`. */
export const CoinsMarketsRowSchema = z.object({
  symbol: z.string(),
  current_price: z.number(),
  avg_funding_rate_by_oi: z.number(),
  avg_funding_rate_by_vol: z.number(),
  market_cap_usd: z.number(),
  open_interest_market_cap_ratio: z.number(),
  open_interest_usd: z.number(),
  open_interest_quantity: z.number(),
  open_interest_volume_ratio: z.number(),
  ...suffixed("price_change_percent_", W7, z.number()),
  ...suffixed("open_interest_change_percent_", W6, z.number()),
  ...suffixed("volume_change_percent_", W6, z.number()),
  ...suffixed("volume_change_usd_", ["1h", "4h", "24h"] as const, z.number()),
  ...suffixed("long_short_ratio_", W7, z.number()),
  ...suffixed("liquidation_usd_", L4, z.number()),
  ...suffixed("long_liquidation_usd_", L4, z.number()),
  ...suffixed("short_liquidation_usd_", L4, z.number()),
});
export type RawCoinsMarketsRow = z.infer<typeof CoinsMarketsRowSchema>;

/** One row of `GET /api/futures/pairs-markets`. */
export const PairsMarketsRowSchema = z.object({
  instrument_id: z.string(),
  exchange_name: z.string(),
  symbol: z.string(),
  current_price: z.number(),
  index_price: z.number(),
  price_change_percent_24h: z.number(),
  volume_usd: z.number(),
  volume_usd_change_percent_24h: z.number(),
  long_volume_usd: z.number(),
  short_volume_usd: z.number(),
  long_volume_quantity: z.number(),
  short_volume_quantity: z.number(),
  open_interest_quantity: z.number(),
  open_interest_usd: z.number(),
  open_interest_change_percent_24h: z.number(),
  long_liquidation_usd_24h: z.number(),
  short_liquidation_usd_24h: z.number(),
  funding_rate: z.number(),
  /** May be absent on some rows. */
  next_funding_time: epochMs.optional(),
  /** Sic: "radio". */
  open_interest_volume_radio: z.number(),
  oi_vol_ratio_change_percent_24h: z.number(),
});
export type RawPairsMarketsRow = z.infer<typeof PairsMarketsRowSchema>;

/** One row of `GET /api/futures/coins-price-change`. */
export const CoinsPriceChangeRowSchema = z.object({
  symbol: z.string(),
  current_price: z.number(),
  ...suffixed("price_change_percent_", W7, z.number()),
  ...suffixed("price_amplitude_percent_", W7, z.number()),
});
export type RawCoinsPriceChangeRow = z.infer<typeof CoinsPriceChangeRowSchema>;

/** One candle of `GET /api/futures/price/history` (OHLCV as strings). */
export const PriceHistoryRowSchema = OhlcRowSchema.extend({ volume_usd: numeric });
export type RawPriceHistoryRow = z.infer<typeof PriceHistoryRowSchema>;

/** One row of `GET /api/futures/exchange-rank`. */
export const ExchangeRankRowSchema = z.object({
  exchange: z.string(),
  open_interest_usd: z.number(),
  volume_usd: z.number(),
  liquidation_usd_24h: z.number(),
});
export type RawExchangeRankRow = z.infer<typeof ExchangeRankRowSchema>;

/** `GET /api/user/account/subscription` data. */
export const AccountSubscriptionSchema = z.object({
  level: z.string(),
  expire_time: epochMs,
  expired: z.boolean(),
});
export type RawAccountSubscription = z.infer<typeof AccountSubscriptionSchema>;
