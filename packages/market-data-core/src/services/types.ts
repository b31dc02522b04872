import type { EtfAsset } from "../coinglass/raw/etf.js";
import type { FundingArbitrageReport } from "../models/arbitrage.js";
import type { OrderbookReport, WhaleReport } from "../models/book-whales.js";
import type { CalendarReport } from "../models/calendar.js";
import type { EtfReport } from "../models/etf.js";
import type { IndicatorsReport } from "../models/indicators.js";
import type { LiquidationMapRange, LiquidationMapReport } from "../models/liqmap.js";
import type {
  Candle,
  DepthRange,
  Interval,
  LiquidationBar,
  LiquidationRange,
  TakerRange,
} from "../models/market.js";
import type { OnchainReport, WhaleTransferReport } from "../models/onchain.js";
import type { OptionsReport } from "../models/options.js";
import type {
  FundingReport,
  LiquidationSummary,
  LongShortReport,
  MarketOverview,
  OpenInterestReport,
  RsiReport,
  SentimentReport,
  TakerReport,
  WatchlistReport,
} from "../models/reports.js";
import type { CallOptions, MarketResult } from "../models/result.js";
import type { RawSnapshot } from "../models/snapshot.js";
import type { FundingArbitrageQuery } from "./arbitrage.js";
import type { EtfQuery } from "./etf.js";
import type { IndicatorCoin } from "./indicators.js";
import type { OptionCoin, OptionExchange } from "./options.js";

export type { EtfQuery, FundingArbitrageQuery, IndicatorCoin, OptionCoin, OptionExchange };

/** Options of `getWhale`. */
export interface WhaleQuery {
  /** Coin filter (`BTC`, `eth`, `BTCUSDT` …); all coins when absent. */
  symbol?: string;
  /** Minimum position value in USD (default 1,000,000 — CoinGlass's own alert threshold). */
  minUsd?: number;
  /** Maximum alerts and positions returned (default 20). */
  limit?: number;
}

/** Options of `getOrderbook`. */
export interface OrderbookQuery {
  /** Default `Binance`. */
  exchange?: string;
  /** Depth range in percent, default 1. */
  range?: DepthRange;
}

/** Options of `getPriceHistory`. */
export interface PriceHistoryQuery {
  /** Default `Binance`. */
  exchange?: string;
  interval: Interval;
  /** 1..1000. */
  limit: number;
}

/** Options of `getLiquidationHistory` (aggregated across major exchanges). */
export interface LiquidationHistoryQuery {
  interval: Interval;
  limit: number;
}

/**
 * The market services every app uses. Symbols are what people type (`btc`, `BTCUSDT`,
 * `btc/usdt`); unknown ones reject with `UnknownSymbolError`. Every method's upstream calls run
 * in parallel; parts CoinGlass did not give are `null` and listed in `meta.missing`.
 */
export interface MarketData {
  /** `"btc/usdt"` -> `"BTC"`; throws `UnknownSymbolError { input, suggestions }`. */
  resolveSymbol(input: string, opts?: CallOptions): Promise<string>;
  /** Supported coins, sorted. */
  listSymbols(opts?: CallOptions): Promise<MarketResult<string[]>>;
  getRaw(symbol: string, opts?: CallOptions): Promise<MarketResult<RawSnapshot>>;
  getLiq(
    symbol: string,
    range: LiquidationRange,
    opts?: CallOptions,
  ): Promise<MarketResult<LiquidationSummary>>;
  getWhale(query?: WhaleQuery, opts?: CallOptions): Promise<MarketResult<WhaleReport>>;
  getOrderbook(
    symbol: string,
    query?: OrderbookQuery,
    opts?: CallOptions,
  ): Promise<MarketResult<OrderbookReport>>;
  getSentiment(opts?: CallOptions): Promise<MarketResult<SentimentReport>>;
  getFunding(symbol: string, opts?: CallOptions): Promise<MarketResult<FundingReport>>;
  getOpenInterest(symbol: string, opts?: CallOptions): Promise<MarketResult<OpenInterestReport>>;
  getLongShort(symbol: string, opts?: CallOptions): Promise<MarketResult<LongShortReport>>;
  getTaker(symbol: string, range?: TakerRange, opts?: CallOptions): Promise<MarketResult<TakerReport>>;
  getRsi(symbol: string, opts?: CallOptions): Promise<MarketResult<RsiReport>>;
  /** The `limit` (default 10) largest coins by open interest, with funding per 8 h, OI and RSI. */
  getOverview(limit?: number, opts?: CallOptions): Promise<MarketResult<MarketOverview>>;
  /**
   * Price, 24 h change, funding per 8 h (OI-weighted, as `getRaw`) and 24 h OI change of up to 20
   * coins, from calls shared by every coin (digests).
   */
  getWatchlist(symbols: string[], opts?: CallOptions): Promise<MarketResult<WatchlistReport>>;
  getPriceHistory(
    symbol: string,
    query: PriceHistoryQuery,
    opts?: CallOptions,
  ): Promise<MarketResult<Candle[]>>;
  /**
   * Funding arbitrage pairs (Startup+; `PlanError` below), ranked by the rate gap per 8 hours,
   * with each leg's last-7-day accumulated funding.
   */
  getFundingArbitrage(
    query?: FundingArbitrageQuery,
    opts?: CallOptions,
  ): Promise<MarketResult<FundingArbitrageReport>>;
  /**
   * Economic releases from now to `days` (1..14, default 7) ahead, importance ≥ `minImportance`
   * (1..3, default 2). Startup+ (`PlanError` below).
   */
  getCalendar(
    query?: { days?: number; minImportance?: number },
    opts?: CallOptions,
  ): Promise<MarketResult<CalendarReport>>;
  /** A coin's balances on exchange wallets with 1d/7d/30d changes (all plans). */
  getOnchain(symbol: string, opts?: CallOptions): Promise<MarketResult<OnchainReport>>;
  /**
   * On-chain transfers ≥ $10M of the last 24 h (optionally one coin; `limit` 1..100, default 20),
   * with USD moved onto and off exchanges. Startup+ (`PlanError` below).
   */
  getWhaleTransfers(
    query?: { symbol?: string; limit?: number },
    opts?: CallOptions,
  ): Promise<MarketResult<WhaleTransferReport>>;
  /** Coinbase premium (BTC), Bitfinex margin longs/shorts and the Binance basis of BTC or ETH. */
  getIndicators(coin: IndicatorCoin, opts?: CallOptions): Promise<MarketResult<IndicatorsReport>>;
  /** Options of BTC or ETH: venues, max pain per expiry on `exchange` (default Deribit), put/call. */
  getOptions(
    coin: OptionCoin,
    query?: { exchange?: OptionExchange },
    opts?: CallOptions,
  ): Promise<MarketResult<OptionsReport>>;
  /**
   * Where liquidations cluster for a coin over all exchanges: the heatmap over `range` (default
   * 24h), the nearest large clusters above and below the price, CoinGlass's max pain.
   * Professional plan (`PlanError` below).
   */
  getLiquidationMap(
    symbol: string,
    query?: { range?: LiquidationMapRange },
    opts?: CallOptions,
  ): Promise<MarketResult<LiquidationMapReport>>;
  /** Spot-ETF flows (total and per fund), net assets, and Hong Kong flows for BTC. */
  getEtf(asset: EtfAsset, query?: EtfQuery, opts?: CallOptions): Promise<MarketResult<EtfReport>>;
  getLiquidationHistory(
    symbol: string,
    query: LiquidationHistoryQuery,
    opts?: CallOptions,
  ): Promise<MarketResult<LiquidationBar[]>>;
}
