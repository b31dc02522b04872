import type { Redis } from "ioredis";

/** Where a counted request stands: the window's count so far and the time left in it (ms). */
type IncrCallback = (err: Error | null, res: { current: number; ttl: number }) => void;

interface Counter {
  /** Start of the fixed window this counter belongs to (ms). */
  window: number;
  /** The group-wide count Redis last reported (all replicas, our flushed requests included). */
  seen: number;
  /** Requests counted here and not yet confirmed by Redis. */
  pending: number;
  /** Admissions waiting for the next Redis answer (the key's unconfirmed allowance is used up). */
  waiting: Array<() => void>;
}

export interface BatchedRateStoreOptions {
  redis?: Redis;
  /** Redis key prefix (unique per test). */
  prefix: string;
  /** Flush interval (ms). */
  syncMs: number;
  /** Share of a key's limit one replica may admit before Redis confirms them (default 0.01). */
  unconfirmedShare?: number;
  /** Longest an admission waits for Redis before the replica decides alone (ms, default 500). */
  maxWaitMs?: number;
  onError?: (error: unknown) => void;
  /** The windows' clock (default Date.now): tests move it instead of waiting a window out. */
  now?: () => number;
}

/** How often a replica that counts alone (Redis failing) tries Redis again (ms). */
const RETRY_ALONE_MS = 5000;

/**
 * How many requests of a key one replica may admit beyond what Redis has confirmed: 1 % of the
 * limit, at least 1. With N replicas a window admits at most `max + (N - 1) × allowance`.
 */
export function unconfirmedAllowance(max: number, share = 0.01): number {
  return Math.max(1, Math.floor(max * share));
}

/**
 * The per-principal limit's counts (security.ts), kept in process and synced to Redis in batches.
 *
 * Why not the plugin's RedisStore: it pays one Redis round trip per request, which halves the
 * API's throughput (dependencies.md). Here each request is a map lookup; every `syncMs` the
 * pending counts of all keys go to Redis in one pipeline (`INCRBY` + `PEXPIRE` on a key per fixed
 * window), and the totals Redis answers — every replica's requests — become the base of the local
 * count. Windows are aligned to the wall clock so every replica reports the same reset time.
 *
 * The overshoot across replicas is bounded: a replica admits at most `unconfirmedAllowance(max)`
 * requests of a key that Redis has not confirmed yet; the next admission waits for the flush that
 * is then sent at once (refusals never wait: they need no confirmation). A key at 100/min on two
 * replicas admits at most 101 per window; keys with large limits (1 % of 10,000 = 100 requests per
 * round trip) never wait in practice. While Redis does not answer within `maxWaitMs`, each replica
 * counts alone until a flush succeeds again.
 */
