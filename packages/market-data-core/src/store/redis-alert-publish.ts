// The Redis alert store's writing job: the guarded publish and the update, each one Lua script,
// so a publish's guards, its queue entry, its log line and its live fan-out happen together or
// not at all (the exactly-once start of the alert path).
import type { Redis } from "ioredis";
import { type Alert, AlertSchema } from "../models/alert.js";
import { idFirst } from "./alert-log.js";
import { coalescedScript, redisScript } from "./redis-script.js";
import type { AlertStore, PublishGuards } from "./types.js";

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

/** Where a publish writes, and the caps it keeps. */
export interface RedisAlertKeys {
  /** Key prefix of the id marks and latest states (`<prefix>alerts:`). */
  prefix: string;
  stream: string;
  log: string;
  channel: string;
  queueMaxLen: number;
  recentMax: number;
  dedupeTtlMs: number;
  /** Key prefixes of `stores.ledger` and `stores.cooldowns`, which `publishGuarded` checks. */
  guards: { ledger: string; cooldowns: string };
}

/** publish, publishGuarded and update on Redis. */
export function redisAlertPublisher(
  redis: Redis,
  k: RedisAlertKeys,
): Pick<AlertStore, "publish" | "publishGuarded" | "update"> {
  type Pending = { alert: Alert; guards?: PublishGuards };
  const run = coalescedScript(publishScript, redis, (items: Pending[]) => {
    const keys = [k.stream, k.log];
    const args: (string | number)[] = [k.queueMaxLen, k.recentMax, k.channel, k.dedupeTtlMs];
    for (const { alert, guards: g } of items) {
      const idKey = `${k.prefix}seen:${alert.id}`;
      keys.push(
        idKey,
        g ? k.guards.cooldowns + g.cooldownKey : idKey,
        g?.seenKey ? k.guards.ledger + g.seenKey : idKey,
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
          [`${k.prefix}seen:${valid.id}`, `${k.prefix}latest:${valid.id}`, k.stream, k.log],
          [idFirst(valid), valid.updated_at ?? 0, valid.id, k.queueMaxLen, k.channel, k.dedupeTtlMs],
        ),
      );
      const o = UPDATE_OUTCOMES[code];
      if (o === undefined) throw new Error(`unexpected update reply: ${code}`);
      return o;
    },
  };
}
