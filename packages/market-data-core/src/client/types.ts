import type { CachePolicy } from "../cache/types.js";
import type { EtfAsset } from "../coinglass/raw/etf.js";
import type { CoinGlassPlan } from "../config/env.js";
import type { AccumulatedFunding, RawArbitragePair } from "../models/arbitrage.js";
import type { EconomicEvent } from "../models/calendar.js";
import type { EtfFlowDay, EtfNetAssetsPoint } from "../models/etf.js";
import type { BasisPoint, BitfinexMarginPoint, CoinbasePremiumPoint } from "../models/indicators.js";
import type {
  Candle,
  CoinFundingRates,
  CoinMarket,
  CoinPriceChange,
  DepthPoint,
  DepthRange,
  FearGreedPoint,
  IndicatorPoint,
  Instrument,
  Interval,
  LargeLimitOrder,
  LiquidationBar,
  LiquidationCoinRow,
  LiquidationExchangeRow,
  LiquidationOrder,
  LiquidationRange,
  LongShortPoint,
  OhlcBar,
  OpenInterestExchangeRow,
  OrderbookSnapshot,
  PairMarket,
  RsiListRow,
  TakerBar,
  TakerRange,
  TakerVolume,
  WhaleAlert,
  WhalePosition,
} from "../models/market.js";
import type { ExchangeBalance, WhaleTransfer } from "../models/onchain.js";
import type { OptionChart, OptionExpiry, OptionVenue } from "../models/options.js";
import type { Cached, CallOptions } from "../models/result.js";
import type { LiquidationMapEndpoints } from "./endpoints-liqmap.js";
import type { WalletEndpoints } from "./endpoints-wallet.js";
import type { Mapper, Params } from "./requests.js";

/** A pair history query on one exchange (`pair` like `BTCUSDT`). */
export interface PairHistoryQuery {
  exchange: string;
  pair: string;
  interval: Interval;
  limit?: number;
  startTime?: number;
  endTime?: number;
}

/** A coin history query aggregated over exchanges. */
export interface CoinHistoryQuery {
  coin: string;
  interval: Interval;
  /** Default `Binance,OKX,Bybit` where the endpoint needs one. */
  exchangeList?: string[];
  limit?: number;
  startTime?: number;
  endTime?: number;
}

type R<T> = Promise<Cached<T>>;

/**
 * Typed CoinGlass v4 client: one function per endpoint (ccxt `fetchX` names), each parsed with
 * the raw zod schemas, mapped to camelCase domain models, cached, coalesced and admitted by the
 * shared quota. Every answer says how fresh it is.
 */
