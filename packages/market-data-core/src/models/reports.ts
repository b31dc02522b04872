import type {
  ChangeWindow,
  CoinFundingRates,
  DepthPoint,
  ExchangeFundingRate,
  FundingAverage,
  Interval,
  LargeLimitOrder,
  LiquidationExchangeRow,
  LiquidationRange,
  OhlcBar,
  OpenInterestExchangeRow,
  RsiWindow,
  TakerRange,
  WhaleAlert,
  WhalePosition,
} from "./market.js";
import type { LongShortReading, TakerFlow } from "./snapshot.js";

/** `getLiq(symbol, range)`: liquidations of one coin over one range. */
export interface LiquidationSummary {
  symbol: string;
  range: LiquidationRange;
  totalUsd: number | null;
  longUsd: number | null;
  shortUsd: number | null;
  /** longUsd / totalUsd × 100. */
  longSharePct: number | null;
  /** Which side lost more; null when unknown or equal. */
  dominantSide: "long" | "short" | null;
  /** Per exchange, largest first, `All` row removed. */
  byExchange: LiquidationExchangeRow[];
}

/** `getWhale(...)`: Hyperliquid whale alerts and open whale positions. */
export interface WhaleReport {
  /** Coin filter applied, or null for all coins. */
  symbol: string | null;
  minUsd: number;
  /** Newest first, at most `limit`. */
  alerts: WhaleAlert[];
  /** Largest first, at most `limit`. */
  positions: WhalePosition[];
  /**
   * Sums over every open position CoinGlass returned that matches the coin and `minUsd` — not
   * only the listed ones, so they do not depend on `limit`. Null when CoinGlass gave no readable
   * positions.
   */
  totals: WhaleTotals | null;
}

/** Whale position totals and what they cover. */
export interface WhaleTotals {
  longUsd: number;
  shortUsd: number;
  /** Positions counted (all that match, ≥ `minUsd`). */
  count: number;
}

/** Count and size of every open wall on one side, however many are listed. */
export interface WallTotals {
  count: number;
  /** Sum of the current USD size of the walls that give one; null when none does. */
  usd: number | null;
}

/** Depth totals with their imbalance. */
export interface DepthSummary {
  bidsUsd: number | null;
  asksUsd: number | null;
  /** (bids - asks) / (bids + asks) × 100. */
  imbalancePct: number | null;
  time: number | null;
}

/** `getOrderbook(symbol, { exchange, range })`. */
export interface OrderbookReport {
  symbol: string;
  exchange: string;
  pair: string;
  rangePct: number;
  /** Large resting orders, largest current USD first. */
  walls: { bids: LargeLimitOrder[]; asks: LargeLimitOrder[] };
  /** Totals over every open wall CoinGlass returned (a caller may list fewer); null when the walls are missing. */
  wallTotals: { bids: WallTotals; asks: WallTotals } | null;
  /** Latest depth of the pair on `exchange`. */
  depth: DepthSummary;
  /** Depth history of the pair, oldest first. */
  depthHistory: DepthPoint[];
  /** Latest depth aggregated across all exchanges for the coin. */
  aggregated: DepthSummary;
}

/** Trend label of a market series. */
export type Trend = "up" | "down" | "flat";

/** `getSentiment()`: the market mood. */
export interface SentimentReport {
  fearGreed: { value: number | null; label: string | null; time: number | null };
  btc: { priceUsd: number | null; change24hPct: number | null; trend: Trend | null };
  eth: { priceUsd: number | null; change24hPct: number | null; trend: Trend | null };
  /**
   * BTC funding: positive = longs pay shorts. `btcOiWeightedRatePct` is CoinGlass's average as
   * given (each exchange per its own interval); `average` and `bias` are per 8 hours.
   */
  funding: {
    btcOiWeightedRatePct: number | null;
    average: FundingAverage;
    bias: "longs_pay" | "shorts_pay" | "neutral" | null;
  };
  /** BTC open interest change over 24h. */
  openInterest: { btcChange24hPct: number | null; trend: Trend | null };
  /** BTC global accounts long/short on Binance. */
  longShort: LongShortReading;
}

