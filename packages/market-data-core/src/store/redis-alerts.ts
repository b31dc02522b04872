import type { Redis } from "ioredis";
import type { Alert } from "../models/alert.js";
import {
  ALERT_STORE_DEFAULTS,
  filterRecent,
  followHandle,
  notifyFollowers,
  parseAlert,
} from "./alert-log.js";
import { redisAlertPublisher } from "./redis-alert-publish.js";
import { redisAlertQueue } from "./redis-alert-queue.js";
import type { AlertStore, AlertStoreOptions } from "./types.js";

/**
 * Alerts on Redis, one file per job: the guarded publish (redis-alert-publish.ts) writes a capped
 * list for the recent log, a Stream for the durable queue (redis-alert-queue.ts) and pub/sub for
 * the live tail, which this file reads. Keys: `<prefix>alerts:{recent,stream,seen:<id>,latest:<id>}`.
 */
export function createRedisAlertStore(
  redis: Redis,
  prefix: string,
  options: AlertStoreOptions,
  /** Key prefixes of `stores.ledger` and `stores.cooldowns`, which `publishGuarded` checks. */
  guards: { ledger: string; cooldowns: string },
): AlertStore & { close(): Promise<void> } {
  const recentMax = options.recentMax ?? ALERT_STORE_DEFAULTS.recentMax;
  const keys = {
    prefix: `${prefix}alerts:`,
    stream: `${prefix}alerts:stream`,
    log: `${prefix}alerts:recent`,
    channel: `${prefix}alerts:live`,
    queueMaxLen: options.queueMaxLen ?? ALERT_STORE_DEFAULTS.queueMaxLen,
    recentMax,
    dedupeTtlMs: options.dedupeTtlMs ?? ALERT_STORE_DEFAULTS.dedupeTtlMs,
    guards,
  };
  const followers = new Set<(a: Alert) => void>();
  let subscriber: { conn: Redis; ready: Promise<void> } | undefined;

  function ensureSubscriber() {
    if (subscriber) return subscriber.ready;
    const conn = redis.duplicate();
    conn.on("message", (_ch: string, json: string) => {
      const alert = parseAlert(json);
      if (alert) notifyFollowers(followers, alert);
    });
    conn.on("error", () => {}); // ioredis reconnects and resubscribes by itself
    const ready = conn.subscribe(keys.channel).then(() => undefined);
    // Callers may never await `ready`; a failed subscribe must not become an unhandled rejection.
    ready.catch(() => {});
    subscriber = { conn, ready };
    return ready;
  }

  return {
    ...redisAlertPublisher(redis, keys),
    ...redisAlertQueue(redis, keys.stream),
    latest: async (id) => parseAlert((await redis.get(`${keys.prefix}latest:${id}`)) ?? undefined),
    async recent(q = {}) {
      const unfiltered = q.symbol === undefined && q.kind === undefined;
      const end = unfiltered ? Math.min(q.limit ?? recentMax, recentMax) - 1 : -1;
      const rows = await redis.lrange(keys.log, 0, end);
      const alerts = rows.map(parseAlert).filter((a): a is Alert => a !== null);
      return filterRecent(alerts, q, recentMax);
    },
    follow(cb) {
      followers.add(cb);
      return followHandle(() => followers.delete(cb), ensureSubscriber());
    },
    async close() {
      followers.clear();
      if (subscriber) {
        const { conn } = subscriber;
        subscriber = undefined;
        await conn.quit().catch(() => conn.disconnect());
      }
    },
  };
}
