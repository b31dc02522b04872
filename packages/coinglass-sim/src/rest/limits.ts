/** Per-key sliding-window rate limiting and request counters. */

export interface RateLimiter {
  /** Records a request unless the window is full; returns whether it was allowed and the window's use. */
  hit(key: string, now: number): { allowed: boolean; used: number };
  used(key: string, now: number): number;
  reset(): void;
}

/**
 * Sliding window of `windowMs`: a ring of the last `limit` request times per key, so each check
 * is O(1) amortised and memory is bounded by the limit.
 */
export function createRateLimiter(limit: number, windowMs: number): RateLimiter {
  const windows = new Map<string, { times: Float64Array; head: number; count: number }>();
  const evict = (w: { times: Float64Array; head: number; count: number }, now: number) => {
    while (w.count > 0) {
      const oldest = w.times[(w.head - w.count + limit) % limit] as number;
      if (oldest > now - windowMs) break;
      w.count--;
    }
  };
  const get = (key: string) => {
    let w = windows.get(key);
    if (!w) {
      w = { times: new Float64Array(limit), head: 0, count: 0 };
      windows.set(key, w);
    }
    return w;
  };
  return {
    hit(key, now) {
      const w = get(key);
      evict(w, now);
      if (w.count >= limit) return { allowed: false, used: w.count };
      w.times[w.head] = now;
      w.head = (w.head + 1) % limit;
      w.count++;
      return { allowed: true, used: w.count };
    },
    used(key, now) {
      const w = windows.get(key);
      if (!w) return 0;
      evict(w, now);
      return w.count;
    },
    reset: () => windows.clear(),
  };
}

export interface Counters {
  total: number;
  byEndpoint: Record<string, number>;
  byKey: Record<string, number>;
  status429: number;
}

export function createCounters() {
  let total = 0;
  let status429 = 0;
  let byEndpoint = new Map<string, number>();
  let byKey = new Map<string, number>();
  return {
    count(endpoint: string, key: string) {
      total++;
      byEndpoint.set(endpoint, (byEndpoint.get(endpoint) ?? 0) + 1);
      byKey.set(key, (byKey.get(key) ?? 0) + 1);
    },
    count429() {
      status429++;
    },
    snapshot(): Counters {
      return {
        total,
        status429,
        byEndpoint: Object.fromEntries(byEndpoint),
        byKey: Object.fromEntries(byKey),
      };
    },
    reset() {
      total = 0;
      status429 = 0;
      byEndpoint = new Map();
      byKey = new Map();
    },
  };
}
