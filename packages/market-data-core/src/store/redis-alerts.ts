import type { Redis } from "ioredis";
import { type Alert, AlertSchema } from "../models/alert.js";
import {
  CONSUME_DEFAULTS,
  filterRecent,
  followHandle,
  notifyFollowers,
  type QueueCursor,
  type QueueEntry,
  runConsumer,
} from "./consumer-loop.js";
import { ALERT_STORE_DEFAULTS } from "./memory-alerts.js";
import { batchedScript, redisScript } from "./redis-script.js";
import type { AlertStore, AlertStoreOptions, ConsumeOptions } from "./types.js";

// One round trip per publish: the idempotency mark, the stream entry, the capped log and the
// live fan-out happen together or not at all.
const APPEND_LUA = `
if not redis.call('SET', KEYS[1], '1', 'PX', ARGV[2], 'NX') then return 0 end
redis.call('XADD', KEYS[2], 'MAXLEN', '~', ARGV[3], '*', 'alert', ARGV[1])
redis.call('LPUSH', KEYS[3], ARGV[1])
redis.call('LTRIM', KEYS[3], 0, tonumber(ARGV[4]) - 1)
redis.call('PUBLISH', ARGV[5], ARGV[1])
return 1`;
const publishScript = redisScript(APPEND_LUA);
// The worker's whole decision in one round trip (three sequential ones made a burst of alerts
// queue behind each other): the seen mark (KEYS[5], when given), the cooldown (KEYS[4]), then
// the publish above. Each step that succeeded stays, as with the separate calls.
const guardedScript = redisScript(`
if KEYS[5] and not redis.call('SET', KEYS[5], '1', 'PX', ARGV[7], 'NX') then return 2 end
if not redis.call('SET', KEYS[4], '1', 'PX', ARGV[6], 'NX') then return 3 end
${APPEND_LUA}`);
const GUARDED_OUTCOMES = ["duplicate", "published", "seen", "cooling"] as const;
/** SET PX takes whole milliseconds, at least 1 (as `stores.cooldowns` and `stores.ledger` round). */
const px = (ms: number) => Math.max(1, Math.ceil(ms));

type StreamEntry = [id: string, fields: string[] | null];

