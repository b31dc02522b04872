import { createHash } from "node:crypto";
import type { Redis } from "ioredis";
import type { DeliveryJob } from "./types.js";

/** A queued job without its message: every chat of an alert in one language shares one copy. */
export type StoredJob = Omit<DeliveryJob, "text" | "replyMarkup"> & { msg: string };
type Message = Pick<DeliveryJob, "text" | "replyMarkup">;

/**
 * Longer than any job can wait: quiet hours hold a job under a day, retries take minutes. A job
 * whose message has expired fails (it is retried, then kept as failed) rather than sending an
 * empty text.
 */
const TTL_S = 8 * 86_400;
/** Messages kept in the process: a fan-out's jobs run one alert (and a language or two) at a time. */
const CACHE = 64;

/**
 * Alert messages stored once in Redis under their content hash, the queue's jobs carrying the
 * hash: 100,000 copies of the same 1 kB text cost 100 MB of Redis and as much to write. Content
 * addressed, so storing again (a dispatcher re-running an alert after a crash) is a no-op, and
 * the message is written before any job that names it.
 */
export function messageStore(redis: Redis, prefix: string) {
  const cache = new Map<string, Message>();
  const keyOf = (hash: string) => `${prefix}msg:${hash}`;
  const remember = (hash: string, m: Message) => {
    cache.set(hash, m);
    if (cache.size > CACHE) cache.delete(cache.keys().next().value as string);
  };
  return {
    /** Stores the jobs' messages and answers the jobs as queued. */
    async put(jobs: DeliveryJob[]): Promise<StoredJob[]> {
      // The jobs of one alert and language share one string: hash it once.
      const hashes = new Map<string, string>();
      const written = new Set<string>();
      const out: StoredJob[] = [];
      const writes = redis.pipeline();
      for (const { text, replyMarkup, ...rest } of jobs) {
        let hash = replyMarkup === undefined ? hashes.get(text) : undefined;
        if (hash === undefined) {
          const message: Message = { text, ...(replyMarkup ? { replyMarkup } : {}) };
          const body = JSON.stringify(message);
          hash = createHash("sha1").update(body).digest("hex");
          if (replyMarkup === undefined) hashes.set(text, hash);
          if (!written.has(hash)) writes.set(keyOf(hash), body, "EX", TTL_S);
          written.add(hash);
          remember(hash, message);
        }
        out.push({ ...rest, msg: hash });
      }
      if (writes.length > 0) await writes.exec();
      return out;
    },
    /** The job with its message again. */
    async get(job: StoredJob): Promise<DeliveryJob> {
      const { msg, ...rest } = job;
      let m = cache.get(msg);
      if (m === undefined) {
        const raw = await redis.get(keyOf(msg));
        if (raw === null) throw new Error(`the message of alert ${job.alertId} has expired`);
        m = JSON.parse(raw) as Message;
        remember(msg, m);
      }
      return { ...rest, ...m };
    },
    /** A job as queued again (after a try changed it). */
    strip(job: DeliveryJob, msg: string): StoredJob {
      const { text: _t, replyMarkup: _r, ...rest } = job;
      return { ...rest, msg };
    },
  };
}
