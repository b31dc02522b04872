import type { Stores } from "@teleglas/market-data-core";
import { DelayedError, type Job, Queue, Worker } from "bullmq";
import type { Redis } from "ioredis";
import { cronPattern, digestOf, timeZoneOf } from "./period.js";
import type { DigestRun } from "./runner.js";
import type { DigestScheduler } from "./types.js";

interface DigestJob {
  chatId: number;
}

export interface BullDigestOptions {
  redis: Redis;
  /** Key prefix, e.g. `teleglas:`; BullMQ keys go under `<prefix>bull` (as the delivery queue's). */
  prefix: string;
  stores: Pick<Stores, "subscriptions">;
  run: DigestRun;
  /** Queue name (default `digest`). */
  name?: string;
  onError?: (error: unknown, chatId?: number) => void;
}

/** One job scheduler per chat; its id names the chat. */
const schedulerId = (chatId: number) => `digest-${chatId}`;

/**
 * Digests on BullMQ job schedulers: one per chat, on the chat's cron pattern in its time zone
 * (`tz`). The scheduler lives in Redis, so it survives restarts, and BullMQ adds each iteration
 * once under a job id made of the scheduler and the scheduled time (`repeat:digest-42:<ms>`): a
 * period becomes exactly one job, whichever bot process adds or takes it. A process that dies
 * mid-job loses its lock and another runs the job again — harmless, as the runner's delivery id
 * is the period's. Quiet hours in `wait` move the job back to delayed until they end.
 */
export function createBullDigests(o: BullDigestOptions): DigestScheduler {
  const name = o.name ?? "digest";
  const prefix = `${o.prefix}bull`;
  const queueConn = o.redis.duplicate({ maxRetriesPerRequest: null });
  const queue = new Queue<DigestJob>(name, { connection: queueConn, prefix });
  let worker: Worker<DigestJob> | null = null;
  let workerConn: Redis | null = null;

  const process = async (job: Job<DigestJob>, token?: string) => {
    // The scheduled time of this iteration (BullMQ's `prevMillis`): the period's name.
    const outcome = await o.run(job.data.chatId, job.opts.prevMillis);
    if (outcome.type === "off") await queue.removeJobScheduler(schedulerId(job.data.chatId));
    if (outcome.type === "wait") {
      await job.moveToDelayed(outcome.until, token);
      throw new DelayedError();
    }
  };

  return {
    backend: "bullmq",
    async sync(chatId) {
      const sub = await o.stores.subscriptions.get(chatId);
      const digest = digestOf(sub);
      if (!sub || !digest) {
        await queue.removeJobScheduler(schedulerId(chatId));
        return;
      }
      await queue.upsertJobScheduler(
        schedulerId(chatId),
        { pattern: cronPattern(digest.schedule), tz: timeZoneOf(sub) },
        {
          name: "digest",
          data: { chatId },
          opts: {
            attempts: 3,
            backoff: { type: "exponential", delay: 5000 },
            removeOnComplete: 1000,
            removeOnFail: 1000,
          },
        },
      );
    },
    start() {
      if (worker) return;
      workerConn = o.redis.duplicate({ maxRetriesPerRequest: null });
      worker = new Worker<DigestJob>(name, process, { connection: workerConn, prefix, concurrency: 4 });
      worker.on("failed", (job, error) => o.onError?.(error, job?.data.chatId));
      // Connection errors: ioredis reconnects; never crash on an unhandled 'error' event.
      worker.on("error", () => {});
    },
    async close() {
      await worker?.close();
      await queue.close();
      workerConn?.disconnect();
      queueConn.disconnect();
    },
  };
}
