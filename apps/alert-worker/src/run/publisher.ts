import type { Alert, GuardedOutcome, Stores } from "@teleglas/market-data-core";
import type { Detection } from "../detect/types.js";

/** How long an upstream event stays "seen" (replays older than this are stale anyway). */
const SEEN_TTL_MS = 24 * 60 * 60 * 1000;

export type PublishOutcome = GuardedOutcome;

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
 * All three checks are one atomic store call (one Redis round trip), so a burst of detections
 * does not queue three round trips deep. Detections arrive synchronously from the hot path; the
 * store call runs in the background.
 */
export function createPublisher(opts: PublisherOptions) {
  const now = opts.now ?? (() => performance.now());
  const inflight = new Set<Promise<void>>();

  const run = async (d: Detection, startedAt: number) => {
    const cooldown = { cooldownKey: d.cooldownKey, cooldownMs: d.cooldownMs };
    const outcome = await opts.stores.alerts.publishGuarded(
      d.alert,
      d.seenKey ? { ...cooldown, seenKey: `seen:${d.seenKey}`, seenTtlMs: SEEN_TTL_MS } : cooldown,
    );
    opts.onOutcome?.(outcome, d.alert, startedAt);
  };

  return {
    /**
     * `startedAt` (performance.now() when the frame arrived) feeds the latency metric. The promise
     * settles (never rejects) once the detection is handled.
     */
    submit(d: Detection, startedAt = now()): Promise<void> {
      const p = run(d, startedAt)
        .catch((error: unknown) => opts.onError?.(error, d.alert))
        .finally(() => inflight.delete(p));
      inflight.add(p);
      return p;
    },
    pending: () => inflight.size,
    /** Waits for every submitted detection to be handled. */
    async drain() {
      while (inflight.size > 0) await Promise.all([...inflight]);
    },
  };
}
export type Publisher = ReturnType<typeof createPublisher>;