export function createBatchedRateStore(opts: BatchedRateStoreOptions) {
  const counters = new Map<string, Counter>();
  const dirty = new Set<string>();
  const share = opts.unconfirmedShare ?? 0.01;
  const maxWaitMs = opts.maxWaitMs ?? 500;
  const clock = opts.now ?? Date.now;
  let timer: NodeJS.Timeout | null = null;
  let inFlight: Promise<void> | null = null;
  /** A flush was asked for while one was in flight: send again right after it. */
  let again = false;
  /** Redis failed or did not answer in time: decide locally until a flush succeeds. */
  let alone = opts.redis === undefined;
  let windowMs = 60_000;

  async function send(): Promise<void> {
    const redis = opts.redis as Redis;
    const batch = [...dirty].map((key) => {
      const c = counters.get(key) as Counter;
      return { key, c, window: c.window, delta: c.pending };
    });
    dirty.clear();
    const now = clock();
    const pipeline = redis.pipeline();
    for (const b of batch) {
      const rk = `${opts.prefix}${b.key}:${b.window}`;
      pipeline.incrby(rk, b.delta);
      pipeline.pexpire(rk, Math.max(1000, b.window + windowMs - now + 1000));
    }
    let late: NodeJS.Timeout | undefined;
    try {
      const exec = pipeline.exec();
      const timeout = new Promise<never>((_, reject) => {
        // Judged after the next poll phase: when the event loop was merely busy, Redis's answer is
        // already waiting on the socket and wins the race.
        late = setTimeout(
          () => setImmediate(() => reject(new Error(`Redis did not answer within ${maxWaitMs} ms`))),
          maxWaitMs,
        );
      });
      const results = (await Promise.race([exec, timeout])) ?? [];
      const failed = results.find(([err]) => err !== null)?.[0];
      if (failed) throw failed;
      alone = false;
      batch.forEach((b, i) => {
        const total = results[i * 2]?.[1];
        if (typeof total !== "number" || b.c.window !== b.window) return;
        b.c.pending -= b.delta;
        b.c.seen = total;
      });
    } catch (error) {
      // Counts stay pending and go out with the next flush; limits keep working locally. A timed
      // out pipeline may still land: its counts are then sent twice, which errs towards refusing.
      alone = true;
      for (const b of batch) dirty.add(b.key);
      opts.onError?.(error);
    } finally {
      clearTimeout(late);
    }
    for (const b of batch) release(b.c);
  }

  /** Send what is pending now; one pipeline at a time, the next one right after when needed. */
  function flush(): Promise<void> {
    if (timer !== null) {
      clearTimeout(timer);
      timer = null;
    }
    if (inFlight !== null) {
      again = true;
      return inFlight;
    }
    if (opts.redis === undefined || dirty.size === 0) {
      dirty.clear();
      return Promise.resolve();
    }
    inFlight = send().finally(() => {
      inFlight = null;
      if (again) {
        again = false;
        void flush();
      } else if (dirty.size > 0) schedule();
    });
    return inFlight;
  }

  /**
   * A flush after `syncMs` (every `RETRY_ALONE_MS` while Redis fails, so an outage does not write
   * a warning every 100 ms), or as soon as possible when an admission waits for it.
   */
  function schedule(now = false): void {
    if (opts.redis === undefined) return;
    if (now) {
      void flush();
      return;
    }
    if (timer === null && inFlight === null) {
      timer = setTimeout(() => void flush(), alone ? RETRY_ALONE_MS : opts.syncMs);
      timer.unref();
    }
  }

  /** Resolves once Redis has answered a flush sent after this call (or failed to). */
  async function confirmed(): Promise<void> {
    await inFlight;
    await flush();
  }

  /** Admissions that waited for this answer try again (they may wait once more). */
  function release(c: Counter): void {
    const waiting = c.waiting;
    c.waiting = [];
    for (const retry of waiting) retry();
  }

  function counter(key: string, now: number, timeWindow: number): Counter {
    const window = now - (now % timeWindow);
    let c = counters.get(key);
    if (c === undefined || c.window !== window) {
      c = { window, seen: 0, pending: 0, waiting: c?.waiting ?? [] };
      counters.set(key, c);
      if (counters.size > 50_000) sweep(window);
    }
    return c;
  }

  /**
   * Count one request of a key now and say where it stands, or answer `undefined` when it has to
   * wait for Redis to confirm earlier ones (`incr` then waits). Synchronous: the hot path's case.
   */
  function take(key: string, timeWindow: number, max: number): { current: number; ttl: number } | undefined {
    windowMs = timeWindow;
    const now = clock();
    const c = counter(key, now, timeWindow);
    const current = c.seen + c.pending + 1;
    // An admission beyond the allowance waits for Redis to confirm the earlier ones; a refusal
    // (over the limit already) never does.
    if (!alone && current <= max && c.pending >= unconfirmedAllowance(max, share)) return undefined;
    c.pending++;
    dirty.add(key);
    schedule(!alone && c.pending >= unconfirmedAllowance(max, share));
    return { current, ttl: c.window + timeWindow - now };
  }

  function incr(key: string, cb: IncrCallback, timeWindow: number, max = Number.POSITIVE_INFINITY): void {
    const taken = take(key, timeWindow, max);
    if (taken !== undefined) {
      cb(null, taken);
      return;
    }
    (counters.get(key) as Counter).waiting.push(() => incr(key, cb, timeWindow, max));
    dirty.add(key);
    schedule(true);
  }

  function sweep(window: number): void {
    for (const [k, c] of counters) {
      if (c.window !== window && !dirty.has(k) && c.waiting.length === 0) counters.delete(k);
    }
  }

  const store = {
    take,
    incr,
    read(key: string, cb: IncrCallback, timeWindow: number): void {
      const now = clock();
      const c = counters.get(key);
      const current = c !== undefined && c.window === now - (now % timeWindow) ? c.seen + c.pending : 0;
      cb(null, { current, ttl: current === 0 ? 0 : timeWindow - (now % timeWindow) });
    },
    /**
     * Count `n` requests of a key at once (an MCP batch). Past the unconfirmed allowance the count
     * is confirmed by Redis before the caller decides, so a batch cannot widen the overshoot.
     */
    async add(
      key: string,
      n: number,
      timeWindow: number,
      max: number,
    ): Promise<{ current: number; ttl: number }> {
      windowMs = timeWindow;
      const c = counter(key, clock(), timeWindow);
      c.pending += n;
      dirty.add(key);
      if (!alone && c.pending > unconfirmedAllowance(max, share)) await confirmed();
      else schedule();
      const now = clock();
      const current = c.window === now - (now % timeWindow) ? c.seen + c.pending : n;
      return { current, ttl: c.window + timeWindow - now };
    },
    /** Send what is pending now (graceful close, tests). */
    flush,
    async close(): Promise<void> {
      if (timer !== null) clearTimeout(timer);
      timer = null;
      await inFlight;
      await flush();
    },
  };
  return store;
}

export type BatchedRateStore = ReturnType<typeof createBatchedRateStore>;
