import type { Alert } from "../models/alert.js";
import type { ConsumeOptions, FollowHandle } from "./types.js";

/** One queue entry; `alert` is null when the stored payload cannot be read (it is acked and reported). */
export interface QueueEntry {
  id: string;
  alert: Alert | null;
}

/** What the consumer loop needs from a queue backend (memory or a Redis consumer group). */
export interface QueueCursor {
  /** This consumer's entries left unacknowledged by an earlier run under the same name. */
  ownPending(): Promise<QueueEntry[]>;
  /** Entries of the group pending longer than claimIdleMs, now assigned to this consumer. */
  claim(): Promise<QueueEntry[]>;
  /** New entries; waits up to blockMs when there are none. */
  read(): Promise<QueueEntry[]>;
  ack(id: string): Promise<void>;
  /** Makes a waiting read return at once (used by stop). */
  interrupt(): void;
  close(): Promise<void>;
}

export const CONSUME_DEFAULTS = { batch: 50, blockMs: 2000, claimIdleMs: 30_000 } as const;
const ERROR_PAUSE_MS = 1000;

export class MalformedQueueEntryError extends Error {
  constructor(readonly entryId: string) {
    super(`alert queue entry ${entryId} is not a valid alert; acknowledged and skipped`);
    this.name = "MalformedQueueEntryError";
  }
}

/**
 * The at-least-once loop shared by both backends: redo own pending entries at start, reclaim
 * stale ones from crashed or failing consumers every claimIdleMs/2, otherwise block for new
 * ones; acknowledge an entry only after the handler resolved.
 */
export function runConsumer(
  cursor: QueueCursor,
  handler: (alert: Alert) => Promise<void>,
  opts: ConsumeOptions,
): { stop(): Promise<void> } {
  const claimEvery = (opts.claimIdleMs ?? CONSUME_DEFAULTS.claimIdleMs) / 2;
  let running = true;
  let pauseTimer: NodeJS.Timeout | undefined;
  let endPause: (() => void) | undefined;

  const deliver = async (entry: QueueEntry) => {
    if (entry.alert === null) {
      await cursor.ack(entry.id);
      opts.onError?.(new MalformedQueueEntryError(entry.id));
      return;
    }
    try {
      await handler(entry.alert);
    } catch (error) {
      opts.onError?.(error, entry.alert);
      return;
    }
    await cursor.ack(entry.id);
  };

  const done = (async () => {
    let lastClaim = Date.now();
    let batch = await cursor.ownPending().catch(() => [] as QueueEntry[]);
    while (running) {
      try {
        if (batch.length === 0 && Date.now() - lastClaim >= claimEvery) {
          lastClaim = Date.now();
          batch = await cursor.claim();
        }
        if (batch.length === 0) batch = await cursor.read();
        for (const entry of batch) {
          if (!running) break;
          await deliver(entry);
        }
        batch = [];
      } catch (error) {
        batch = [];
        if (!running) break;
        opts.onError?.(error);
        await new Promise<void>((resolve) => {
          endPause = resolve;
          pauseTimer = setTimeout(resolve, ERROR_PAUSE_MS);
        });
      }
    }
    await cursor.close();
  })();

  return {
    async stop() {
      if (running) {
        running = false;
        clearTimeout(pauseTimer);
        endPause?.();
        cursor.interrupt();
      }
      await done;
    },
  };
}

/**
 * Filters the newest-first log for `recent()`. An alert addressed to one chat (a personal rule)
 * is that chat's business: it never shows in the shared log or the live tail.
 */
export function filterRecent(
  newestFirst: Iterable<Alert>,
  q: { symbol?: string; kind?: Alert["kind"]; limit?: number },
  max: number,
): Alert[] {
  const limit = Math.min(q.limit ?? max, max);
  const symbol = q.symbol?.toUpperCase();
  const out: Alert[] = [];
  for (const a of newestFirst) {
    if (out.length >= limit) break;
    if (a.chat_id !== undefined) continue;
    if (symbol !== undefined && a.symbol.toUpperCase() !== symbol) continue;
    if (q.kind !== undefined && a.kind !== q.kind) continue;
    out.push(a);
  }
  return out;
}

/** Builds the handle `follow()` returns. */
export function followHandle(stop: () => void, ready: Promise<void>): FollowHandle {
  return Object.assign(() => stop(), { ready });
}

/**
 * Hands an alert to every follower. A follower that throws (say, an SSE response already closed)
 * must not fail the publish or starve the other followers, so its error is dropped here.
 */
export function notifyFollowers(followers: Iterable<(a: Alert) => void>, alert: Alert): void {
  if (alert.chat_id !== undefined) return; // addressed: see filterRecent
  for (const cb of followers) {
    try {
      cb(alert);
    } catch {
      // see above: the follower owns its errors
    }
  }
}
