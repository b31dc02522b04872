import type { Redis } from "ioredis";

/** Result of one attempt to take slots from the sliding window. */
export interface Take {
  /** Ids of the slots granted (0..want of them). */
  ids: string[];
  /** When not all were granted: ms until the next slot frees up. */
  waitMs: number;
  /** Entries in the window after this attempt. */
  count: number;
}

/**
 * A sliding-window log: one entry per admitted request. Unlike a token bucket it can never admit
 * more than `limit` inside any window of that length, which is how CoinGlass (and the simulator)
 * count.
 *
 * The upstream counts a request when it *arrives*, which can be well after we admit it (a busy
 * event loop, a slow network). So an entry is first dated `now + holdMs` (the latest it can
 * arrive: the request times out by then) and `settle` re-dates it to when the answer came back,
 * still no earlier than its arrival. Entries therefore never leave our window before they leave
 * the upstream's.
 */
export interface SlidingWindow {
  take(want: number, limit: number, holdMs: number): Promise<Take>;
  /** The requests of these ids are answered: date them now. */
  settle(ids: string[]): Promise<void>;
  /** Raise the count to at least `used` (entries dated now), e.g. from `API-KEY-USE-LIMIT`. */
  raiseTo(used: number): Promise<void>;
}

/** In-process window, for a single process without Redis. */
export function createMemoryWindow(windowMs: number, now: () => number = Date.now): SlidingWindow {
  const log = new Map<string, number>();
  let seq = 0;
  const prune = (t: number) => {
    for (const [id, at] of log) if (at <= t - windowMs) log.delete(id);
  };
  return {
    async take(want, limit, holdMs) {
      const t = now();
      prune(t);
      const n = Math.max(0, Math.min(want, limit - log.size));
      const ids: string[] = [];
      for (let i = 0; i < n; i++) {
        const id = String(++seq);
        log.set(id, t + holdMs);
        ids.push(id);
      }
      let waitMs = 0;
      if (n < want) {
        // Enough entries must expire to bring the count below the limit.
        const sorted = [...log.values()].sort((a, b) => a - b);
        const at = sorted[Math.max(0, log.size - limit)] ?? t;
        waitMs = Math.max(1, at + windowMs - t);
      }
      return { ids, waitMs, count: log.size };
    },
    async settle(ids) {
      const t = now();
      for (const id of ids) if (log.has(id)) log.set(id, Math.min(log.get(id) as number, t));
    },
    async raiseTo(used) {
      const t = now();
      prune(t);
      while (log.size < used) log.set(`s${++seq}`, t);
    },
  };
}

// Shared preamble: Redis TIME is the one clock every process shares.
const NOW = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
`;

// KEYS[1] zset of admitted requests, KEYS[2] sequence. ARGV: windowMs, limit, want, holdMs.
const TAKE_LUA = `${NOW}
local window = tonumber(ARGV[1])
local limit = tonumber(ARGV[2])
local want = tonumber(ARGV[3])
local hold = tonumber(ARGV[4])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
local count = redis.call('ZCARD', KEYS[1])
local n = math.min(want, limit - count)
local ids = {}
if n > 0 then
  local seq = redis.call('INCRBY', KEYS[2], n)
  for i = 1, n do
    local id = tostring(seq - n + i)
    redis.call('ZADD', KEYS[1], now + hold, id)
    ids[i] = id
  end
  count = count + n
  redis.call('PEXPIRE', KEYS[1], window * 2 + hold)
end
local wait = 0
if #ids < want then
  local idx = count - limit
  if idx < 0 then idx = 0 end
  local e = redis.call('ZRANGE', KEYS[1], idx, idx, 'WITHSCORES')
  if e[2] then wait = tonumber(e[2]) + window - now end
  if wait < 1 then wait = 1 end
end
return {wait, count, ids}
`;

// KEYS[1] zset. ARGV: ids. Re-date answered requests to now (never later than they were).
const SETTLE_LUA = `${NOW}
for i = 1, #ARGV do
  redis.call('ZADD', KEYS[1], 'XX', 'LT', now, ARGV[i])
end
return 1
`;

// KEYS[1] zset, KEYS[2] sequence. ARGV: windowMs, used.
const RAISE_LUA = `${NOW}
local window = tonumber(ARGV[1])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
local missing = tonumber(ARGV[2]) - redis.call('ZCARD', KEYS[1])
if missing > 0 then
  local seq = redis.call('INCRBY', KEYS[2], missing)
  for i = 1, missing do
    redis.call('ZADD', KEYS[1], now, 's' .. (seq - missing + i))
  end
  redis.call('PEXPIRE', KEYS[1], window * 2)
end
return missing
`;

type WindowRedis = Redis & {
  teleglasQuotaTake(
    k1: string,
    k2: string,
    w: number,
    l: number,
    n: number,
    h: number,
  ): Promise<[number, number, string[]]>;
  teleglasQuotaSettle(k1: string, ...ids: string[]): Promise<number>;
  teleglasQuotaRaise(k1: string, k2: string, w: number, used: number): Promise<number>;
};

/** Window shared by every process on one Redis: a ZSET log updated atomically by Lua. */
export function createRedisWindow(redis: Redis, key: string, windowMs: number): SlidingWindow {
  const r = redis as WindowRedis;
  if (typeof r.teleglasQuotaTake !== "function") {
    redis.defineCommand("teleglasQuotaTake", { numberOfKeys: 2, lua: TAKE_LUA });
    redis.defineCommand("teleglasQuotaSettle", { numberOfKeys: 1, lua: SETTLE_LUA });
    redis.defineCommand("teleglasQuotaRaise", { numberOfKeys: 2, lua: RAISE_LUA });
  }
  const seqKey = `${key}:seq`;
  return {
    async take(want, limit, holdMs) {
      const [waitMs, count, ids] = await r.teleglasQuotaTake(key, seqKey, windowMs, limit, want, holdMs);
      return { ids: ids.map(String), waitMs: Number(waitMs), count: Number(count) };
    },
    async settle(ids) {
      if (ids.length > 0) await r.teleglasQuotaSettle(key, ...ids);
    },
    async raiseTo(used) {
      await r.teleglasQuotaRaise(key, seqKey, windowMs, used);
    },
  };
}
