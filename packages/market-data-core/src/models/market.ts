/**
 * Domain models of single CoinGlass endpoints, as the client returns them: camelCase, units in
 * the names (`Usd`, `Pct`, `Hours`), times in epoch milliseconds. A value the upstream row may
 * lack is `number | null`, never 0.
 *
 * Percent convention: `...Pct` fields are percent as CoinGlass shows them (`1.06` = 1.06 %).
 * Funding rates are also percent per funding interval (`0.01` = 0.01 %); compare them only on the
 * common basis of funding.ts.
 */
import { z } from "zod";
import { type ChangeWindow, msReq, num, PartialChangeWindowsSchema, str, usd } from "./fields.js";
import type { ExchangeFundingRate } from "./funding.js";

export type { ChangeWindow } from "./fields.js";
/** A range accepted by liquidation exchange-list. */
export const LIQUIDATION_RANGES = ["1h", "4h", "12h", "24h"] as const;
export type LiquidationRange = (typeof LIQUIDATION_RANGES)[number];
/** A range accepted by taker exchange-list. */
export type TakerRange = ChangeWindow;
/** History interval enum of v4. */
export const INTERVALS = [
  "1m",
  "3m",
  "5m",
  "15m",
  "30m",
  "1h",
  "2h",
  "4h",
  "6h",
  "8h",
  "12h",
  "1d",
  "1w",
] as const;
export type Interval = (typeof INTERVALS)[number];
/** Depth range (percent from mid) of order-book depth endpoints. */
export type DepthRange = 0.25 | 0.5 | 0.75 | 1 | 2 | 3 | 5 | 10;

const liquidationTotals = {
  totalUsd: usd("Liquidated, both sides", 48_200_000),
  longUsd: usd("Long positions liquidated", 30_100_000),
  shortUsd: usd("Short positions liquidated", 18_100_000),
};
/** Long/short/total USD of liquidations in one window or on one exchange. */
export const LiquidationTotalsSchema = z.object(liquidationTotals);
export type LiquidationTotals = z.infer<typeof LiquidationTotalsSchema>;

/** One row of `/api/futures/coins-markets`: the per-coin snapshot across exchanges. */
export interface CoinMarket {
  symbol: string;
  priceUsd: number | null;
  oiWeightedFundingRatePct: number | null;
  volWeightedFundingRatePct: number | null;
  marketCapUsd: number | null;
  openInterestUsd: number | null;
  openInterestQuantity: number | null;
  openInterestVolumeRatio: number | null;
  /** Price change in percent per window. */
  priceChangePct: Partial<Record<ChangeWindow, number | null>>;
  /** Open-interest change in percent (no 12h upstream). */
  openInterestChangePct: Partial<Record<ChangeWindow, number | null>>;
  /** Volume change in percent (no 12h upstream). */
  volumeChangePct: Partial<Record<ChangeWindow, number | null>>;
  /** Long/short ratio per window. */
  longShortRatio: Partial<Record<ChangeWindow, number | null>>;
  liquidations: Record<LiquidationRange, LiquidationTotals>;
}

/** One row of `/api/futures/pairs-markets`: one pair on one exchange. */
export interface PairMarket {
  instrumentId: string;
  exchange: string;
  /** As CoinGlass writes it, e.g. `BTC/USDT`. */
  pairName: string;
  priceUsd: number | null;
  indexPriceUsd: number | null;
  priceChange24hPct: number | null;
  volume24hUsd: number | null;
  volumeChange24hPct: number | null;
  longVolume24hUsd: number | null;
  shortVolume24hUsd: number | null;
  openInterestUsd: number | null;
  openInterestQuantity: number | null;
  openInterestChange24hPct: number | null;
  longLiquidation24hUsd: number | null;
  shortLiquidation24hUsd: number | null;
  fundingRatePct: number | null;
  /** ms; absent on some rows upstream. */
  nextFundingTime: number | null;
}

/** One row of `/api/futures/coins-price-change`. */
export interface CoinPriceChange {
  symbol: string;
  priceUsd: number | null;
  priceChangePct: Partial<Record<ChangeWindow, number | null>>;
  /** (high - low) / low in percent per window. */
  amplitudePct: Partial<Record<ChangeWindow, number | null>>;
}

/** A price candle (ccxt OHLCV). `volumeUsd` is null when the endpoint has no volume. */
export interface Candle {
  /** Open time, ms. */
  time: number;
  open: number;
  high: number;
  low: number;
  close: number;
  volumeUsd: number | null;
}

