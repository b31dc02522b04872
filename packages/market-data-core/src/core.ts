import type { Redis } from "ioredis";
import { createMarketCache } from "./cache/cache.js";
import type { MarketCache } from "./cache/types.js";
import { createCoinGlassClient } from "./client/client.js";
import type { RetryOptions } from "./client/http.js";
import type { CoinGlassClient } from "./client/types.js";
import type { CoinGlassPlan } from "./config/env.js";
import type { CoreEvent, CoreStats, Lane } from "./models/result.js";
import { createQuota } from "./quota/quota.js";
import type { Quota } from "./quota/types.js";
import { createMarketData, type MarketDataService } from "./services/market.js";

/** Options of `createMarketDataCore`. */
export interface MarketDataCoreOptions {
  apiKey: string;
  /** e.g. `https://open-api-v4.coinglass.com` or the simulator's `restUrl`. */
  baseUrl: string;
  plan: CoinGlassPlan;
  /** Shares quota and cache across processes; in-process adapters when absent. */
  redis?: Redis;
  /** Redis key prefix, default `teleglas:`. */
  keyPrefix?: string;
  /** Per upstream request, default 10,000 ms. */
  timeoutMs?: number;
  /**
   * Longest a person waits for one answer (ms, default 8,000), shared by its upstream calls and
   * their retries; past it a stale value is served, or the part fails (503 when nothing is left).
   */
  deadlineMs?: number;
  /** Quota window, default 60,000 ms; must match the simulator's `rateWindowMs` in tests. */
  quotaWindowMs?: number;
  /** Multiply cache TTLs (tests and benchmarks shrink them; default 1). */
  ttlScale?: number;
  /** This process's share of the budget while Redis is unreachable (default 1/3). */
  quotaFallbackShare?: number;
  /** Longest wait for the upstream budget per lane (default 30 s interactive, 120 s background). */
  queueTimeoutMs?: Partial<Record<Lane, number>>;
  /** Retry policy of transient upstream failures. */
  retry?: RetryOptions;
  onEvent?: (e: CoreEvent) => void;
}

/** What `createMarketDataCore` returns. */
export interface MarketDataCore {
  client: CoinGlassClient;
  market: MarketDataService;
  quota: Quota;
  cache: MarketCache;
  stats(): CoreStats;
  close(): Promise<void>;
}

/**
 * Wire the CoinGlass client, cache, shared quota and market services together.
 * Does not connect anything itself: pass a ready `redis` (or none for in-process adapters).
 * Starts loading the coin and pair lists in the background lane so the first command resolves
 * its symbol without an extra round trip.
 */
export function createMarketDataCore(opts: MarketDataCoreOptions): MarketDataCore {
  const keyPrefix = opts.keyPrefix ?? "teleglas:";
  const shared = opts.redis ? { redis: opts.redis, keyPrefix } : { keyPrefix };
  const events = opts.onEvent ? { onEvent: opts.onEvent } : {};
  const timeoutMs = opts.timeoutMs ?? 10_000;
  const quota = createQuota({
    plan: opts.plan,
    windowMs: opts.quotaWindowMs ?? 60_000,
    // A request can reach CoinGlass until it times out; until answered it counts as arriving late.
    maxInFlightMs: timeoutMs + 1_000,
    ...(opts.quotaFallbackShare ? { fallbackShare: opts.quotaFallbackShare } : {}),
    ...shared,
    ...events,
  });
  const cache = createMarketCache({ ...shared, ...events });
  const client = createCoinGlassClient({
    apiKey: opts.apiKey,
    baseUrl: opts.baseUrl,
    plan: opts.plan,
    timeoutMs,
    cache,
    quota,
    ...(opts.retry ? { retry: opts.retry } : {}),
    ...(opts.ttlScale ? { ttlScale: opts.ttlScale } : {}),
    ...(opts.queueTimeoutMs ? { queueTimeoutMs: opts.queueTimeoutMs } : {}),
    ...events,
  });
  const market = createMarketData({ client, ...(opts.deadlineMs ? { deadlineMs: opts.deadlineMs } : {}) });
  market.warm().catch(() => {});
  return {
    client,
    market,
    quota,
    cache,
    stats() {
      const upstream = client.stats();
      return { plan: opts.plan, quota: quota.stats(), cache: cache.stats(), upstream };
    },
    async close() {
      await quota.close();
      await client.close();
      await cache.close();
    },
  };
}
