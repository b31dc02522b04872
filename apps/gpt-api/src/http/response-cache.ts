import { staleReasonOf } from "@teleglas/market-data-core";
import { type PreparedBody, staleAndAge } from "./envelope.js";

interface Entry {
  body: PreparedBody;
  /** Until then the body is served as is. */
  freshUntil: number;
  /** Until then the body is served while one refresh runs in the background. */
  keepUntil: number;
  /** Size of the body's fixed parts (characters, ~bytes: the JSON is mostly ASCII). */
  size: number;
}

export interface ResponseCacheOptions {
  /** How long a body is served before the core is asked again (ms). */
  ttlMs: number;
  /** How long past ttlMs it may still be served while a refresh runs (ms); its age_ms says how old it is. */
  refreshWindowMs?: number;
  maxEntries?: number;
  /** Total size of the held bodies (default 64 MB): a few large answers cannot crowd memory. */
  maxBytes?: number;
  /** Called when a background refresh fails (the held body stays until keepUntil). */
  onRefreshError?: (error: unknown) => void;
}

/**
 * Serialized success bodies per (operation, normalized params): the hot path serves bytes
 * serialized once per refresh. Concurrent misses of one key share one load, and an expired body
 * keeps being served while one background refresh runs, so no request waits on the core once a
 * key is warm. The core's own cache decides when CoinGlass is called.
 */
export function createResponseCache(opts: ResponseCacheOptions) {
  const entries = new Map<string, Entry>();
  const loading = new Map<string, Promise<PreparedBody>>();
  const max = opts.maxEntries ?? 5000;
  const maxBytes = opts.maxBytes ?? 64 * 1024 * 1024;
  let bytes = 0;

  function hold(key: string, entry: Entry): void {
    const previous = entries.get(key);
    if (previous !== undefined) {
      bytes -= previous.size;
      entries.delete(key);
    }
    entries.set(key, entry);
    bytes += entry.size;
    for (const [old, e] of entries) {
      if (bytes <= maxBytes && entries.size <= max) break;
      entries.delete(old);
      bytes -= e.size;
    }
  }
  const refreshWindowMs = opts.refreshWindowMs ?? 30_000;

  function load(key: string, loader: () => Promise<PreparedBody>): Promise<PreparedBody> {
    const running = loading.get(key);
    if (running !== undefined) return running;
    const p = loader()
      .then((body) => {
        hold(key, {
          body,
          freshUntil: body.fetchedAt + opts.ttlMs,
          keepUntil: body.fetchedAt + opts.ttlMs + refreshWindowMs,
          size: body.middle.length + body.tail.length,
        });
        return body;
      })
      .finally(() => loading.delete(key));
    loading.set(key, p);
    return p;
  }

  return {
    /**
     * The held body, or undefined when absent or too old. An expired body within the refresh window
     * is returned and, when `loader` is given, one refresh starts in the background.
     */
    peek(key: string, now: number, loader?: () => Promise<PreparedBody>): PreparedBody | undefined {
      const e = entries.get(key);
      if (e === undefined || e.keepUntil <= now) return undefined;
      if (e.freshUntil <= now && loader !== undefined && !loading.has(key)) {
        load(key, loader).catch((error) => {
          // Served on, but now marked stale (with why): the data is past its refresh and the refresh failed.
          const still = entries.get(key);
          if (still !== undefined)
            still.body = { ...still.body, staleAndAge: staleAndAge(staleReasonOf(error)), repeat: undefined };
          opts.onRefreshError?.(error);
        });
      }
      return e.body;
    },
    /** Load once for all concurrent callers, then hold. Failures are not held. */
    load,
    size: () => entries.size,
    bytes: () => bytes,
    clear: () => {
      entries.clear();
      bytes = 0;
    },
  };
}

export type ResponseCache = ReturnType<typeof createResponseCache>;
