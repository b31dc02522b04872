import { createMemoryPacer } from "./pacer.js";
import { tryDeliver } from "./process.js";
import {
  type Delivery,
  type DeliveryDeps,
  type DeliveryJob,
  emptyStats,
  idOfJob,
  limiterWindow,
} from "./types.js";

interface Entry {
  id: string;
  job: DeliveryJob;
  notBefore: number;
  /** When it was first due (enqueued, plus any delay asked for). */
  dueAt: number;
  attempt: number;
}

/**
 * The one-process delivery path (no Redis): the same global window, per-chat gaps, 429 pause,
 * retries with backoff and ledger as the BullMQ queue, kept in process memory — lost on exit,
 * which is acceptable only for the local stack.
 */
export function createMemoryDelivery(o: DeliveryDeps): Delivery {
  const stats = emptyStats();
  const pacer = createMemoryPacer(o);
  const { max, duration } = limiterWindow(o.ratePerSecond);
  const concurrency = o.concurrency ?? 32;
  const attempts = o.attempts ?? 5;
  const backoffMs = o.backoffMs ?? 1000;
  let entries: Entry[] = [];
  // Ids queued or done in the last hour, so enqueueing the same (alert, chat) twice is a no-op.
  const known = new Map<string, number>();
  let inFlight = 0;
  let windowStart = 0;
  let windowCount = 0;
  let pausedUntil = 0;
  let running = false;
  let timer: NodeJS.Timeout | null = null;

  const schedule = (ms: number) => {
    if (!running) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(pump, Math.max(0, ms));
  };

  const runOne = async (e: Entry) => {
    inFlight++;
    try {
      // Edits pace themselves, and only when they do edit (most coalesce into nothing).
      const wait = e.job.edit ? 0 : await pacer.acquire(e.job.chatId);
      if (wait > 0) {
        e.notBefore = Date.now() + wait;
        entries.push(e);
        return;
      }
      const result = await tryDeliver(o, stats, e.job, pacer.acquire);
      if (result.type === "rate_limited") {
        pausedUntil = Date.now() + result.retryAfterMs;
        entries.unshift(e);
      } else if (result.type === "later") {
        e.job = result.job;
        e.notBefore = Date.now() + result.delayMs;
        entries.push(e);
      }
    } catch (error) {
      e.attempt++;
      const final = e.attempt >= attempts;
      o.onEvent?.({
        type: "failed",
        alertId: e.job.alertId,
        chatId: e.job.chatId,
        error: String(error),
        final,
      });
      if (final) stats.failed++;
      else {
        stats.retried++;
        e.notBefore = Date.now() + backoffMs * 2 ** (e.attempt - 1);
        entries.push(e);
      }
    } finally {
      inFlight--;
      schedule(0);
    }
  };

  function pump() {
    timer = null;
    if (!running) return;
    const now = Date.now();
    if (now < pausedUntil) return schedule(pausedUntil - now);
    if (now - windowStart >= duration) {
      windowStart = now;
      windowCount = 0;
    }
    let soonest = Number.POSITIVE_INFINITY;
    const rest: Entry[] = [];
    // Sends first, then edits, as the BullMQ queue does with priorities: a storm's edits never
    // hold back the first message of another alert.
    for (const edits of [false, true])
      for (const e of entries) {
        if (Boolean(e.job.edit) !== edits) continue;
        if (e.notBefore > now) {
          soonest = Math.min(soonest, e.notBefore);
          rest.push(e);
        } else if (inFlight < concurrency && windowCount < max) {
          windowCount++;
          void runOne(e);
        } else rest.push(e);
      }
    entries = rest;
    if (entries.length === 0) return;
    // Jobs left ready are waiting for the next window or for a free slot (a finishing send
    // also re-runs the pump); otherwise sleep until the earliest delayed job.
    const ready = entries.some((e) => e.notBefore <= now);
    const next = ready ? (windowCount >= max ? windowStart + duration - now : 50) : soonest - now;
    if (Number.isFinite(next)) schedule(next);
  }

  return {
    backend: "memory",
    async enqueue(jobs, delayMs) {
      const now = Date.now();
      for (const [id, at] of known) if (now - at > 3_600_000) known.delete(id);
      for (const job of jobs) {
        const id = idOfJob(job);
        if (known.has(id)) continue;
        known.set(id, now);
        const dueAt = now + (delayMs ?? 0);
        entries.push({ id, job, notBefore: dueAt, dueAt, attempt: 0 });
      }
      schedule(0);
    },
    start() {
      running = true;
      schedule(0);
    },
    async depth() {
      return entries.length + inFlight;
    },
    async oldestWaitingMs() {
      const now = Date.now();
      let oldest = Number.POSITIVE_INFINITY;
      for (const e of entries) if (e.notBefore <= now && e.dueAt < oldest) oldest = e.dueAt;
      return Number.isFinite(oldest) ? now - oldest : null;
    },
    stats: () => ({ ...stats }),
    async close() {
      running = false;
      if (timer) clearTimeout(timer);
      const deadline = Date.now() + 5000;
      while (inFlight > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    },
  };
}
