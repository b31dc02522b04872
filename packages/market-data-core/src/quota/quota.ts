import type { Redis } from "ioredis";
import type { CoinGlassPlan } from "../config/env.js";
import { CoinGlassError } from "../models/errors.js";
import type { CoreEvent, Lane } from "../models/result.js";
import { createFallbackWindow, type FallbackWindow } from "./fallback.js";
import { PLAN_LIMITS, type Quota, type QuotaTicket } from "./types.js";
import { createMemoryWindow, createRedisWindow, type SlidingWindow } from "./window.js";

/** Options of `createQuota`. */
export interface QuotaOptions {
  plan: CoinGlassPlan;
  /** Shared across processes when given. */
  redis?: Redis;
  keyPrefix?: string;
  /** The upstream's window, default 60,000 ms. */
  windowMs?: number;
  /** Longest a request can be in flight (its timeout plus a margin), default 15,000 ms. */
  maxInFlightMs?: number;
  /** Share of the budget only interactive calls may use, default 0.2. */
  interactiveReserve?: number;
  /**
   * This process's share of the budget (0..1] while the shared store (Redis) is unreachable,
   * default 1/3 (the bot, the worker and the API share one key). With Redis down the processes
   * cannot see each other's calls, so each keeps to its share and their sum stays within the plan.
   */
  fallbackShare?: number;
  onEvent?: (e: CoreEvent) => void;
}

interface Waiter {
  resolve(ticket: QuotaTicket): void;
  reject(e: unknown): void;
}

/**
 * Effective budget: a few requests below the plan and a window a little longer than the
 * upstream's, because a request admitted here reaches CoinGlass a moment later and two requests
 * may arrive in a different order than they were admitted.
 */
export function safeBudget(limit: number, windowMs: number) {
  const safeLimit = Math.max(1, limit - Math.max(1, Math.ceil(limit * 0.05)));
  const safeWindowMs = windowMs + Math.max(50, Math.ceil(windowMs * 0.03));
  return { safeLimit, safeWindowMs };
}

/**
 * The upstream budget, sized by the plan, shared through Redis (a sliding-window log updated by
 * one Lua script) or in-process. Two lanes: interactive waiters are always admitted first, and
 * background callers (in any process) may use only part of the window, so a person never waits
 * behind pollers.
 */
export function createQuota(opts: QuotaOptions): Quota {
  const windowMs = opts.windowMs ?? 60_000;
  let planLimit = PLAN_LIMITS[opts.plan];
  let budget = safeBudget(planLimit, windowMs);
  const reserve = opts.interactiveReserve ?? 0.2;
  const holdMs = opts.maxInFlightMs ?? 15_000;
  const backgroundLimit = () => Math.max(1, Math.floor(budget.safeLimit * (1 - reserve)));
  const window: SlidingWindow = opts.redis
    ? createFallbackWindow({
        redis: opts.redis,
        shared: createRedisWindow(
          opts.redis,
          `${opts.keyPrefix ?? "teleglas:"}quota:${windowMs}`,
          budget.safeWindowMs,
        ),
        local: createMemoryWindow(budget.safeWindowMs),
        share: opts.fallbackShare ?? 1 / 3,
        onChange: (active, limit, cause) =>
          opts.onEvent?.({ type: "quota_fallback", active, limitPerWindow: limit, cause }),
      })
    : createMemoryWindow(budget.safeWindowMs);
  const queues: Record<Lane, Waiter[]> = { interactive: [], background: [] };
  let lastCount = 0;
  let pumping = false;
  let closed = false;
  let wake: (() => void) | null = null;
  let sleepTimer: NodeJS.Timeout | null = null;

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      wake = () => {
        if (sleepTimer) clearTimeout(sleepTimer);
        sleepTimer = null;
        wake = null;
        resolve();
      };
      sleepTimer = setTimeout(() => wake?.(), ms);
    });

  // Answered requests are re-dated in batches: one store round trip per tick, not per request.
  let settling: string[] = [];
  const flush = () => {
    const ids = settling;
    settling = [];
    window
      .settle(ids)
      .then(() => wake?.())
      .catch(() => {});
  };
  const ticket = (id: string): QuotaTicket => {
    let done = false;
    return {
      done() {
        if (done) return;
        done = true;
        if (settling.length === 0) setImmediate(flush);
        settling.push(id);
      },
    };
  };

  const failAll = (error: unknown) => {
    for (const lane of ["interactive", "background"] as const) {
      for (const w of queues[lane].splice(0)) w.reject(error);
    }
  };

  async function pump(): Promise<void> {
    if (pumping) return;
    pumping = true;
    try {
      while (!closed && queues.interactive.length + queues.background.length > 0) {
        const lane: Lane = queues.interactive.length > 0 ? "interactive" : "background";
        const queue = queues[lane];
        const want = Math.min(queue.length, 64);
        const limit = lane === "interactive" ? budget.safeLimit : backgroundLimit();
        const got = await window.take(want, limit, holdMs);
        lastCount = got.count;
        for (const id of got.ids) {
          const w = queue.shift();
          if (w) w.resolve(ticket(id));
          else ticket(id).done();
        }
        // Re-check at least every 250 ms: requests in flight (here or in another process) free
        // their slot earlier than their placeholder date says once they are answered.
        if (got.ids.length < want) await sleep(Math.min(got.waitMs, 250));
      }
    } catch (error) {
      failAll(new CoinGlassError("upstream quota store unavailable", { cause: error }));
    } finally {
      pumping = false;
    }
  }

  return {
    acquire(lane, signal) {
      if (closed) return Promise.reject(new CoinGlassError("quota closed"));
      return new Promise<QuotaTicket>((resolve, reject) => {
        const waiter: Waiter = { resolve, reject };
        if (signal) {
          if (signal.aborted) return reject(signal.reason);
          const onAbort = () => {
            const q = queues[lane];
            const i = q.indexOf(waiter);
            if (i >= 0) q.splice(i, 1);
            reject(signal.reason);
          };
          signal.addEventListener("abort", onAbort, { once: true });
          waiter.resolve = (t) => {
            signal.removeEventListener("abort", onAbort);
            resolve(t);
          };
        }
        queues[lane].push(waiter);
        // An interactive arrival may fit under the full limit while background sleeps.
        if (lane === "interactive") wake?.();
        void pump();
      });
    },
    sync(used, limit) {
      if (limit !== null && limit > 0 && limit < planLimit) {
        planLimit = limit;
        budget = safeBudget(planLimit, windowMs);
      }
      // Only when the upstream knows of more use than we do (another client of the same key).
      if (used > lastCount) {
        opts.onEvent?.({ type: "quota_sync", used, limit: limit ?? planLimit });
        lastCount = used;
        window.raiseTo(used).catch(() => {});
      }
    },
    stats() {
      return {
        fallback: "fallback" in window ? (window as FallbackWindow).fallback() : null,
        limitPerMinute: planLimit,
        usedLastMinute: lastCount,
        queuedInteractive: queues.interactive.length,
        queuedBackground: queues.background.length,
      };
    },
    async close() {
      closed = true;
      wake?.();
      failAll(new CoinGlassError("quota closed"));
      if (settling.length > 0) flush();
    },
  };
}
