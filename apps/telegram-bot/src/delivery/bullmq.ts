import { DelayedError, type Job, Queue, Worker } from "bullmq";
import type { Redis } from "ioredis";
import { bulkAdder } from "./bulk-add.js";
import { messageStore, type StoredJob } from "./messages.js";
import { createRedisPacer } from "./pacer.js";
import { tryDeliver } from "./process.js";
import {
  type Delivery,
  type DeliveryDeps,
  type DeliveryJob,
  emptyStats,
  idOfJob,
  limiterWindow,
} from "./types.js";

/** Edits go after every send waiting (a lower number would come first; sends have none). */
const EDIT_PRIORITY = 10;
/** Jobs per add, and adds in flight at once, when one alert fans out to many chats. */
const CHUNK = 1000;
const LANES = 3;

/** `add` over `items` in chunks, a few in flight: while Redis runs one, the next is built. */
async function inChunks<T>(items: T[], add: (chunk: T[]) => Promise<unknown>): Promise<void> {
  let next = 0;
  const lane = async () => {
    for (let at = next; at < items.length; at = next) {
      next += CHUNK;
      await add(items.slice(at, at + CHUNK));
    }
  };
  await Promise.all(Array.from({ length: LANES }, lane));
}

export interface BullDeliveryOptions extends DeliveryDeps {
  /** A ready ioredis connection; the queue duplicates it (BullMQ needs its own blocking ones). */
  redis: Redis;
  /** Key prefix, e.g. `teleglas:`; BullMQ keys go under `<prefix>bull`. */
  prefix: string;
  /** Queue name (default `alert-delivery`). */
  name?: string;
  /** A job whose worker died is taken over after this long (default 30000 ms). */
  lockDurationMs?: number;
  stalledIntervalMs?: number;
}

/**
 * The durable delivery queue on Redis (BullMQ). The global rate is BullMQ's limiter, which
 * counts across every worker on the same Redis, so adding bot processes never exceeds it; a
 * Telegram 429 pauses the whole queue for `retry_after`. Job ids (alert id + chat id) make
 * enqueueing idempotent; completed jobs are kept an hour so a re-enqueue in that time is a no-op.
 */
export function createBullDelivery(o: BullDeliveryOptions): Delivery {
  const name = o.name ?? "alert-delivery";
  const prefix = `${o.prefix}bull`;
  const queueConn = o.redis.duplicate({ maxRetriesPerRequest: null });
  const queue = new Queue<StoredJob>(name, { connection: queueConn, prefix });
  const messages = messageStore(o.redis, o.prefix);
  const pacer = createRedisPacer(o.redis, o.prefix, o);
  const stats = emptyStats();
  const attempts = o.attempts ?? 5;
  const base = {
    attempts,
    backoff: { type: "exponential", delay: o.backoffMs ?? 1000 },
    removeOnComplete: { age: 3600, count: 200_000 },
    removeOnFail: { age: 7 * 86_400 },
  };
  const addPlain = bulkAdder(queue, o.redis, "alert", base);
  // BullMQ takes jobs without a priority before any prioritized one: a storm's edits (one per
  // chat per state) never hold back the first message of another alert.
  const addEdits = bulkAdder(queue, o.redis, "alert", { ...base, priority: EDIT_PRIORITY });
  let worker: Worker<StoredJob | DeliveryJob> | null = null;
  let workerConn: Redis | null = null;

  const processJob = async (job: Job<StoredJob | DeliveryJob>, token?: string) => {
    if (job.attemptsMade > 0) stats.retried++;
    const later = async (delayMs: number) => {
      await job.moveToDelayed(Date.now() + delayMs, token);
      throw new DelayedError();
    };
    // Jobs queued before messages were stored apart carry their text.
    const stored = "msg" in job.data ? job.data : null;
    const data = stored ? await messages.get(stored) : (job.data as DeliveryJob);
    // Edits pace themselves, and only when they do edit (most coalesce into nothing).
    const wait = data.edit ? 0 : await pacer.acquire(data.chatId);
    if (wait > 0) await later(wait);
    const result = await tryDeliver(o, stats, data, pacer.acquire);
    if (result.type === "rate_limited" && worker) {
      await worker.rateLimit(result.retryAfterMs);
      throw Worker.RateLimitError();
    }
    if (result.type === "later") {
      if (result.job !== data) {
        await job.updateData(stored ? messages.strip(result.job, stored.msg) : result.job);
      }
      await later(result.delayMs);
    }
  };

  return {
    backend: "bullmq",
    async enqueue(jobs, delayMs) {
      if (jobs.length === 0) return;
      const stored = await messages.put(jobs);
      const delay = delayMs && delayMs > 0 ? delayMs : 0;
      const withIds = (list: StoredJob[]) => list.map((data) => ({ id: idOfJob(data), data }));
      if (delay === 0) {
        // Due now: the bulk script, sends and edits apart (their options differ by the priority).
        await inChunks(withIds(stored.filter((j) => !j.edit)), addPlain);
        await inChunks(withIds(stored.filter((j) => j.edit)), addEdits);
        return;
      }
      // Held (quiet hours), grouped by when the hold ends: BullMQ's addBulk (the script adds no delays).
      await inChunks(stored, (chunk) =>
        queue.addBulk(
          chunk.map((data) => ({
            name: "alert",
            data,
            opts: { ...base, jobId: idOfJob(data), delay, ...(data.edit ? { priority: EDIT_PRIORITY } : {}) },
          })),
        ),
      );
    },
    start() {
      if (worker) return;
      workerConn = o.redis.duplicate({ maxRetriesPerRequest: null });
      worker = new Worker<StoredJob | DeliveryJob>(name, processJob, {
        connection: workerConn,
        prefix,
        concurrency: o.concurrency ?? 32,
        limiter: limiterWindow(o.ratePerSecond),
        lockDuration: o.lockDurationMs ?? 30_000,
        stalledInterval: o.stalledIntervalMs ?? 30_000,
      });
      worker.on("failed", (job, error) => {
        if (!job) return;
        const final = job.attemptsMade >= attempts;
        if (final) stats.failed++;
        o.onEvent?.({
          type: "failed",
          alertId: job.data.alertId,
          chatId: job.data.chatId,
          error: error.message,
          final,
        });
      });
      // Errors of the worker's own connection are reported by ioredis reconnecting; keep the
      // process alive instead of crashing on an unhandled 'error' event.
      worker.on("error", () => {});
    },
    async depth() {
      const c = await queue.getJobCounts("waiting", "delayed", "active", "prioritized");
      return Object.values(c).reduce((a, b) => a + b, 0);
    },
    async oldestWaitingMs() {
      const [oldest] = await queue.getJobs(["wait"], 0, 0, true);
      return oldest ? Math.max(0, Date.now() - oldest.timestamp - (oldest.opts.delay ?? 0)) : null;
    },
    stats: () => ({ ...stats }),
    async close() {
      await worker?.close();
      await queue.close();
      workerConn?.disconnect();
      queueConn.disconnect();
    },
  };
}
