import type { PreparedBody } from "./envelope.js";

interface Entry {
  body: PreparedBody;
  expiresAt: number;
}

/**
 * Serialized success bodies per (operation, normalized params), held for `ttlMs`: the hot path
 * serves bytes serialized once per refresh. Concurrent misses of one key share one load. The core's
 * own cache decides when CoinGlass is called; this only saves the re-serialization.
 */
export function createResponseCache(opts: { ttlMs: number; maxEntries?: number }) {
  const entries = new Map<string, Entry>();
  const loading = new Map<string, Promise<PreparedBody>>();
  const max = opts.maxEntries ?? 5000;

  return {
    /** The held body, or undefined when absent or expired. */
    peek(key: string, now: number): PreparedBody | undefined {
      const e = entries.get(key);
      return e !== undefined && e.expiresAt > now ? e.body : undefined;
    },
    /** Load once for all concurrent callers, then hold. Failures are not held. */
    load(key: string, loader: () => Promise<PreparedBody>): Promise<PreparedBody> {
      const running = loading.get(key);
      if (running !== undefined) return running;
      const p = loader()
        .then((body) => {
          if (entries.size >= max) entries.delete(entries.keys().next().value as string);
          entries.delete(key);
          entries.set(key, { body, expiresAt: body.fetchedAt + opts.ttlMs });
          return body;
        })
        .finally(() => loading.delete(key));
      loading.set(key, p);
      return p;
    },
    size: () => entries.size,
    clear: () => entries.clear(),
  };
}

export type ResponseCache = ReturnType<typeof createResponseCache>;
