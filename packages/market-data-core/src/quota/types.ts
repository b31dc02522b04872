import type { CoinGlassPlan } from "../config/env.js";
import type { Lane } from "../models/result.js";

/** Requests per minute of each CoinGlass plan (coinglass-api.md §3.3). */
export const PLAN_LIMITS: Record<CoinGlassPlan, number> = {
  hobbyist: 30,
  startup: 80,
  standard: 300,
  professional: 1200,
};

/** One admitted upstream request. */
export interface QuotaTicket {
  /** Call when the answer (or the failure) came back: the request stops counting as in flight. */
  done(): void;
}

/** The upstream budget, shared by every process on one Redis (in-process without Redis). */
export interface Quota {
  /** Resolves when one upstream request may be sent; interactive callers are admitted first. */
  acquire(lane: Lane, signal?: AbortSignal): Promise<QuotaTicket>;
  /** Feed the upstream's own count (`API-KEY-USE-LIMIT`) so the local view never under-counts. */
  sync(usedInWindow: number, limit: number | null): void;
  /** Snapshot for stats. */
  stats(): {
    /**
     * Set while the shared store (Redis) is unreachable and this process admits calls on its own
     * share of the budget: why, and that share per window. Null when shared or in-process by design.
     */
    fallback: { cause: string; limitPerWindow: number } | null;
    limitPerMinute: number;
    usedLastMinute: number;
    queuedInteractive: number;
    queuedBackground: number;
  };
  close(): Promise<void>;
}
