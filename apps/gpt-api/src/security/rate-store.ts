import type { Redis } from "ioredis";

/** What @fastify/rate-limit's `incr` callback wants. */
type IncrCallback = (err: Error | null, res: { current: number; ttl: number }) => void;

interface Counter {
  /** Start of the fixed window this counter belongs to (ms). */
  window: number;
  /** The group-wide count Redis last reported (all replicas, our flushed requests included). */
  seen: number;
  /** Requests counted here and not yet sent to Redis. */
  pending: number;
}

export interface BatchedRateStoreOptions {
  redis?: Redis;
  /** Redis key prefix (unique per test). */
  prefix: string;
  /** Flush interval (ms). */
  syncMs: number;
  onError?: (error: unknown) => void;
}

/**
 * A store for @fastify/rate-limit that counts in process and syncs to Redis in batches.
 *
 * Why not the plugin's RedisStore: it pays one Redis round trip per request, which halves the
 * API's throughput (dependencies.md). Here each request is a map lookup; every `syncMs` the
 * pending counts of all keys go to Redis in one pipeline (`INCRBY` + `PEXPIRE` on a key per fixed
 * window), and the totals Redis answers — every replica's requests — become the base of the local
 * count. A key's limit is therefore exact within one process and shared across replicas with at
 * most `syncMs` of lag. Windows are aligned to the wall clock so every replica reports the same
 * reset time.
 */
export function createBatchedRateStore(opts: BatchedRateStoreOptions) {
  const counters = new Map<string, Counter>();
  const dirty = new Set<string>();
  let timer: NodeJS.Timeout | null = null;
  let windowMs = 60_000;

  async function flush(): Promise<void> {
    timer = null;
    const redis = opts.redis;
    if (redis === undefined || dirty.size === 0) {
      dirty.clear();
      return;
    }
    const batch = [...dirty].map((key) => {
      const c = counters.get(key) as Counter;
      return { key, c, window: c.window, delta: c.pending };
    });
    dirty.clear();
    const now = Date.now();
    const pipeline = redis.pipeline();
    for (const b of batch) {
      const rk = `${opts.prefix}${b.key}:${b.window}`;
      pipeline.incrby(rk, b.delta);
      pipeline.pexpire(rk, Math.max(1000, b.window + windowMs - now + 1000));
    }
    try {
      const results = (await pipeline.exec()) ?? [];
      batch.forEach((b, i) => {
        const [err, total] = results[i * 2] ?? [null, null];
        if (err || typeof total !== "number" || b.c.window !== b.window) return;
        b.c.pending -= b.delta;
        b.c.seen = total;
      });
    } catch (error) {
      // Counts stay pending and go out with the next flush; limits keep working locally.
      for (const b of batch) dirty.add(b.key);
      opts.onError?.(error);
    }
  }

  function schedule(): void {
    if (timer === null && opts.redis !== undefined) {
      timer = setTimeout(() => void flush(), opts.syncMs);
      timer.unref();
    }
  }

  function incr(key: string, cb: IncrCallback, timeWindow: number): void {
    windowMs = timeWindow;
    const now = Date.now();
    const window = now - (now % timeWindow);
    let c = counters.get(key);
    if (c === undefined || c.window !== window) {
      c = { window, seen: 0, pending: 0 };
      counters.set(key, c);
      if (counters.size > 50_000) sweep(window);
    }
    c.pending++;
    dirty.add(key);
    schedule();
    cb(null, { current: c.seen + c.pending, ttl: window + timeWindow - now });
  }

  function sweep(window: number): void {
    for (const [k, c] of counters) if (c.window !== window && !dirty.has(k)) counters.delete(k);
  }

  const store = {
    incr,
    read(key: string, cb: IncrCallback, timeWindow: number): void {
      const now = Date.now();
      const c = counters.get(key);
      const current = c !== undefined && c.window === now - (now % timeWindow) ? c.seen + c.pending : 0;
      cb(null, { current, ttl: current === 0 ? 0 : timeWindow - (now % timeWindow) });
    },
    child: () => store,
    /** Send what is pending now (graceful close, tests). */
    flush,
    close(): Promise<void> {
      if (timer !== null) clearTimeout(timer);
      return flush();
    },
  };
  return store;
}

export type BatchedRateStore = ReturnType<typeof createBatchedRateStore>;

/** @fastify/rate-limit instantiates `store` with `new`; this hands it an existing instance. */
export function storeConstructor(store: BatchedRateStore): new () => BatchedRateStore {
  return function RateStore() {
    return store;
  } as unknown as new () => BatchedRateStore;
}
