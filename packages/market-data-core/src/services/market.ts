import type { CoinGlassClient } from "../client/types.js";
import type { CallOptions, Lane } from "../models/result.js";
import { createSymbols, type Symbols } from "../symbols/symbols.js";
import { buildFundingArbitrage } from "./arbitrage.js";
import { buildEtf } from "./etf.js";
import { buildOptions } from "./options.js";
import { buildOverview } from "./overview.js";
import { createParts } from "./parts.js";
import { buildRaw, REFERENCE_EXCHANGE } from "./raw.js";
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

/** Options of `createMarketData`. */
export interface MarketDataOptions {
  client: CoinGlassClient;
}

/** The market services plus `warm()` (load the symbol lists) and the resolver they use. */
export type MarketDataService = MarketData & { warm(): Promise<void>; symbols: Symbols };

const laneOf = (o?: CallOptions): Lane => o?.lane ?? "interactive";

/**
 * The domain services over the cached client. Identical concurrent requests share one assembly
 * (on top of the cache's per-endpoint coalescing), so a burst of `/raw BTC` costs one pass.
 */
export function createMarketData({ client }: MarketDataOptions): MarketDataService {
  const symbols = createSymbols({
    loadCoins: async (lane) => (await client.fetchSupportedCoins({ lane })).value,
    loadPairs: async (lane) => (await client.fetchSupportedExchangePairs(undefined, { lane })).value,
  });
  const deps = { client, symbols };
  const running = new Map<string, Promise<unknown>>();

  function shared<T>(key: string, run: () => Promise<T>): Promise<T> {
    const hit = running.get(key) as Promise<T> | undefined;
    if (hit) return hit;
    const p = run().finally(() => running.delete(key));
    running.set(key, p);
    return p;
  }

  /** Resolve the symbol (in parallel with the work when the list is cold) and share the work. */
  function forCoin<T>(
    input: string,
    name: string,
    o: CallOptions | undefined,
    build: (coin: string, lane: Lane) => Promise<T>,
  ) {
    const lane = laneOf(o);
    return symbols.withCoin(input, lane, (coin) =>
      shared(`${name}|${coin}|${lane}`, () => build(coin, lane)),
    );
  }

  return {
    symbols,
    warm: () => symbols.warm("background"),
    resolveSymbol: (input, o) => symbols.resolve(input, laneOf(o)),
    async listSymbols(o) {
      const parts = createParts();
      const list = await parts.take(client.fetchSupportedCoins({ lane: laneOf(o) }));
      return parts.result([...(list ?? [])].sort());
    },
    getRaw: (symbol, o) => forCoin(symbol, "raw", o, (coin, lane) => buildRaw(client, symbols, coin, lane)),
    getLiq: (symbol, range, o) =>
      forCoin(symbol, `liq:${range}`, o, (coin, lane) => buildLiq(deps, coin, range, lane)),
    async getWhale(q = {}, o) {
      const lane = laneOf(o);
      const coin = q.symbol ? await symbols.resolve(q.symbol, lane) : null;
      const query = { coin, minUsd: q.minUsd ?? 1_000_000, limit: q.limit ?? 20 };
      return shared(`whale|${coin}|${query.minUsd}|${query.limit}|${lane}`, () =>
        buildWhale(deps, query, lane),
      );
    },
    getOrderbook: (symbol, q = {}, o) => {
      const query = { exchange: q.exchange ?? REFERENCE_EXCHANGE, range: q.range ?? 1 };
      return forCoin(symbol, `book:${query.exchange}:${query.range}`, o, (coin, lane) =>
        buildOrderbook(deps, coin, query, lane),
      );
    },
    getSentiment: (o) => shared(`sentiment|${laneOf(o)}`, () => buildSentiment(deps, laneOf(o))),
    getFunding: (symbol, o) => forCoin(symbol, "funding", o, (coin, lane) => buildFunding(deps, coin, lane)),
    getOpenInterest: (symbol, o) =>
      forCoin(symbol, "oi", o, (coin, lane) => buildOpenInterest(deps, coin, lane)),
    getLongShort: (symbol, o) => forCoin(symbol, "ls", o, (coin, lane) => buildLongShort(deps, coin, lane)),
    getTaker: (symbol, range = "1h", o) =>
      forCoin(symbol, `taker:${range}`, o, (coin, lane) => buildTaker(deps, coin, range, lane)),
    getRsi: (symbol, o) => forCoin(symbol, "rsi", o, (coin, lane) => buildRsi(deps, coin, lane)),
    getOverview: (limit = 10, o) =>
      shared(`overview|${limit}|${laneOf(o)}`, () => buildOverview(deps, limit, laneOf(o))),
    getPriceHistory: (symbol, q, o) => {
      const exchange = q.exchange ?? REFERENCE_EXCHANGE;
      return forCoin(symbol, `candles:${exchange}:${q.interval}:${q.limit}`, o, async (coin, lane) => {
        const parts = createParts();
        const pair = symbols.pair(coin, exchange);
        const candles =
          (await parts.take(
            client.fetchPriceHistory({ exchange, pair, interval: q.interval, limit: q.limit }, { lane }),
          )) ?? [];
        return parts.result(candles, coin);
      });
    },
    getFundingArbitrage: (q = {}, o) => {
      const limit = Math.min(50, Math.max(1, Math.trunc(q.limit ?? 10)));
      const principalUsd = Math.max(1, Math.trunc(q.principalUsd ?? 10_000));
      return shared(`arb|${limit}|${principalUsd}|${laneOf(o)}`, () =>
        buildFundingArbitrage(client, { limit, principalUsd }, laneOf(o)),
      );
    },
    getOptions: (coin, q = {}, o) => {
      const exchange = q.exchange ?? "Deribit";
      return shared(`options|${coin}|${exchange}|${laneOf(o)}`, () =>
        buildOptions(client, coin, exchange, laneOf(o)),
      );
    },
    getEtf: (asset, q = {}, o) => {
      const days = Math.min(90, Math.max(1, Math.trunc(q.days ?? 10)));
      return shared(`etf|${asset}|${days}|${laneOf(o)}`, () => buildEtf(client, asset, days, laneOf(o)));
    },
    getLiquidationHistory: (symbol, q, o) =>
      forCoin(symbol, `liqbars:${q.interval}:${q.limit}`, o, async (coin, lane) => {
        const parts = createParts();
        const bars = await parts.take(
          client.fetchLiquidationAggregatedHistory({ coin, interval: q.interval, limit: q.limit }, { lane }),
        );
        return parts.result(bars ?? [], coin);
      }),
  };
}
