import type { MarketResult, StaleReason } from "../models/result.js";
import { createMarketCache } from "./cache.js";
import type { CachePolicy } from "./types.js";

/** Options of `createAnswerCache`. */
export interface AnswerCacheOptions {
  /** Answers held at once (default 1,000): each is an assembled report, a few KB to ~100 KB. */
  maxEntries?: number;
  now?: () => number;
}

/**
 * Assembled answers (a service's `MarketResult`), read through under a `CachePolicy` with the same
 * rules as the upstream cache (cache.ts): identical concurrent requests share one assembly, a
 * held answer is served again as the same object until its policy says to refresh it, and a
 * refresh runs once in the background while the old answer is served. With `ttlMs: 0` it only
 * coalesces.
 *
 * The same object for as long as it is held lets a consumer keep derived bytes beside it (the API
 * keys its serialized envelope on the answer's `meta`). An answer whose last refresh failed is
 * served as a copy marked stale with the reason — "stale" still means CoinGlass failed — and that
 * copy too is one object per held answer.
 */
export function createAnswerCache(opts: AnswerCacheOptions = {}) {
  const cache = createMarketCache({
    maxEntries: opts.maxEntries ?? 1_000,
    ...(opts.now ? { now: opts.now } : {}),
  });
  const staleCopies = new WeakMap<object, MarketResult<unknown>>();

  function markedStale<T extends MarketResult<unknown>>(answer: T, reason: StaleReason): T {
    const known = staleCopies.get(answer);
    if (known !== undefined && known.meta.staleReason === reason) return known as T;
    const copy = { ...answer, meta: { ...answer.meta, stale: true, staleReason: reason } };
    staleCopies.set(answer, copy);
    return copy;
  }

  return {
    async get<T extends MarketResult<unknown>>(
      key: string,
      policy: CachePolicy,
      build: () => Promise<T>,
    ): Promise<T> {
      const got = await cache.get(key, policy, build);
      return got.stale && got.staleReason !== null ? markedStale(got.value, got.staleReason) : got.value;
    },
    clear: () => cache.clear(),
  };
}

export type AnswerCache = ReturnType<typeof createAnswerCache>;
