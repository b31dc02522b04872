/** Cache rules and query building shared by the client's endpoint functions. */
import type { CachePolicy } from "../cache/types.js";
import {
  CoinGlassHttpError,
  InvalidAnswerError,
  RateLimitError,
  TimeoutError,
  UpstreamUnavailableError,
} from "../models/errors.js";
import type { CoinHistoryQuery, PairHistoryQuery } from "./types.js";

const MIN = 60_000;
/** Cache rules: fresh for about as long as CoinGlass takes to refresh the data, stale bounded. */
const live = (ttlMs: number): CachePolicy => ({
  ttlMs,
  swrMs: ttlMs,
  staleOnErrorMs: 10 * MIN,
  negativeTtlMs: 10 * MIN,
});
export const POLICY = {
  reference: { ttlMs: MIN, swrMs: 10 * MIN, staleOnErrorMs: 60 * MIN, negativeTtlMs: 10 * MIN },
  realtime: live(3_000),
  fast: live(5_000),
  snapshot: live(10_000),
  funding: live(20_000),
  /**
   * Daily figures (ETF flows and assets: "1 day" in the docs). Published once a day at an hour
   * the docs do not give, so an hour bounds how late a new day shows; a day of stale-on-error.
   */
  daily: { ttlMs: 60 * MIN, swrMs: 60 * MIN, staleOnErrorMs: 24 * 60 * MIN, negativeTtlMs: 10 * MIN },
  /** Economic calendar: "cache 10 min" in the docs. */
  calendar: live(10 * MIN),
  /** Options info: "cache 30 s" in the docs. */
  options: live(30_000),
  /** Options max pain: "cache 1 min". */
  maxPain: live(60_000),
  /** Accumulated funding and exchange balances: "cache 1 hour" in the docs. */
  accumulated: live(60 * MIN),
  /**
   * Liquidation heatmaps, maps and max pain: "Real time" in the docs, without a figure. The
   * heatmap's columns are candles (5 minutes in the docs' example), so 30 s keeps the newest
   * column current while a heavy Professional answer is not fetched again on every view.
   */
  liquidationMap: live(30_000),
  history: { ttlMs: 30_000, swrMs: 30_000, staleOnErrorMs: 30 * MIN, negativeTtlMs: 10 * MIN },
  /**
   * An assembled answer held by a consumer that serves it many times a second (the API,
   * `market.holding`): reassembled at most once a second, and for up to 30 s more served while one
   * reassembly runs, so no request waits on it once the answer is warm. Its parts follow their own
   * policies above; a failed reassembly marks the answer stale.
   */
  answer: { ttlMs: 1_000, swrMs: 30_000 },
  /** Assembled answers of everyone else: identical concurrent requests share one assembly, nothing held. */
  coalesce: { ttlMs: 0 },
} satisfies Record<string, CachePolicy>;

export type Params = Record<string, string | number | undefined>;
export type Mapper<T> = (data: unknown, endpoint: string) => T;

const EXCHANGES = "Binance,OKX,Bybit";

export function pairParams(q: PairHistoryQuery): Params {
  return {
    exchange: q.exchange,
    symbol: q.pair,
    interval: q.interval,
    limit: q.limit,
    start_time: q.startTime,
    end_time: q.endTime,
  };
}

export function coinParams(q: CoinHistoryQuery, withList = true): Params {
  return {
    exchange_list: withList ? (q.exchangeList?.join(",") ?? EXCHANGES) : undefined,
    symbol: q.coin,
    interval: q.interval,
    limit: q.limit,
    start_time: q.startTime,
    end_time: q.endTime,
  };
}

/** Transient failures become `UpstreamUnavailableError` once the cache had nothing to serve. */
export function unavailable(endpoint: string, error: unknown): unknown {
  const transient =
    error instanceof RateLimitError ||
    error instanceof TimeoutError ||
    error instanceof InvalidAnswerError ||
    (error instanceof CoinGlassHttpError && (error.status === 0 || error.status >= 500));
  return transient ? new UpstreamUnavailableError(endpoint, error) : error;
}