/**
 * `getFunding(symbol)`. Rankings and the average are per 8 hours (see models/funding.ts); each
 * row keeps its raw rate and interval.
 */
export interface FundingReport {
  symbol: string;
  /**
   * CoinGlass's open-interest-weighted average as CoinGlass gives it: a mean of each exchange's
   * rate per its own interval (mixed intervals, not on the 8-hour basis).
   */
  oiWeightedRatePct: number | null;
  /** CoinGlass's volume-weighted average, same basis as `oiWeightedRatePct`. */
  volWeightedRatePct: number | null;
  /** Stablecoin-margin rates per 8 hours, weighted by open interest per exchange. */
  average: FundingAverage;
  stablecoinMargin: ExchangeFundingRate[];
  tokenMargin: ExchangeFundingRate[];
  /** Highest and lowest stablecoin-margin rates per 8 hours, for arbitrage hints. */
  highest: ExchangeFundingRate | null;
  lowest: ExchangeFundingRate | null;
  /** highest − lowest, percent per 8 hours; null with fewer than two rates. */
  spreadPer8hPct: number | null;
  /** Binance pair funding history (percent OHLC per bar), oldest first. */
  history: OhlcBar[];
}

/** `getOpenInterest(symbol)`. */
export interface OpenInterestReport {
  symbol: string;
  totalUsd: number | null;
  totalQuantity: number | null;
  changePct: Partial<Record<ChangeWindow, number | null>>;
  /** `All` removed, largest first. */
  byExchange: OpenInterestExchangeRow[];
  /** Aggregated OI (USD OHLC) history, oldest first. */
  history: OhlcBar[];
}

/** `getLongShort(symbol)`. */
export interface LongShortReport {
  symbol: string;
  exchange: string;
  pair: string;
  interval: Interval;
  globalAccounts: LongShortReading;
  topAccounts: LongShortReading;
  topPositions: LongShortReading;
}

/** `getTaker(symbol, range)`. */
export interface TakerReport extends TakerFlow {
  symbol: string;
  range: TakerRange;
  sellRatioPct: number | null;
  byExchange: Array<{
    exchange: string;
    buyUsd: number | null;
    sellUsd: number | null;
    buyRatioPct: number | null;
  }>;
}

/** `getRsi(symbol)`. */
export interface RsiReport {
  symbol: string;
  priceUsd: number | null;
  rsi: Record<RsiWindow, number | null>;
  priceChangePct: Record<RsiWindow, number | null>;
}

/** Re-exported for convenience of callers building funding views. */
export type { CoinFundingRates };

/** One coin of `getOverview`: what bare /funding, /oi and /rsi list. */
export interface CoinOverview {
  symbol: string;
  priceUsd: number | null;
  openInterestUsd: number | null;
  openInterestChange24hPct: number | null;
  /** Stablecoin-margin funding per 8 hours across exchanges. */
  funding: {
    /** Unweighted mean of the exchanges' per-8-hour rates. */
    meanPer8hPct: number | null;
    exchanges: number;
    highest: ExchangeFundingRate | null;
    lowest: ExchangeFundingRate | null;
  };
  rsi: Record<"1h" | "4h" | "24h", number | null>;
}

/** One coin of `getWatchlist`: the figures a digest lists (as `getRaw` has them). */
export interface WatchlistRow {
  symbol: string;
  priceUsd: number | null;
  change24hPct: number | null;
  /** Open-interest-weighted mean of stablecoin-margined funding, per 8 hours. */
  fundingPer8hPct: number | null;
  openInterestChange24hPct: number | null;
}

/** `getWatchlist(symbols)`, in the order asked. */
export interface WatchlistReport {
  coins: WatchlistRow[];
}

/** `getOverview(limit)`: the largest coins by open interest (CoinGlass coins-markets), largest first. */
export interface MarketOverview {
  rankedBy: "open_interest";
  coins: CoinOverview[];
}