const value = (what: string, example: number) =>
  z.number().meta({ description: `${what} value (unit of the series).`, examples: [example] });
/** An OHLC bar of a non-price series (open interest USD, funding rate percent). */
export const OhlcBarSchema = z.object({
  time: msReq("Bar open time"),
  open: value("Open", 1.0),
  high: value("High", 1.2),
  low: value("Low", 0.9),
  close: value("Close", 1.1),
});
export type OhlcBar = z.infer<typeof OhlcBarSchema>;

/** One bar of liquidation history (USD liquidated in the bar starting at `time`). */
export interface LiquidationBar {
  time: number;
  longUsd: number;
  shortUsd: number;
}

/** One row of liquidation exchange-list (`exchange` is `All` for the aggregate row). */
export const LiquidationExchangeRowSchema = z.object({
  exchange: str("Exchange name", "Binance"),
  ...liquidationTotals,
});
export type LiquidationExchangeRow = z.infer<typeof LiquidationExchangeRowSchema>;

/** Per-coin totals of liquidation coin-list on one exchange. */
export interface LiquidationCoinRow {
  symbol: string;
  windows: Record<LiquidationRange, LiquidationTotals>;
}

/** One forced order of `/api/futures/liquidation/order`. */
export interface LiquidationOrder {
  exchange: string;
  pair: string;
  coin: string;
  priceUsd: number;
  usd: number;
  /** The side liquidated (1 = long, 2 = short; one constant, see coinglass-api.md §8.4). */
  side: "long" | "short";
  time: number;
}

/** One coin of `/api/futures/funding-rate/exchange-list`. */
export interface CoinFundingRates {
  symbol: string;
  /** USDT/USDC-margined contracts. */
  stablecoinMargin: ExchangeFundingRate[];
  /** Coin-margined contracts. */
  tokenMargin: ExchangeFundingRate[];
}

/** One row of `/api/futures/open-interest/exchange-list` (`All` first). */
export const OpenInterestExchangeRowSchema = z.object({
  exchange: str("Exchange name", "Binance"),
  openInterestUsd: usd("Open interest", 12_000_000_000),
  openInterestQuantity: num("Open interest, in coins", 123_000),
  stablecoinMarginUsd: usd("Stablecoin-margined open interest", 10_000_000_000),
  changePct: PartialChangeWindowsSchema,
});
export type OpenInterestExchangeRow = z.infer<typeof OpenInterestExchangeRowSchema>;

/** A long/short ratio point (global accounts, top accounts or top positions). */
export interface LongShortPoint {
  time: number;
  longPct: number;
  shortPct: number;
  /** long / short. */
  ratio: number;
}

/** Taker buy/sell volume of one coin over a range (exchange-list). */
export interface TakerVolume {
  symbol: string;
  buyRatioPct: number | null;
  sellRatioPct: number | null;
  buyUsd: number | null;
  sellUsd: number | null;
  byExchange: Array<{
    exchange: string;
    buyRatioPct: number | null;
    sellRatioPct: number | null;
    buyUsd: number | null;
    sellUsd: number | null;
  }>;
}

/** A bar of taker buy/sell volume history. */
export interface TakerBar {
  time: number;
  buyUsd: number;
  sellUsd: number;
}

/** One coin of `/api/futures/rsi/list`. */
export interface RsiListRow {
  symbol: string;
  priceUsd: number | null;
  rsi: Record<RsiWindow, number | null>;
  priceChangePct: Record<RsiWindow, number | null>;
}
/** RSI timeframes. */
export const RSI_WINDOWS = ["15m", "1h", "4h", "12h", "24h", "1w"] as const;
export type RsiWindow = (typeof RSI_WINDOWS)[number];

/** A point of an indicator series (RSI, EMA). */
export interface IndicatorPoint {
  time: number;
  value: number | null;
}

/** A fear & greed reading. */
export interface FearGreedPoint {
  time: number;
  /** 0..100. */
  value: number;
  /** BTC price at that time, when given. */
  priceUsd: number | null;
}

/** An instrument of supported-exchange-pairs. */
export interface Instrument {
  exchange: string;
  instrumentId: string;
  baseAsset: string;
  quoteAsset: string;
}

export type {
  DepthPoint,
  LargeLimitOrder,
  OrderbookSnapshot,
  WhaleAlert,
  WhalePosition,
} from "./book-whales.js";
export type { ExchangeFundingRate, FundingAverage } from "./funding.js";
