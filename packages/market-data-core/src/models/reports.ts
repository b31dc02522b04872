import { z } from "zod";
import {
  CHANGE_WINDOWS,
  ms,
  num,
  PartialChangeWindowsSchema,
  pct,
  str,
  trend,
  usd,
  windows,
} from "./fields.js";
import { ExchangeFundingRateSchema, FundingAverageSchema } from "./funding.js";
import {
  type CoinFundingRates,
  INTERVALS,
  LIQUIDATION_RANGES,
  LiquidationExchangeRowSchema,
  OhlcBarSchema,
  OpenInterestExchangeRowSchema,
  RSI_WINDOWS,
} from "./market.js";
import { LongShortReadingSchema, TakerFlowSchema } from "./snapshot.js";

export type { Trend } from "./fields.js";
/** Re-exported for convenience of callers building funding views. */
export type { CoinFundingRates };

const symbol = str("Coin symbol", "BTC");

/** `getLiq(symbol, range)`: liquidations of one coin over one range. */
export const LiquidationSummarySchema = z.object({
  symbol,
  range: z.enum(LIQUIDATION_RANGES).meta({ description: "Window covered." }),
  totalUsd: usd("Liquidated, both sides", 48_200_000),
  longUsd: usd("Long positions liquidated", 30_100_000),
  shortUsd: usd("Short positions liquidated", 18_100_000),
  /** longUsd / totalUsd × 100. */
  longSharePct: pct("Long share of the total", 62.4),
  dominantSide: z
    .enum(["long", "short"])
    .nullable()
    .meta({ description: "Side that lost more; null when equal or unknown." }),
  /** `All` row removed. */
  byExchange: z.array(LiquidationExchangeRowSchema).meta({ description: "Per exchange, largest first." }),
});
export type LiquidationSummary = z.infer<typeof LiquidationSummarySchema>;

const coinMood = (coin: string, price: number) =>
  z.object({
    priceUsd: usd(`${coin} price`, price),
    change24hPct: pct(`${coin} 24 h price change`, -1.2),
    trend,
  });

/** `getSentiment()`: the market mood. */
export const SentimentReportSchema = z.object({
  fearGreed: z.object({
    value: num("Fear & Greed index (0 = extreme fear, 100 = extreme greed)", 64),
    label: z
      .string()
      .nullable()
      .meta({ description: "Label of the index value.", examples: ["Greed"] }),
    time: ms("Time of the reading"),
  }),
  btc: coinMood("BTC", 97_250),
  eth: coinMood("ETH", 3_420),
  /** BTC funding: positive = longs pay shorts; `average` and `bias` are per 8 hours. */
  funding: z.object({
    btcOiWeightedRatePct: pct(
      "CoinGlass's BTC OI-weighted funding as CoinGlass gives it: a mean of each exchange's rate per its own interval (not per 8 h)",
      0.008,
    ),
    average: FundingAverageSchema,
    bias: z.enum(["longs_pay", "shorts_pay", "neutral"]).nullable().meta({
      description: "Who pays funding, from average.per_8h_pct (beyond ±0.005 % per 8 h); null when unknown.",
    }),
  }),
  openInterest: z.object({ btcChange24hPct: pct("BTC open-interest change over 24 h", 2.3), trend }),
  longShort: LongShortReadingSchema.meta({ description: "BTC global accounts long/short on Binance." }),
});
export type SentimentReport = z.infer<typeof SentimentReportSchema>;

/**
 * `getFunding(symbol)`. Rankings and the average are per 8 hours (see models/funding.ts); each
 * row keeps its raw rate and interval.
 */
export const FundingReportSchema = z.object({
  symbol,
  oiWeightedRatePct: pct(
    "CoinGlass's open-interest-weighted average as CoinGlass gives it: a mean of each exchange's rate per its own interval (mixed intervals, not per 8 h)",
    0.008,
  ),
  volWeightedRatePct: pct("CoinGlass's volume-weighted average, same basis as oi_weighted_rate_pct", 0.007),
  /** Stablecoin-margin rates per 8 hours, weighted by open interest per exchange. */
  average: FundingAverageSchema,
  stablecoinMargin: z
    .array(ExchangeFundingRateSchema)
    .meta({ description: "USDT/USDC-margined contracts per exchange, highest per 8 hours first." }),
  tokenMargin: z
    .array(ExchangeFundingRateSchema)
    .meta({ description: "Coin-margined contracts per exchange, highest per 8 hours first." }),
  highest: ExchangeFundingRateSchema.nullable().meta({
    description: "Highest stablecoin-margin rate per 8 hours.",
  }),
  lowest: ExchangeFundingRateSchema.nullable().meta({
    description: "Lowest stablecoin-margin rate per 8 hours.",
  }),
  /** Null with fewer than two rates. */
  spreadPer8hPct: pct("highest minus lowest, per 8 hours", 0.0043),
  history: z
    .array(OhlcBarSchema)
    .meta({ description: "Binance funding-rate history (percent OHLC per bar), oldest first." }),
});
export type FundingReport = z.infer<typeof FundingReportSchema>;

