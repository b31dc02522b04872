import type { DigestSettings, Stores } from "@teleglas/market-data-core";
import { digestOf, nextRun, timeZoneOf } from "./period.js";
import type { DigestRun } from "./runner.js";
import type { DigestScheduler } from "./types.js";

interface Entry {
  schedule: DigestSettings["schedule"];
  timeZone: string;
  /** The scheduled time of the period due next. */
  start: number;
  /** When to run it: `start`, or the end of quiet hours it waits for. */
  dueAt: number;
  running: boolean;
}

export interface MemoryDigestOptions {
  stores: Pick<Stores, "subscriptions">;
  run: DigestRun;
  now?: () => number;
  /** How often due digests are looked for (default 1000 ms). */
  tickMs?: number;
  onError?: (error: unknown, chatId?: number) => void;
}

/**
 * The one-process twin of the BullMQ digests (no Redis): the same cron patterns, time zones and
 * runner, due times kept in process memory and checked every second — lost on exit, which is
 * acceptable only for the local stack, whose stores are in memory too. Checking the clock
 * rather than sleeping until a period keeps it right when the clock jumps (a suspended laptop).
 */
export function createMemoryDigests(o: MemoryDigestOptions): DigestScheduler {
  const now = o.now ?? Date.now;
  const entries = new Map<number, Entry>();
  let timer: NodeJS.Timeout | null = null;

  const runOne = async (chatId: number, e: Entry) => {
    e.running = true;
    try {
      const outcome = await o.run(chatId, e.start);
      if (outcome.type === "off") entries.delete(chatId);
      else if (outcome.type === "wait") e.dueAt = outcome.until;
      else e.start = e.dueAt = nextRun(e.schedule, e.timeZone, Math.max(e.start, now()));
    } catch (error) {
      o.onError?.(error, chatId);
      e.dueAt = now() + 60_000;
    } finally {
      e.running = false;
    }
  };

  const tick = () => {
    const at = now();
    for (const [chatId, e] of entries) if (!e.running && e.dueAt <= at) void runOne(chatId, e);
  };

  const scheduler: DigestScheduler = {
    backend: "memory",
    async sync(chatId) {
      const sub = await o.stores.subscriptions.get(chatId);
      const digest = digestOf(sub);
      if (!sub || !digest) {
        entries.delete(chatId);
        return;
      }
      const timeZone = timeZoneOf(sub);
      const start = nextRun(digest.schedule, timeZone, now());
      entries.set(chatId, { schedule: digest.schedule, timeZone, start, dueAt: start, running: false });
    },
    start() {
      if (timer) return;
      timer = setInterval(tick, o.tickMs ?? 1000);
      timer.unref();
    },
    async close() {
      if (timer) clearInterval(timer);
      timer = null;
    },
  };
  return scheduler;
}
