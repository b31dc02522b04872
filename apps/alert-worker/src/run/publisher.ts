import type { Alert, GuardedOutcome, Stores, UpdateOutcome } from "@teleglas/market-data-core";
import type { Detection } from "../detect/types.js";

/** How long an upstream event stays "seen" (replays older than this are stale anyway). */
const SEEN_TTL_MS = 24 * 60 * 60 * 1000;

/** A first state's guarded outcome, or what became of an update (`updated`, `stale`, `unknown`). */
export type PublishOutcome = GuardedOutcome | UpdateOutcome;

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
    if (d.update) {
      opts.onOutcome?.(await opts.stores.alerts.update(d.alert), d.alert, startedAt);
      return;
    }
    const cooldown = { cooldownKey: d.cooldownKey, cooldownMs: d.cooldownMs };
    // Every alert says when its state was taken; a storm's detector sets it, others get now.
    const alert = d.alert.updated_at === undefined ? { ...d.alert, updated_at: Date.now() } : d.alert;
    const outcome = await opts.stores.alerts.publishGuarded(
      alert,
      d.seenKey ? { ...cooldown, seenKey: `seen:${d.seenKey}`, seenTtlMs: SEEN_TTL_MS } : cooldown,
    );
    opts.onOutcome?.(outcome, alert, startedAt);
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