/** `getOpenInterest(symbol)`. */
export const OpenInterestReportSchema = z.object({
  symbol,
  totalUsd: usd("Open interest across exchanges", 61_000_000_000),
  totalQuantity: num("Open interest, in coins", 628_000),
  changePct: PartialChangeWindowsSchema,
  /** `All` removed. */
  byExchange: z.array(OpenInterestExchangeRowSchema).meta({ description: "Per exchange, largest first." }),
  history: z
    .array(OhlcBarSchema)
    .meta({ description: "Aggregated open interest (US dollar OHLC) history, oldest first." }),
});
export type OpenInterestReport = z.infer<typeof OpenInterestReportSchema>;

/** `getLongShort(symbol)`. */
export const LongShortReportSchema = z.object({
  symbol: z.string(),
  exchange: z.string(),
  pair: z.string(),
  interval: z.enum(INTERVALS),
  globalAccounts: LongShortReadingSchema,
  topAccounts: LongShortReadingSchema,
  topPositions: LongShortReadingSchema,
});
export type LongShortReport = z.infer<typeof LongShortReportSchema>;

/** `getTaker(symbol, range)`. */
export const TakerReportSchema = TakerFlowSchema.extend({
  symbol: z.string(),
  /** A window of taker exchange-list (`TakerRange`). */
  range: z.enum(CHANGE_WINDOWS),
  sellRatioPct: z.number().nullable(),
  byExchange: z.array(
    z.object({
      exchange: z.string(),
      buyUsd: z.number().nullable(),
      sellUsd: z.number().nullable(),
      buyRatioPct: z.number().nullable(),
    }),
  ),
});
export type TakerReport = z.infer<typeof TakerReportSchema>;

const rsiWindows = windows(RSI_WINDOWS, z.number().nullable());
/** `getRsi(symbol)`. */
export const RsiReportSchema = z.object({
  symbol: z.string(),
  priceUsd: z.number().nullable(),
  rsi: rsiWindows,
  priceChangePct: rsiWindows,
});
export type RsiReport = z.infer<typeof RsiReportSchema>;

const rate = ExchangeFundingRateSchema.nullable();
/** One coin of `getOverview`: what bare /funding, /oi and /rsi list. */
export const CoinOverviewSchema = z.object({
  symbol: z.string(),
  priceUsd: z.number().nullable(),
  openInterestUsd: z.number().nullable(),
  openInterestChange24hPct: z.number().nullable(),
  /** Stablecoin-margin funding per 8 hours across exchanges. */
  funding: z.object({
    /** Unweighted mean of the exchanges' per-8-hour rates. */
    meanPer8hPct: z.number().nullable(),
    exchanges: z.number(),
    highest: rate,
    lowest: rate,
  }),
  rsi: windows(["1h", "4h", "24h"], z.number().nullable()),
});
export type CoinOverview = z.infer<typeof CoinOverviewSchema>;

/** One coin of `getWatchlist`: the figures a digest lists (as `getRaw` has them). */
export const WatchlistRowSchema = z.object({
  symbol: z.string(),
  priceUsd: z.number().nullable(),
  change24hPct: z.number().nullable(),
  /** Open-interest-weighted mean of stablecoin-margined funding, per 8 hours. */
  fundingPer8hPct: z.number().nullable(),
  openInterestChange24hPct: z.number().nullable(),
});
export type WatchlistRow = z.infer<typeof WatchlistRowSchema>;

/** `getWatchlist(symbols)`, in the order asked. */
export const WatchlistReportSchema = z.object({ coins: z.array(WatchlistRowSchema) });
export type WatchlistReport = z.infer<typeof WatchlistReportSchema>;

/** `getOverview(limit)`: the largest coins by open interest (CoinGlass coins-markets), largest first. */
export const MarketOverviewSchema = z.object({
  rankedBy: z.literal("open_interest"),
  coins: z.array(CoinOverviewSchema),
});
export type MarketOverview = z.infer<typeof MarketOverviewSchema>;
