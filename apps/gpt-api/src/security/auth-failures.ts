/**
 * Failed authentications per client address in fixed windows, in process. A flood of requests
 * without a valid key is answered 429 past `max` per window instead of each getting a 401 (and
 * a log line); requests with a valid key are never counted, so a brute-forcer behind the same
 * NAT as a real client does not lock the client out. The map is bounded: past `maxAddresses`
 * the counts of older windows go first, then the oldest addresses.
 */
export function createAuthFailureLimit(opts: { max: number; windowMs: number; maxAddresses?: number }) {
  const counts = new Map<string, { window: number; n: number }>();
  const maxAddresses = opts.maxAddresses ?? 10_000;

  return {
    /** Count one failure of `ip`; true while it is within the limit. */
    allow(ip: string, now = Date.now()): boolean {
      const window = now - (now % opts.windowMs);
      let c = counts.get(ip);
      if (c === undefined || c.window !== window) {
        c = { window, n: 0 };
        counts.delete(ip);
        counts.set(ip, c);
        if (counts.size > maxAddresses) {
          for (const [k, v] of counts) if (v.window !== window) counts.delete(k);
          for (const k of counts.keys()) {
            if (counts.size <= maxAddresses) break;
            counts.delete(k);
          }
        }
      }
      c.n++;
      return c.n <= opts.max;
    },
    /** Seconds until the current window ends. */
    retryAfterS(now = Date.now()): number {
      return Math.max(1, Math.ceil((opts.windowMs - (now % opts.windowMs)) / 1000));
    },
    size: () => counts.size,
  };
}
