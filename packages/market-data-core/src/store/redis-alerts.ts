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
import { coalescedScript, redisScript } from "./redis-script.js";
import type { AlertStore, AlertStoreOptions, ConsumeOptions, PublishGuards } from "./types.js";

// Every publish of one event-loop turn in one script run (see coalescedScript). Per alert, in
// order: the seen mark (when its TTL is given), the cooldown (when its TTL is given), the
// idempotency mark, then the stream entry, the log and the live fan-out. A step that succeeded
// stays when a later one refuses, as separate calls would leave it. Replies, per alert: 0
// duplicate, 1 published, 2 seen, 3 cooling. The log is trimmed once per run.
// KEYS: stream, log, then per alert: id mark, cooldown, seen (an unused guard repeats the id
// mark so every alert has three keys). ARGV: queue cap, log cap, channel, id TTL, then per alert:
// JSON, cooldown TTL or '', seen TTL or ''.
const publishScript = redisScript(`
local out, published = {}, false
for i = 0, (#KEYS - 2) / 3 - 1 do
  local k, a = 3 + i * 3, 5 + i * 3
  local code = 1
  if ARGV[a + 2] ~= '' and not redis.call('SET', KEYS[k + 2], '1', 'PX', ARGV[a + 2], 'NX') then code = 2
  elseif ARGV[a + 1] ~= '' and not redis.call('SET', KEYS[k + 1], '1', 'PX', ARGV[a + 1], 'NX') then code = 3
  elseif not redis.call('SET', KEYS[k], '1', 'PX', ARGV[4], 'NX') then code = 0
  else
    redis.call('XADD', KEYS[1], 'MAXLEN', '~', ARGV[1], '*', 'alert', ARGV[a])
    redis.call('LPUSH', KEYS[2], ARGV[a])
    redis.call('PUBLISH', ARGV[3], ARGV[a])
    published = true
  end
  out[i + 1] = code
end
if published then redis.call('LTRIM', KEYS[2], 0, tonumber(ARGV[2]) - 1) end
return out`);
const OUTCOMES = ["duplicate", "published", "seen", "cooling"] as const;

// A newer state of a published alert, atomically: refused when the id was never published (0)
// or a state at least as new is stored (2); else kept as the latest state, appended to the queue,
// swapped into the recent log (found by its `"id":"…"`; the log is short and updates come
// seconds apart) and fanned out (1). A state counting fewer events than the stored one comes from
// a worker that joined the event late (a failover): its status and time are taken, the larger
// totals kept, so a storm's figures never shrink.
// KEYS: id mark, latest state, stream, log. ARGV: JSON, updated_at, id, queue cap, channel, TTL.
const updateScript = redisScript(`
if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
local json = ARGV[1]
local prev = redis.call('GET', KEYS[2])
if prev then
  local p = cjson.decode(prev)
  if (p.updated_at or 0) >= tonumber(ARGV[2]) then return 2 end
  local n = cjson.decode(json)
  if (p.count or 0) > (n.count or 0) then
    for _, f in ipairs({'usd', 'count', 'exchanges', 'first_at', 'severity', 'detail'}) do n[f] = p[f] end
    if (p.last_at or 0) > (n.last_at or 0) then n.last_at = p.last_at end
    json = cjson.encode(n)
  end
end
redis.call('SET', KEYS[2], json, 'PX', ARGV[6])
redis.call('XADD', KEYS[3], 'MAXLEN', '~', ARGV[4], '*', 'alert', json)
local needle = '"id":' .. cjson.encode(ARGV[3])
for i, v in ipairs(redis.call('LRANGE', KEYS[4], 0, -1)) do
  if string.find(v, needle, 1, true) then
    redis.call('LSET', KEYS[4], i - 1, json)
    break
  end
end
redis.call('PUBLISH', ARGV[5], json)
return 1`);
const UPDATE_OUTCOMES = ["unknown", "updated", "stale"] as const;
/** SET PX takes whole milliseconds, at least 1 (as `stores.cooldowns` and `stores.ledger` round). */
const px = (ms: number) => Math.max(1, Math.ceil(ms));

type StreamEntry = [id: string, fields: string[] | null];

/** The alert as JSON with `id` as its first key (read first by anyone scanning the log). */
const idFirst = ({ id, ...rest }: Alert) => JSON.stringify({ id, ...rest });

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
 * delivery, pub/sub for the live tail. Keys: `<prefix>alerts:{recent,stream,seen:<id>,latest:<id>}`.
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

  type Pending = { alert: Alert; guards?: PublishGuards };
  const run = coalescedScript(publishScript, redis, (items: Pending[]) => {
    const keys = [streamKey, recentKey];
    const args: (string | number)[] = [maxLen, recentMax, channel, dedupeTtlMs];
    for (const { alert, guards: g } of items) {
      const idKey = `${prefix}alerts:seen:${alert.id}`;
      keys.push(
        idKey,
        g ? guards.cooldowns + g.cooldownKey : idKey,
        g?.seenKey ? guards.ledger + g.seenKey : idKey,
      );
      args.push(idFirst(alert), g ? px(g.cooldownMs) : "", g?.seenKey ? px(g.seenTtlMs) : "");
    }
    return { keys, args };
  });
  const outcome = async (p: Pending) => {
    const code = Number(await run(p));
    const o = OUTCOMES[code];
    if (o === undefined) throw new Error(`unexpected publish reply: ${code}`);
    return o;
  };

  return {
    publish: async (alert) => (await outcome({ alert: AlertSchema.parse(alert) })) === "published",
    publishGuarded: async (alert, guards) => outcome({ alert, guards }),
    async update(alert) {
      const valid = AlertSchema.parse(alert);
      const code = Number(
        await updateScript(
          redis,
          [`${prefix}alerts:seen:${valid.id}`, `${prefix}alerts:latest:${valid.id}`, streamKey, recentKey],
          [idFirst(valid), valid.updated_at ?? 0, valid.id, maxLen, channel, dedupeTtlMs],
        ),
      );
      const o = UPDATE_OUTCOMES[code];
      if (o === undefined) throw new Error(`unexpected update reply: ${code}`);
      return o;
    },
    latest: async (id) => parseAlert((await redis.get(`${prefix}alerts:latest:${id}`)) ?? undefined),
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
