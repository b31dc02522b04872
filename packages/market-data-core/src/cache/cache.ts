import type { Redis } from "ioredis";
import { PlanError } from "../models/errors.js";
import type { Cached, CoreEvent } from "../models/result.js";
import { type CacheEntry, type CacheStore, createMemoryStore, createRedisStore } from "./stores.js";
import type { CachePolicy, MarketCache } from "./types.js";

/** Options of `createMarketCache`. */
export interface MarketCacheOptions {
  /** Shared Redis backend; bounded memory LRU when absent. */
  redis?: Redis;
  keyPrefix?: string;
  /** Max entries of the memory LRU. */
  maxEntries?: number;
  now?: () => number;
  onEvent?: (e: CoreEvent) => void;
}

function remember(error: unknown): CacheEntry["e"] | undefined {
  if (!(error instanceof PlanError)) return undefined;
  return {
    name: error.name,
    message: error.message,
    fields: { endpoint: error.endpoint, requiredPlan: error.requiredPlan, plan: error.plan },
  };
}

function rebuild(e: NonNullable<CacheEntry["e"]>): Error {
  const f = e.fields;
  return new PlanError(String(f.endpoint), (f.requiredPlan as string | null) ?? null, String(f.plan));
}

/**
 * Read-through cache. Lifecycle of a key under a policy: fresh for `ttlMs` (served as is); then,
 * up to `swrMs` more, served marked stale while one background refresh runs; past that a caller
 * waits for the load. When the load fails, a value up to `staleOnErrorMs` old is served marked
 * stale. Concurrent loads of one key share one upstream call (coalescing). Plan errors are
 * remembered for `negativeTtlMs` so a missing plan feature does not spend quota on every request.
 *
 * Hand-rolled over a store (rather than lru-cache's `fetch`) so the same rules run on the memory
 * and the Redis backends and every answer can report its age.
 */
export function createMarketCache(opts: MarketCacheOptions = {}): MarketCache {
  const now = opts.now ?? Date.now;
  const store: CacheStore = opts.redis
    ? createRedisStore(opts.redis, opts.keyPrefix ?? "teleglas:")
    : createMemoryStore(opts.maxEntries);
  const pending = new Map<string, Promise<{ value: unknown; at: number }>>();
  const counters = { hits: 0, misses: 0, staleServed: 0 };

  const keepFor = (p: CachePolicy) => Math.max(p.ttlMs + (p.swrMs ?? 0), p.staleOnErrorMs ?? 0, p.ttlMs);

  function load<T>(
    key: string,
    policy: CachePolicy,
    loader: () => Promise<T>,
  ): Promise<{ value: T; at: number }> {
    const running = pending.get(key);
    if (running) return running as Promise<{ value: T; at: number }>;
    const p = (async () => {
      try {
        const value = await loader();
        const at = now();
        try {
          await store.set(key, { at, v: value }, keepFor(policy));
        } catch (error) {
          opts.onEvent?.({ type: "cache_error", key, error: String(error) });
        }
        return { value, at };
      } catch (error) {
        const e = remember(error);
        if (e && policy.negativeTtlMs) {
          await Promise.resolve(store.set(key, { at: now(), e }, policy.negativeTtlMs)).catch(() => {});
        }
        throw error;
      } finally {
        pending.delete(key);
      }
    })();
    pending.set(key, p);
    return p;
  }

  async function read(key: string): Promise<CacheEntry | undefined> {
    try {
      return await store.get(key);
    } catch (error) {
      opts.onEvent?.({ type: "cache_error", key, error: String(error) });
      return undefined;
    }
  }

  return {
    async get<T>(key: string, policy: CachePolicy, loader: () => Promise<T>): Promise<Cached<T>> {
      // Coalesced: when the upstream call is already on its way for someone else, share it.
      const joined = pending.get(key) as Promise<{ value: T; at: number }> | undefined;
      const entry = joined ? undefined : await read(key);
      if (entry) {
        const ageMs = Math.max(0, now() - entry.at);
        if (entry.e && ageMs < (policy.negativeTtlMs ?? 0)) {
          counters.hits++;
          throw rebuild(entry.e);
        }
        if ("v" in entry && !entry.e) {
          if (ageMs < policy.ttlMs) {
            counters.hits++;
            return { value: entry.v as T, cached: true, stale: false, ageMs };
          }
          if (ageMs < policy.ttlMs + (policy.swrMs ?? 0)) {
            counters.hits++;
            counters.staleServed++;
            load(key, policy, loader).catch(() => {});
            return { value: entry.v as T, cached: true, stale: true, ageMs };
          }
        }
      }
      const shared = joined ?? (pending.get(key) as Promise<{ value: T; at: number }> | undefined);
      if (shared) counters.hits++;
      else counters.misses++;
      try {
        const { value, at } = await (shared ?? load(key, policy, loader));
        return { value, cached: false, stale: false, ageMs: Math.max(0, now() - at) };
      } catch (error) {
        // An older value may still be usable (bounded by staleOnErrorMs); never after a plan error.
        const old = entry ?? (await read(key));
        const ageMs = old ? Math.max(0, now() - old.at) : Number.POSITIVE_INFINITY;
        if (
          old &&
          "v" in old &&
          !old.e &&
          ageMs < (policy.staleOnErrorMs ?? 0) &&
          !(error instanceof PlanError)
        ) {
          counters.staleServed++;
          opts.onEvent?.({ type: "stale_served", key, ageMs, error: String(error) });
          return { value: old.v as T, cached: true, stale: true, ageMs };
        }
        throw error;
      }
    },
    stats() {
      const asked = counters.hits + counters.misses;
      return { ...counters, hitRate: asked === 0 ? 0 : counters.hits / asked, entries: store.size() };
    },
    clear: () => store.clear(),
    async close() {},
  };
}
