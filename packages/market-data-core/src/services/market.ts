import { createAnswerCache } from "../cache/answers.js";
import type { CachePolicy } from "../cache/types.js";
import { POLICY } from "../client/requests.js";
import type { CoinGlassClient } from "../client/types.js";
import type { CallOptions, Lane, MarketResult } from "../models/result.js";
import { createSymbols, type Symbols } from "../symbols/symbols.js";
import { buildFundingArbitrage } from "./arbitrage.js";
import { buildCalendar } from "./calendar.js";
import { buildEtf } from "./etf.js";
import { buildIndicators } from "./indicators.js";
import { buildLiquidationMap } from "./liqmap.js";
import { buildOnchain, buildWhaleTransfers } from "./onchain.js";
import { buildOptions } from "./options.js";
import { buildOverview } from "./overview.js";
import { createParts } from "./parts.js";
import { buildRaw, REFERENCE_EXCHANGE } from "./raw.js";
import type { ReportDeps } from "./reports.js";
import {
  buildFunding,
  buildLiq,
  buildLongShort,
  buildOpenInterest,
  buildRsi,
  buildTaker,
} from "./reports.js";
import type { MarketData } from "./types.js";
import { buildOrderbook, buildSentiment, buildWhale } from "./views.js";
import { buildWatchlist } from "./watchlist.js";

/** Options of `createMarketData`. */
export interface MarketDataOptions {
  client: CoinGlassClient;
  /**
   * How long a person waits for one answer (ms, default 8,000), shared by all its upstream calls
   * and their retries: past it each part is a stale value or missing. Interactive lane only.
   */
  deadlineMs?: number;
  /** Clock of the held answers (tests). */
  now?: () => number;
}

/**
 * The market services plus `warm()` (load the symbol lists), the resolver they use, and `held`:
 * the same services with each answer held under `POLICY.answer` (a consumer that serves the same
 * answers many times a second, the API).
 */
export type MarketDataService = MarketData & {
  warm(): Promise<void>;
  symbols: Symbols;
  held: MarketDataService;
};

const laneOf = (o?: CallOptions): Lane => o?.lane ?? "interactive";

/** The default per-answer deadline of the interactive lane (ms). */
export const DEFAULT_DEADLINE_MS = 8_000;
/**
 * Upstream work for an answer stops this long before its deadline, leaving the app time to
 * assemble, render and send the answer (a stale value or the error) inside the deadline.
 */
export const DEADLINE_MARGIN_MS = 250;

/**
 * The domain services over the cached client. Every answer goes through one answer cache
 * (cache/answers.ts): identical concurrent requests share one assembly (on top of the upstream
 * cache's per-endpoint coalescing), so a burst of `/raw BTC` costs one pass; `held` also keeps
 * each answer for the next requests.
 */