function parseAlert(json: string | undefined): Alert | null {
  if (json === undefined) return null;
  try {
    const parsed = AlertSchema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

function toEntries(raw: StreamEntry[]): QueueEntry[] {
  const out: QueueEntry[] = [];
  for (const [id, fields] of raw) {
    // nil fields: trimmed away while pending; acknowledged and reported like an unreadable entry.
    const at = fields ? fields.indexOf("alert") : -1;
    out.push({ id, alert: parseAlert(at >= 0 ? fields?.[at + 1] : undefined) });
  }
  return out;
}

const isError = (e: unknown, code: string) => e instanceof Error && e.message.startsWith(code);

/**
 * Alerts on Redis: a capped list for the recent log, a Stream with consumer groups for durable
 * delivery, pub/sub for the live tail. Keys: `<prefix>alerts:{recent,stream,seen:<id>}`.
 */
export function createRedisAlertStore(
  redis: Redis,
  prefix: string,
  options: AlertStoreOptions,
  /** Key prefixes of `stores.ledger` and `stores.cooldowns`, which `publishGuarded` checks. */
  guards: { ledger: string; cooldowns: string },
): AlertStore & { close(): Promise<void> } {
  const recentMax = options.recentMax ?? ALERT_STORE_DEFAULTS.recentMax;
  const maxLen = options.queueMaxLen ?? ALERT_STORE_DEFAULTS.queueMaxLen;
  const dedupeTtlMs = options.dedupeTtlMs ?? ALERT_STORE_DEFAULTS.dedupeTtlMs;
  const streamKey = `${prefix}alerts:stream`;
  const recentKey = `${prefix}alerts:recent`;
  const channel = `${prefix}alerts:live`;
  const followers = new Set<(a: Alert) => void>();
  const consumers = new Set<{ stop(): Promise<void> }>();
  let subscriber: { conn: Redis; ready: Promise<void> } | undefined;

  function ensureSubscriber() {
    if (subscriber) return subscriber.ready;
    const conn = redis.duplicate();
    conn.on("message", (_ch: string, json: string) => {
      const alert = parseAlert(json);
      if (alert) notifyFollowers(followers, alert);
    });
    conn.on("error", () => {}); // ioredis reconnects and resubscribes by itself
    const ready = conn.subscribe(channel).then(() => undefined);
    // Callers may never await `ready`; a failed subscribe must not become an unhandled rejection.
    ready.catch(() => {});
    subscriber = { conn, ready };
    return ready;
  }

  async function ensureGroup(group: string, from: ConsumeOptions["from"]) {
    try {
      await redis.xgroup("CREATE", streamKey, group, from === "new" ? "$" : "0", "MKSTREAM");
    } catch (e) {
      if (!isError(e, "BUSYGROUP")) throw e;
    }
  }

  function cursorFor(group: string, consumer: string, opts: ConsumeOptions): QueueCursor {
    const batch = opts.batch ?? CONSUME_DEFAULTS.batch;
    const blockMs = opts.blockMs ?? CONSUME_DEFAULTS.blockMs;
    const claimIdleMs = opts.claimIdleMs ?? CONSUME_DEFAULTS.claimIdleMs;
    // Blocking reads get their own connection so they never stall the shared one.
    const conn = redis.duplicate();
    conn.on("error", () => {});
    let blocking = false;
    let claimCursor = "0-0";
    const readGroup = async (id: string, block: boolean): Promise<QueueEntry[]> => {
      const args: (string | number)[] = ["GROUP", group, consumer, "COUNT", batch];
      if (block) args.push("BLOCK", blockMs);
      blocking = block;
      try {
        const res = (await conn.call("XREADGROUP", ...args, "STREAMS", streamKey, id)) as
          | [string, StreamEntry[]][]
          | null;
        return res?.[0] ? toEntries(res[0][1]) : [];
      } catch (e) {
        // The stream or group was deleted under us (FLUSHALL, cleanup): recreate and carry on.
        if (isError(e, "NOGROUP")) await ensureGroup(group, opts.from);
        throw e;
      } finally {
        blocking = false;
      }
    };
    return {
      ownPending: () => readGroup("0", false),
      async claim() {
        const res = (await conn.xautoclaim(
          streamKey,
          group,
          consumer,
          claimIdleMs,
          claimCursor,
          "COUNT",
          batch,
        )) as [string, StreamEntry[]];
        claimCursor = res[0];
        return toEntries(res[1]);
      },
      read: () => readGroup(">", true),
      async ack(id) {
        await conn.xack(streamKey, group, id);
      },
      interrupt() {
        if (blocking) conn.disconnect();
      },
      async close() {
        if (conn.status !== "end") await conn.quit().catch(() => conn.disconnect());
      },
    };
  }

  // A burst of detections arrives in one event-loop turn: one pipeline for all of it.
  const guarded = batchedScript(guardedScript, redis);
  const appendArgs = (valid: Alert) => ({
    keys: [`${prefix}alerts:seen:${valid.id}`, streamKey, recentKey],
    args: [JSON.stringify(valid), dedupeTtlMs, maxLen, recentMax, channel] as (string | number)[],
  });

  return {
    async publish(alert) {
      const { keys, args } = appendArgs(AlertSchema.parse(alert));
      return (await publishScript(redis, keys, args)) === 1;
    },
    async publishGuarded(alert, g) {
      const { keys, args } = appendArgs(AlertSchema.parse(alert));
      keys.push(guards.cooldowns + g.cooldownKey);
      args.push(px(g.cooldownMs), px(g.seenTtlMs ?? 1));
      if (g.seenKey !== undefined) keys.push(guards.ledger + g.seenKey);
      const code = Number(await guarded(keys, args));
      const outcome = GUARDED_OUTCOMES[code];
      if (outcome === undefined) throw new Error(`unexpected guarded publish reply: ${code}`);
      return outcome;
    },
    async recent(q = {}) {
      const unfiltered = q.symbol === undefined && q.kind === undefined;
      const end = unfiltered ? Math.min(q.limit ?? recentMax, recentMax) - 1 : -1;
      const rows = await redis.lrange(recentKey, 0, end);
      const alerts = rows.map(parseAlert).filter((a): a is Alert => a !== null);
      return filterRecent(alerts, q, recentMax);
    },
    follow(cb) {
      followers.add(cb);
      return followHandle(() => followers.delete(cb), ensureSubscriber());
    },
    consume(group, consumer, handler, opts = {}) {
      let running: { stop(): Promise<void> } | undefined;
      let stopped = false;
      let wake: (() => void) | undefined;
      // Creating the group needs Redis; if it is down at start, keep trying until stopped.
      const started = (async () => {
        while (!stopped) {
          try {
            await ensureGroup(group, opts.from);
            running = runConsumer(cursorFor(group, consumer, opts), handler, opts);
            return;
          } catch (e) {
            opts.onError?.(e);
            await new Promise<void>((r) => {
              wake = r;
              setTimeout(r, CONSUME_DEFAULTS.blockMs);
            });
          }
        }
      })();
      const handle = {
        async stop() {
          stopped = true;
          wake?.();
          consumers.delete(handle);
          await started;
          await running?.stop();
        },
      };
      consumers.add(handle);
      return handle;
    },
    async depth(group) {
      let groups: unknown[];
      try {
        groups = (await redis.xinfo("GROUPS", streamKey)) as unknown[];
      } catch (e) {
        if (isError(e, "ERR no such key")) return 0;
        throw e;
      }
      for (const g of groups as (string | number | null)[][]) {
        const info = new Map<string, string | number | null>();
        for (let i = 0; i + 1 < g.length; i += 2) info.set(String(g[i]), g[i + 1] ?? null);
        if (info.get("name") !== group) continue;
        const pending = Number(info.get("pending") ?? 0);
        const lag = info.get("lag");
        if (lag !== null && lag !== undefined) return pending + Number(lag);
        // lag is unknown after deletions: count the undelivered entries directly.
        const after = await redis.xrange(streamKey, `(${info.get("last-delivered-id")}`, "+");
        return pending + after.length;
      }
      return redis.xlen(streamKey);
    },
    async close() {
      followers.clear();
      await Promise.all([...consumers].map((c) => c.stop()));
      if (subscriber) {
        const { conn } = subscriber;
        subscriber = undefined;
        await conn.quit().catch(() => conn.disconnect());
      }
    },
  };
}
