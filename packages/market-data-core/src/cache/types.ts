import type { Cached, CallOptions } from "../models/result.js";

/** How one key is cached. */
export interface CachePolicy {
  /** Fresh for this long (ms): served without an upstream call. */
  ttlMs: number;
  /** After the TTL, serve the old value (not stale) while one refresh runs in the background, up to this age (ms). */
  swrMs?: number;
  /** When the upstream fails or the caller's deadline passes, serve a value up to this age (ms), marked stale. */
  staleOnErrorMs?: number;
  /** Cache this error kind for a while (e.g. a plan error), so it does not spend quota again. */
  negativeTtlMs?: number;
}

/**
 * A read-through cache with request coalescing (N identical concurrent calls -> 1 load),
 * stale-while-revalidate and stale-on-error. Memory (bounded LRU) or Redis (shared by processes).
 */
export interface MarketCache {
  /** `call.deadlineAt` bounds the wait for a load (a stale value or a TimeoutError past it). */
  get<T>(key: string, policy: CachePolicy, load: () => Promise<T>, call?: CallOptions): Promise<Cached<T>>;
  stats(): { hits: number; misses: number; hitRate: number; staleServed: number; entries: number };
  clear(): Promise<void>;
  close(): Promise<void>;
}
