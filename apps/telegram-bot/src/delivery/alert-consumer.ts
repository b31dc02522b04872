import type {
  Alert,
  AlertStore,
  QueueCursor,
  QueueEntry,
  QueueReadOptions,
} from "@teleglas/market-data-core";

/** Options of one consumer of the durable alert queue; every field has a default. */
export interface ConsumeOptions extends Partial<QueueReadOptions> {
  /**
   * Called when the handler throws (with its alert; the entry stays pending and is retried later)
   * or when reading the queue fails (without an alert; the consumer retries after a pause).
   */
  onError?: (error: unknown, alert?: Alert) => void;
}

export const CONSUME_DEFAULTS: QueueReadOptions = {
  batch: 50,
  blockMs: 2000,
  claimIdleMs: 30_000,
  from: "start",
};
const ERROR_PAUSE_MS = 1000;

export class MalformedQueueEntryError extends Error {
  constructor(readonly entryId: string) {
    super(`alert queue entry ${entryId} is not a valid alert; acknowledged and skipped`);
    this.name = "MalformedQueueEntryError";
  }
}

/** A pause that `stop` can end early. */
function pauses() {
  let timer: NodeJS.Timeout | undefined;
  let end: (() => void) | undefined;
  return {
    wait: (ms: number) =>
      new Promise<void>((resolve) => {
        end = resolve;
        timer = setTimeout(resolve, ms);
      }),
    cut() {
      clearTimeout(timer);
      end?.();
    },
  };
}

/**
 * The bot's end of the durable alert queue: join the group (retrying while Redis is down at
 * start), then the at-least-once loop — redo own pending entries at start, reclaim stale ones
 * from crashed or failing consumers every claimIdleMs/2, otherwise block for new ones — and
 * acknowledge an entry only after the handler resolved.
 */
export function consumeAlerts(
  queue: Pick<AlertStore, "join">,
  group: string,
  consumer: string,
  handler: (alert: Alert) => Promise<void>,
  opts: ConsumeOptions = {},
): { stop(): Promise<void> } {
  const { onError, ...read } = opts;
  const o: QueueReadOptions = { ...CONSUME_DEFAULTS, ...read };
  const pause = pauses();
  let running = true;
  let cursor: QueueCursor | undefined;

  const deliver = async (c: QueueCursor, entry: QueueEntry) => {
    if (entry.alert === null) {
      await c.ack(entry.id);
      onError?.(new MalformedQueueEntryError(entry.id));
      return;
    }
    try {
      await handler(entry.alert);
    } catch (error) {
      onError?.(error, entry.alert);
      return;
    }
    await c.ack(entry.id);
  };

  const loop = async (c: QueueCursor) => {
    let lastClaim = Date.now();
    let batch = await c.ownPending().catch(() => [] as QueueEntry[]);
    while (running) {
      try {
        if (batch.length === 0 && Date.now() - lastClaim >= o.claimIdleMs / 2) {
          lastClaim = Date.now();
          batch = await c.claim();
        }
        if (batch.length === 0) batch = await c.read();
        for (const entry of batch) {
          if (!running) break;
          await deliver(c, entry);
        }
        batch = [];
      } catch (error) {
        batch = [];
        if (!running) break;
        onError?.(error);
        await pause.wait(ERROR_PAUSE_MS);
      }
    }
    await c.close();
  };

  const done = (async () => {
    // Joining needs the backend; if Redis is down at start, keep trying until stopped.
    while (running && !cursor) {
      try {
        cursor = await queue.join(group, consumer, o);
      } catch (error) {
        onError?.(error);
        await pause.wait(o.blockMs);
      }
    }
    if (cursor && !running) await cursor.close();
    else if (cursor) await loop(cursor);
  })();

  return {
    async stop() {
      if (running) {
        running = false;
        pause.cut();
        cursor?.interrupt();
      }
      await done;
    },
  };
}
