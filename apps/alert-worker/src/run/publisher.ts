import type { Alert, Stores } from "@teleglas/market-data-core";
import type { Detection } from "../detect/types.js";

/** How long an upstream event stays "seen" (replays older than this are stale anyway). */
const SEEN_TTL_MS = 24 * 60 * 60 * 1000;

export type PublishOutcome = "published" | "duplicate" | "seen" | "cooling";

export interface PublisherOptions {
  stores: Stores;
  /** What became of each detection; `startedAt` is what `submit` was given (for latency). */
  onOutcome?: (outcome: PublishOutcome, alert: Alert, startedAt: number) => void;
  onError?: (error: unknown, alert: Alert) => void;
  now?: () => number;
}

/**
 * Turns detections into published alerts, once across restarts and processes: an event already
 * marked seen (a replay, a backfilled order the stream carried) is dropped, then the shared
 * cooldown must be free, then the alert is published under its content-derived id (idempotent).
 * Detections arrive synchronously from the hot path; the Redis round trips run in the background.
 */
export function createPublisher(opts: PublisherOptions) {
  const now = opts.now ?? (() => performance.now());
  const inflight = new Set<Promise<void>>();

  const run = async (d: Detection, startedAt: number) => {
    const { stores } = opts;
    let outcome: PublishOutcome;
    if (d.seenKey && !(await stores.ledger.markOnce(`seen:${d.seenKey}`, SEEN_TTL_MS))) outcome = "seen";
    else if (!(await stores.cooldowns.tryAcquire(d.cooldownKey, d.cooldownMs))) outcome = "cooling";
    else outcome = (await stores.alerts.publish(d.alert)) ? "published" : "duplicate";
    opts.onOutcome?.(outcome, d.alert, startedAt);
  };

  return {
    /** `startedAt` (performance.now() when the frame arrived) feeds the latency metric. */
    submit(d: Detection, startedAt = now()) {
      const p = run(d, startedAt)
        .catch((error: unknown) => opts.onError?.(error, d.alert))
        .finally(() => inflight.delete(p));
      inflight.add(p);
    },
    pending: () => inflight.size,
    /** Waits for every submitted detection to be handled. */
    async drain() {
      while (inflight.size > 0) await Promise.all([...inflight]);
    },
  };
}
export type Publisher = ReturnType<typeof createPublisher>;
