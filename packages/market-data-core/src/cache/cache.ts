import type { Redis } from "ioredis";
import { LRUCache } from "lru-cache";
import { PlanError, staleReasonOf, TimeoutError } from "../models/errors.js";
import type { Cached, CallOptions, CoreEvent, StaleReason } from "../models/result.js";
import { timeLimit } from "../util/timeout.js";
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

/** Reject with a TimeoutError when `deadlineAt` (epoch ms) passes first; the load itself runs on. */
function within<T>(p: Promise<T>, key: string, deadlineAt: number | undefined): Promise<T> {
  if (deadlineAt === undefined) return p;
  const left = deadlineAt - Date.now();
  return timeLimit(p, left, () => new TimeoutError(key.split("?")[0] ?? key, Math.max(0, left)));
}

/**
 * Read-through cache. Lifecycle of a key under a policy: fresh for `ttlMs` (served as is); then,
 * up to `swrMs` more, served as is while one background refresh runs; past that a caller waits for
 * the load, at most until its deadline. A value is marked stale only when it is served because the
 * upstream failed: the load failed or passed the caller's deadline (a value up to `staleOnErrorMs`
 * old is served), or the last refresh of a value still in its refresh window failed. Concurrent
 * loads of one key share one upstream call (coalescing). Plan errors are remembered for
 * `negativeTtlMs` so a missing plan feature does not spend quota on every request.
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
  // Keys whose last refresh failed, and why: what is served for them is stale until a refresh works.
  const failed = new LRUCache<string, StaleReason>({ max: opts.maxEntries ?? 5_000 });
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
        failed.delete(key);
        // Not awaited: the answer never waits on the store (a Redis that is reconnecting would hold
        // the write for as long as ioredis retries). The Redis store keeps a local copy at once.
        Promise.resolve()
          .then(() => store.set(key, { at, v: value }, keepFor(policy)))
          .catch((error: unknown) => opts.onEvent?.({ type: "cache_error", key, error: String(error) }));
        return { value, at };
      } catch (error) {
        failed.set(key, staleReasonOf(error));
        const e = remember(error);
        if (e && policy.negativeTtlMs) {
          const ttl = policy.negativeTtlMs;
          Promise.resolve()
            .then(() => store.set(key, { at: now(), e }, ttl))
            .catch(() => {});
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

  function served<T>(key: string, entry: CacheEntry, reason: StaleReason | null, error = ""): Cached<T> {
    const ageMs = Math.max(0, now() - entry.at);
    if (reason !== null) {
      counters.staleServed++;
      opts.onEvent?.({ type: "stale_served", key, ageMs, reason, error });
    }
    const stale = reason !== null;
    return { value: entry.v as T, cached: true, stale, staleReason: reason, ageMs, asOf: entry.at };
  }

  return {
    async get<T>(key: string, policy: CachePolicy, loader: () => Promise<T>, call: CallOptions = {}) {
      const entry = await read(key);
      if (entry) {
        const ageMs = Math.max(0, now() - entry.at);
        if (entry.e && ageMs < (policy.negativeTtlMs ?? 0)) {
          counters.hits++;
          throw rebuild(entry.e);
        }
        if ("v" in entry && !entry.e) {
          if (ageMs < policy.ttlMs) {
            counters.hits++;
            return served<T>(key, entry, null);
          }
          if (ageMs < policy.ttlMs + (policy.swrMs ?? 0)) {
            counters.hits++;
            // Within its refresh window the value is current unless the last refresh failed.
            const reason = failed.get(key) ?? null;
            load(key, policy, loader).catch(() => {});
            return served<T>(key, entry, reason, reason ? "last refresh failed" : "");
          }
        }
      }
      // Coalesced: when the upstream call is already on its way for someone else, share it.
      const shared = pending.get(key) as Promise<{ value: T; at: number }> | undefined;
      if (shared) counters.hits++;
      else counters.misses++;
      const asked = Date.now();
      try {
        const { value, at } = await within(shared ?? load(key, policy, loader), key, call.deadlineAt);
        const ageMs = Math.max(0, now() - at);
        return { value, cached: false, stale: false, staleReason: null, ageMs, asOf: at };
      } catch (error) {
        // An older value may still be usable (bounded by staleOnErrorMs); never after a plan error.
        const old = entry;
        const ageMs = old ? Math.max(0, now() - old.at) : Number.POSITIVE_INFINITY;
        const usable =
          old !== undefined &&
          "v" in old &&
          !old.e &&
          ageMs < (policy.staleOnErrorMs ?? 0) &&
          !(error instanceof PlanError);
        if (error instanceof TimeoutError && call.deadlineAt !== undefined && Date.now() >= call.deadlineAt) {
          const waitedMs = Date.now() - asked;
          opts.onEvent?.({ type: "deadline_exceeded", key, waitedMs, served: usable ? "stale" : "none" });
        }
        if (usable) return served<T>(key, old, staleReasonOf(error), String(error));
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