export interface CoinGlassClient extends LiquidationMapEndpoints, WalletEndpoints {
  readonly plan: CoinGlassPlan;
  /** The same client, its calls defaulting to these options (e.g. one request's `deadlineAt`). */
  with(defaults: CallOptions): CoinGlassClient;
  fetchSupportedCoins(o?: CallOptions): R<string[]>;
  fetchSupportedExchanges(o?: CallOptions): R<string[]>;
  fetchSupportedExchangePairs(exchange?: string, o?: CallOptions): R<Instrument[]>;
  fetchCoinsMarkets(
    q?: { exchangeList?: string[]; perPage?: number; page?: number },
    o?: CallOptions,
  ): R<CoinMarket[]>;
  fetchPairsMarkets(coin: string, o?: CallOptions): R<PairMarket[]>;
  fetchCoinsPriceChange(o?: CallOptions): R<CoinPriceChange[]>;
  fetchPriceHistory(q: PairHistoryQuery, o?: CallOptions): R<Candle[]>;
  fetchRsiList(o?: CallOptions): R<RsiListRow[]>;
  fetchRsiHistory(q: PairHistoryQuery & { window?: number }, o?: CallOptions): R<IndicatorPoint[]>;
  fetchFearGreedHistory(o?: CallOptions): R<FearGreedPoint[]>;
  fetchLiquidationCoinList(exchange: string, o?: CallOptions): R<LiquidationCoinRow[]>;
  fetchLiquidationExchangeList(
    q: { coin?: string; range: LiquidationRange },
    o?: CallOptions,
  ): R<LiquidationExchangeRow[]>;
  fetchLiquidationAggregatedHistory(q: CoinHistoryQuery, o?: CallOptions): R<LiquidationBar[]>;
  fetchLiquidationHistory(q: PairHistoryQuery, o?: CallOptions): R<LiquidationBar[]>;
  fetchLiquidationOrders(
    q: { exchange: string; coin: string; minUsd: number; startTime?: number; endTime?: number },
    o?: CallOptions,
  ): R<LiquidationOrder[]>;
  fetchFundingRates(o?: CallOptions): R<CoinFundingRates[]>;
  fetchFundingRateHistory(q: PairHistoryQuery, o?: CallOptions): R<OhlcBar[]>;
  fetchOpenInterestExchangeList(coin: string, o?: CallOptions): R<OpenInterestExchangeRow[]>;
  fetchOpenInterestHistory(q: PairHistoryQuery, o?: CallOptions): R<OhlcBar[]>;
  fetchOpenInterestAggregatedHistory(q: CoinHistoryQuery, o?: CallOptions): R<OhlcBar[]>;
  fetchGlobalLongShortAccountRatio(q: PairHistoryQuery, o?: CallOptions): R<LongShortPoint[]>;
  fetchTopLongShortAccountRatio(q: PairHistoryQuery, o?: CallOptions): R<LongShortPoint[]>;
  fetchTopLongShortPositionRatio(q: PairHistoryQuery, o?: CallOptions): R<LongShortPoint[]>;
  fetchTakerVolume(q: { coin: string; range: TakerRange }, o?: CallOptions): R<TakerVolume>;
  fetchTakerHistory(q: PairHistoryQuery, o?: CallOptions): R<TakerBar[]>;
  fetchAggregatedTakerHistory(q: CoinHistoryQuery, o?: CallOptions): R<TakerBar[]>;
  fetchLargeLimitOrders(q: { exchange: string; pair: string }, o?: CallOptions): R<LargeLimitOrder[]>;
  fetchOrderbookDepthHistory(q: PairHistoryQuery & { range?: DepthRange }, o?: CallOptions): R<DepthPoint[]>;
  fetchAggregatedOrderbookDepthHistory(
    q: CoinHistoryQuery & { range?: DepthRange },
    o?: CallOptions,
  ): R<DepthPoint[]>;
  fetchOrderbookHistory(q: PairHistoryQuery, o?: CallOptions): R<OrderbookSnapshot[]>;
  fetchWhaleAlerts(o?: CallOptions): R<WhaleAlert[]>;
  fetchWhalePositions(o?: CallOptions): R<WhalePosition[]>;
  fetchHyperliquidPositions(
    q: { coin: string; page?: number },
    o?: CallOptions,
  ): R<{ totalPages: number; currentPage: number; list: WhalePosition[] }>;
  /** Best long/short exchange pair per coin for funding arbitrage (Startup+). */
  fetchFundingArbitrage(q: { usd: number; exchangeList?: string[] }, o?: CallOptions): R<RawArbitragePair[]>;
  /** Funding summed over a range per coin and exchange, percent (all plans). */
  fetchAccumulatedFunding(range: "1d" | "7d" | "30d" | "365d", o?: CallOptions): R<AccumulatedFunding[]>;
  /** Coinbase minus Binance BTC price, USD, per bar (all plans, interval-gated). */
  fetchCoinbasePremium(q: { interval: Interval; limit?: number }, o?: CallOptions): R<CoinbasePremiumPoint[]>;
  /** Bitfinex margin longs and shorts of BTC or ETH, in coins (all plans, interval-gated). */
  fetchBitfinexMargin(
    q: { coin: string; interval: Interval; limit?: number },
    o?: CallOptions,
  ): R<BitfinexMarginPoint[]>;
  /** Futures basis of one pair, percent (all plans, interval-gated). */
  fetchBasisHistory(q: PairHistoryQuery, o?: CallOptions): R<BasisPoint[]>;
  /** Economic releases in a window of at most now ± 15 days, soonest first (Startup+). */
  fetchEconomicCalendar(q: { startTime: number; endTime: number }, o?: CallOptions): R<EconomicEvent[]>;
  /** A coin's balances on each exchange's wallets, coin units, largest first (all plans). */
  fetchExchangeBalances(coin: string, o?: CallOptions): R<ExchangeBalance[]>;
  /** On-chain transfers of $10M or more, newest first (Startup+). */
  fetchWhaleTransfers(
    q: { coin?: string; startTime?: number; endTime?: number },
    o?: CallOptions,
  ): R<WhaleTransfer[]>;
  /** Options open interest and volume per venue, `All` first (BTC, ETH; all plans). */
  fetchOptionInfo(coin: string, o?: CallOptions): R<OptionVenue[]>;
  /** Max pain and open interest per expiry on one exchange, soonest first. */
  fetchOptionMaxPain(q: { coin: string; exchange: string }, o?: CallOptions): R<OptionExpiry[]>;
  /** Options open interest per exchange over time (`range` = point spacing). */
  fetchOptionOiHistory(
    q: { coin: string; range: "1h" | "4h" | "12h" | "all"; unit?: string },
    o?: CallOptions,
  ): R<OptionChart>;
  /** US spot-ETF daily net flows, total and per fund, oldest first (all plans). */
  fetchEtfFlows(asset: EtfAsset, o?: CallOptions): R<EtfFlowDay[]>;
  /** Hong Kong spot-BTC-ETF daily net flows (all plans). */
  fetchHongKongEtfFlows(o?: CallOptions): R<EtfFlowDay[]>;
  /** Combined net assets per day; CoinGlass publishes them for BTC and ETH only. */
  fetchEtfNetAssets(asset: "BTC" | "ETH", o?: CallOptions): R<EtfNetAssetsPoint[]>;
  /** Upstream HTTP calls sent and failed by this client (retries included). */
  stats(): { calls: number; errors: number };
  close(): Promise<void>;
}

/** How an endpoint function reaches CoinGlass: path, parameters, cache rule, mapper (client.ts). */
export type Call = <T>(
  endpoint: string,
  params: Params,
  policy: CachePolicy,
  map: Mapper<T>,
  o?: CallOptions,
) => Promise<Cached<T>>;