export function createMarketData({
  client,
  deadlineMs = DEFAULT_DEADLINE_MS,
  now,
}: MarketDataOptions): MarketDataService {
  const symbols = createSymbols({
    loadCoins: async (o) => (await client.fetchSupportedCoins(o)).value,
    loadPairs: async (o) => (await client.fetchSupportedExchangePairs(undefined, o)).value,
  });
  const answers = createAnswerCache(now ? { now } : {});

  /** One answer's call options: the interactive lane gets a deadline from now. */
  function callOf(o: CallOptions | undefined, lane: Lane): CallOptions {
    const deadlineAt =
      o?.deadlineAt ??
      (lane === "interactive" ? Date.now() + Math.max(deadlineMs - DEADLINE_MARGIN_MS, 1) : undefined);
    return deadlineAt === undefined ? { lane } : { lane, deadlineAt };
  }

  /**
   * One answer's lane and call options, and (made only when the answer is assembled) the client
   * every upstream call of that assembly shares the deadline through.
   */
  function scope(o: CallOptions | undefined) {
    const lane = laneOf(o);
    const call = callOf(o, lane);
    return { lane, call, deps: () => ({ client: client.with(call), symbols }) };
  }

  /** The services with answers read through the answer cache under `policy`. */
  function services(policy: CachePolicy): MarketData {
    const shared = <T extends MarketResult<unknown>>(key: string, build: () => Promise<T>) =>
      answers.get(key, policy, build);

    /** Resolve the symbol (in parallel with the work when the list is cold) and share the work. */
    function forCoin<T extends MarketResult<unknown>>(
      input: string,
      name: string,
      o: CallOptions | undefined,
      build: (coin: string, lane: Lane, deps: ReportDeps) => Promise<T>,
    ) {
      const { lane, call, deps } = scope(o);
      return symbols.withCoin(input, call, (coin) =>
        shared(`${name}|${coin}|${lane}`, () => build(coin, lane, deps())),
      );
    }

    return {
      resolveSymbol: (input, o) => symbols.resolve(input, scope(o).call),
      listSymbols: (o) => {
        const { lane, call } = scope(o);
        return shared(`symbols|${lane}`, async () => {
          const parts = createParts();
          const list = await parts.take(client.fetchSupportedCoins(call));
          return parts.result([...(list ?? [])].sort());
        });
      },
      getRaw: (symbol, o) =>
        forCoin(symbol, "raw", o, (coin, lane, deps) => buildRaw(deps.client, symbols, coin, lane)),
      getLiq: (symbol, range, o) =>
        forCoin(symbol, `liq:${range}`, o, (coin, lane, deps) => buildLiq(deps, coin, range, lane)),
      async getWhale(q = {}, o) {
        const { lane, call, deps } = scope(o);
        const coin = q.symbol ? await symbols.resolve(q.symbol, call) : null;
        const query = { coin, minUsd: q.minUsd ?? 1_000_000, limit: q.limit ?? 20 };
        return shared(`whale|${coin}|${query.minUsd}|${query.limit}|${lane}`, () =>
          buildWhale(deps(), query, lane),
        );
      },
      getOrderbook: (symbol, q = {}, o) => {
        const query = { exchange: q.exchange ?? REFERENCE_EXCHANGE, range: q.range ?? 1 };
        return forCoin(symbol, `book:${query.exchange}:${query.range}`, o, (coin, lane, deps) =>
          buildOrderbook(deps, coin, query, lane),
        );
      },
      getSentiment: (o) => {
        const { lane, deps } = scope(o);
        return shared(`sentiment|${lane}`, () => buildSentiment(deps(), lane));
      },
      getFunding: (symbol, o) =>
        forCoin(symbol, "funding", o, (coin, lane, deps) => buildFunding(deps, coin, lane)),
      getOpenInterest: (symbol, o) =>
        forCoin(symbol, "oi", o, (coin, lane, deps) => buildOpenInterest(deps, coin, lane)),
      getLongShort: (symbol, o) =>
        forCoin(symbol, "ls", o, (coin, lane, deps) => buildLongShort(deps, coin, lane)),
      getTaker: (symbol, range = "1h", o) =>
        forCoin(symbol, `taker:${range}`, o, (coin, lane, deps) => buildTaker(deps, coin, range, lane)),
      getRsi: (symbol, o) => forCoin(symbol, "rsi", o, (coin, lane, deps) => buildRsi(deps, coin, lane)),
      getOverview: (limit = 10, o) => {
        const { lane, deps } = scope(o);
        return shared(`overview|${limit}|${lane}`, () => buildOverview(deps(), limit, lane));
      },
      getWatchlist: async (input, o) => {
        const { lane, call, deps } = scope(o);
        const coins = [
          ...new Set(await Promise.all(input.slice(0, 20).map((s) => symbols.resolve(s, call)))),
        ];
        return shared(`watchlist|${coins.join(",")}|${lane}`, () =>
          buildWatchlist(deps().client, coins, lane),
        );
      },
      getPriceHistory: (symbol, q, o) => {
        const exchange = q.exchange ?? REFERENCE_EXCHANGE;
        const key = `candles:${exchange}:${q.interval}:${q.limit}`;
        return forCoin(symbol, key, o, async (coin, lane, deps) => {
          const parts = createParts();
          const pair = symbols.pair(coin, exchange);
          const query = { exchange, pair, interval: q.interval, limit: q.limit };
          const candles = (await parts.take(deps.client.fetchPriceHistory(query, { lane }))) ?? [];
          return parts.result(candles, coin);
        });
      },
      getFundingArbitrage: (q = {}, o) => {
        const limit = Math.min(50, Math.max(1, Math.trunc(q.limit ?? 10)));
        const principalUsd = Math.max(1, Math.trunc(q.principalUsd ?? 10_000));
        const { lane, deps } = scope(o);
        return shared(`arb|${limit}|${principalUsd}|${lane}`, () =>
          buildFundingArbitrage(deps().client, { limit, principalUsd }, lane),
        );
      },
      getCalendar: (q = {}, o) => {
        const days = Math.min(14, Math.max(1, Math.trunc(q.days ?? 7)));
        const minImportance = Math.min(3, Math.max(1, Math.trunc(q.minImportance ?? 2)));
        const { lane, deps } = scope(o);
        return shared(`calendar|${days}|${minImportance}|${lane}`, () =>
          buildCalendar(deps().client, { days, minImportance, now: Date.now() }, lane),
        );
      },
      getOnchain: (symbol, o) =>
        forCoin(symbol, "onchain", o, (coin, lane, deps) => buildOnchain(deps.client, coin, lane)),
      getWhaleTransfers: async (q = {}, o) => {
        const limit = Math.min(100, Math.max(1, Math.trunc(q.limit ?? 20)));
        const { lane, call, deps } = scope(o);
        const coin = q.symbol ? await symbols.resolve(q.symbol, call) : null;
        return shared(`transfers|${coin}|${limit}|${lane}`, () =>
          buildWhaleTransfers(deps().client, { coin, limit, now: Date.now() }, lane),
        );
      },
      getIndicators: (coin, o) => {
        const { lane, deps } = scope(o);
        return shared(`indicators|${coin}|${lane}`, () => buildIndicators(deps(), coin, lane));
      },
      getOptions: (coin, q = {}, o) => {
        const exchange = q.exchange ?? "Deribit";
        const { lane, deps } = scope(o);
        return shared(`options|${coin}|${exchange}|${lane}`, () =>
          buildOptions(deps().client, coin, exchange, lane),
        );
      },
      getLiquidationMap: (symbol, q = {}, o) => {
        const range = q.range ?? "24h";
        return forCoin(symbol, `liqmap:${range}`, o, (coin, lane, deps) =>
          buildLiquidationMap(deps.client, coin, range, lane),
        );
      },
      getEtf: (asset, q = {}, o) => {
        const days = Math.min(90, Math.max(1, Math.trunc(q.days ?? 10)));
        const { lane, deps } = scope(o);
        return shared(`etf|${asset}|${days}|${lane}`, () => buildEtf(deps().client, asset, days, lane));
      },
      getLiquidationHistory: (symbol, q, o) =>
        forCoin(symbol, `liqbars:${q.interval}:${q.limit}`, o, async (coin, lane, deps) => {
          const parts = createParts();
          const query = { coin, interval: q.interval, limit: q.limit };
          const bars = await parts.take(deps.client.fetchLiquidationAggregatedHistory(query, { lane }));
          return parts.result(bars ?? [], coin);
        }),
    };
  }

  const base = { symbols, warm: () => symbols.warm("background") };
  const held: MarketDataService = {
    ...services(POLICY.answer),
    ...base,
    get held() {
      return held;
    },
  };
  return { ...services(POLICY.coalesce), ...base, held };
}
