import type { Redis } from "ioredis";
import { redisTimeout, timeLimit } from "../util/timeout.js";
import type { SlidingWindow, Take } from "./window.js";

/** A shared window that falls back to an in-process one while Redis is unreachable. */
export interface FallbackWindow extends SlidingWindow {
  /** Why and at what limit this process runs on its own share, or null while Redis serves. */
  fallback(): { cause: string; limitPerWindow: number } | null;
}

export interface FallbackWindowOptions {
  redis: Redis;
  shared: SlidingWindow;
  local: SlidingWindow;
  /** Fraction of the limit this process may use on its own. */
  share: number;
  /** Longest wait for one Redis round trip before falling back (ms), default 1,000. */
  timeoutMs?: number;
  onChange(active: boolean, limitPerWindow: number, cause: string): void;
}

// ioredis' states in which a command would sit in its offline queue (up to maxRetriesPerRequest
// reconnects, tens of seconds) instead of being answered.
const DOWN = new Set(["reconnecting", "close", "end"]);

/**
 * Admission goes through Redis while it answers. When it is down (or a round trip fails or takes
 * longer than `timeoutMs`), admission switches at once to the local window at `share` of the
 * limit, instead of queueing behind a Redis that may take minutes to return; the switch and the
 * return are reported through `onChange` with the real cause. Slots taken locally are not copied
 * to Redis on return: they age out of the upstream's window within one window length.
 */
export function createFallbackWindow(o: FallbackWindowOptions): FallbackWindow {
  const timeoutMs = o.timeoutMs ?? 1_000;
  let active: { cause: string; limitPerWindow: number } | null = null;
  const localIds = new Set<string>();

  const fallBack = (cause: string, limit: number) => {
    const share = Math.max(1, Math.floor(limit * o.share));
    if (active === null) o.onChange(true, share, cause);
    active = { cause, limitPerWindow: share };
    return share;
  };
  const recover = () => {
    if (active === null) return;
    const was = active;
    active = null;
    o.onChange(false, was.limitPerWindow, "Redis answers again");
  };
  const takeLocal = async (want: number, limit: number, holdMs: number): Promise<Take> => {
    const t = await o.local.take(want, limit, holdMs);
    const ids = t.ids.map((id) => `local:${id}`);
    for (const id of ids) localIds.add(id);
    return { ...t, ids };
  };

  return {
    async take(want, limit, holdMs) {
      if (DOWN.has(o.redis.status)) {
        return takeLocal(want, fallBack(`Redis is ${o.redis.status}`, limit), holdMs);
      }
      try {
        const t = await timeLimit(o.shared.take(want, limit, holdMs), timeoutMs, redisTimeout(timeoutMs));
        recover();
        return t;
      } catch (error) {
        const cause = `Redis: ${error instanceof Error ? error.message : String(error)}`;
        return takeLocal(want, fallBack(cause, limit), holdMs);
      }
    },
    async settle(ids) {
      const local = ids.filter((id) => localIds.delete(id)).map((id) => id.slice("local:".length));
      const shared = ids.filter((id) => !id.startsWith("local:"));
      await o.local.settle(local);
      if (shared.length > 0 && !DOWN.has(o.redis.status)) {
        await timeLimit(o.shared.settle(shared), timeoutMs, redisTimeout(timeoutMs)).catch(() => {});
      }
    },
    async raiseTo(used) {
      await o.local.raiseTo(Math.ceil(used * o.share));
      if (!DOWN.has(o.redis.status))
        await timeLimit(o.shared.raiseTo(used), timeoutMs, redisTimeout(timeoutMs)).catch(() => {});
    },
    fallback: () => active,
  };
}
