import type { Redis } from "ioredis";
import { LRUCache } from "lru-cache";
import { redisTimeout, timeLimit } from "../util/timeout.js";

/** What the cache keeps per key: a value, or an error remembered for a while, with when it was stored. */
export interface CacheEntry {
  /** Stored at, ms. */
  at: number;
  v?: unknown;
  /** A remembered error (plan errors only): enough to rebuild it. */
  e?: { name: string; message: string; fields: Record<string, unknown> };
}

/** Where entries live. Values are JSON-safe domain models. */
export interface CacheStore {
  get(key: string): CacheEntry | undefined | Promise<CacheEntry | undefined>;
  set(key: string, entry: CacheEntry, keepMs: number): void | Promise<void>;
  size(): number;
  clear(): Promise<void>;
}

/** Bounded in-process LRU (lru-cache) — the default for a single process. */
export function createMemoryStore(max = 5_000): CacheStore {
  const lru = new LRUCache<string, CacheEntry>({ max, ttlAutopurge: false });
  return {
    get: (key) => lru.get(key),
    set: (key, entry, keepMs) => {
      lru.set(key, entry, { ttl: Math.max(1, keepMs) });
    },
    size: () => lru.size,
    async clear() {
      lru.clear();
    },
  };
}

// ioredis states in which a command would wait in the offline queue (tens of seconds) for a Redis
// that is gone: the store answers from this process then, as if Redis were not configured.
const DOWN = new Set(["reconnecting", "close", "end"]);
/** Longest a cache read waits for Redis before it counts as a miss (ms). */
const READ_TIMEOUT_MS = 500;

/**
 * Redis store shared by every process, with a small in-process LRU (1 s per entry) in front so a
 * hot key does not cost a Redis round trip per read. While Redis is down (or slower than 500 ms) it
 * never waits for it: entries stay in a bounded in-process LRU instead, so a Redis outage costs
 * upstream calls, not answers.
 */
export function createRedisStore(redis: Redis, prefix: string, localMax = 2_000): CacheStore {
  const local = new LRUCache<string, CacheEntry>({ max: localMax });
  // Keys this process wrote, bounded: `entries` in stats and what `clear()` removes.
  const written = new LRUCache<string, true>({ max: 20_000 });
  const k = (key: string) => `${prefix}cache:${key}`;
  // What was stored while Redis was down, kept here (bounded) until Redis takes writes again.
  const outage = new LRUCache<string, CacheEntry>({ max: localMax });
  return {
    async get(key) {
      const hot = local.get(key) ?? outage.get(key);
      if (hot) return hot;
      if (DOWN.has(redis.status)) return undefined;
      const raw = await timeLimit(redis.get(k(key)), READ_TIMEOUT_MS, redisTimeout(READ_TIMEOUT_MS));
      if (!raw) return undefined;
      try {
        const entry = JSON.parse(raw) as CacheEntry;
        // Freshness is judged from entry.at by the cache rules, so a local copy that briefly
        // outlives the Redis key is harmless; it saves a round trip per read of a hot key.
        local.set(key, entry, { ttl: 1_000 });
        return entry;
      } catch {
        return undefined;
      }
    },
    async set(key, entry, keepMs) {
      const ms = Math.max(1, Math.round(keepMs));
      local.set(key, entry, { ttl: Math.min(ms, 1_000) });
      written.set(key, true);
      if (DOWN.has(redis.status)) {
        outage.set(key, entry, { ttl: ms });
        return;
      }
      outage.delete(key);
      await redis.set(k(key), JSON.stringify(entry), "PX", ms);
    },
    size: () => written.size,
    async clear() {
      local.clear();
      outage.clear();
      const keys = [...written.keys()].map(k);
      written.clear();
      if (keys.length > 0) await redis.del(...keys);
    },
  };
}
