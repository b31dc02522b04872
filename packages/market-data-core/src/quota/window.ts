import type { Redis } from "ioredis";

/** Result of one attempt to take slots from the sliding window. */
export interface Take {
  /** Slots granted (0..want). */
  taken: number;
  /** When nothing (or not all) was granted: ms until the next slot frees up. */
  waitMs: number;
  /** Entries in the window after this attempt. */
  count: number;
}

/**
 * A sliding-window log: one entry per admitted request, kept for `windowMs`. Unlike a token
 * bucket it can never admit more than `limit` inside any window of that length, which is how
 * CoinGlass (and the simulator) count.
 */
export interface SlidingWindow {
  take(want: number, limit: number): Promise<Take>;
  /** Raise the count to at least `used` (entries dated now), e.g. from `API-KEY-USE-LIMIT`. */
  raiseTo(used: number): Promise<void>;
  close(): Promise<void>;
}

/** In-process window, for a single process without Redis. */
export function createMemoryWindow(windowMs: number, now: () => number = Date.now): SlidingWindow {
  const log: number[] = [];
  const prune = (t: number) => {
    let drop = 0;
    while (drop < log.length && (log[drop] as number) <= t - windowMs) drop++;
    if (drop > 0) log.splice(0, drop);
  };
  return {
    async take(want, limit) {
      const t = now();
      prune(t);
      const taken = Math.max(0, Math.min(want, limit - log.length));
      for (let i = 0; i < taken; i++) log.push(t);
      let waitMs = 0;
      if (taken < want) {
        // Enough entries must expire to bring the count below the limit.
        const idx = Math.max(0, log.length - limit);
        waitMs = Math.max(1, (log[idx] ?? t) + windowMs - t);
      }
      return { taken, waitMs, count: log.length };
    },
    async raiseTo(used) {
      const t = now();
      prune(t);
      while (log.length < used) log.push(t);
    },
    async close() {},
  };
}

// KEYS[1] zset of admitted requests, KEYS[2] sequence for unique members.
// ARGV: windowMs, limit, want. Redis TIME is the one clock every process shares.
const TAKE_LUA = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local window = tonumber(ARGV[1])
local limit = tonumber(ARGV[2])
local want = tonumber(ARGV[3])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
local count = redis.call('ZCARD', KEYS[1])
local n = math.min(want, limit - count)
if n > 0 then
  local seq = redis.call('INCRBY', KEYS[2], n)
  for i = 1, n do
    redis.call('ZADD', KEYS[1], now, now .. '-' .. (seq - n + i))
  end
  count = count + n
  redis.call('PEXPIRE', KEYS[1], window * 2)
else
  n = 0
end
local wait = 0
if n < want then
  local idx = count - limit
  if idx < 0 then idx = 0 end
  local e = redis.call('ZRANGE', KEYS[1], idx, idx, 'WITHSCORES')
  if e[2] then wait = tonumber(e[2]) + window - now end
  if wait < 1 then wait = 1 end
end
return {n, wait, count}
`;

// Same keys; ARGV: windowMs, used. Adds entries dated now until the count reaches `used`.
const RAISE_LUA = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local window = tonumber(ARGV[1])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
local missing = tonumber(ARGV[2]) - redis.call('ZCARD', KEYS[1])
if missing > 0 then
  local seq = redis.call('INCRBY', KEYS[2], missing)
  for i = 1, missing do
    redis.call('ZADD', KEYS[1], now, now .. '-' .. (seq - missing + i))
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
  ): Promise<[number, number, number]>;
  teleglasQuotaRaise(k1: string, k2: string, w: number, used: number): Promise<number>;
};

/** Window shared by every process on one Redis: a ZSET log updated atomically by Lua. */
export function createRedisWindow(redis: Redis, key: string, windowMs: number): SlidingWindow {
  const r = redis as WindowRedis;
  if (typeof r.teleglasQuotaTake !== "function") {
    redis.defineCommand("teleglasQuotaTake", { numberOfKeys: 2, lua: TAKE_LUA });
    redis.defineCommand("teleglasQuotaRaise", { numberOfKeys: 2, lua: RAISE_LUA });
  }
  const seqKey = `${key}:seq`;
  return {
    async take(want, limit) {
      const [taken, waitMs, count] = await r.teleglasQuotaTake(key, seqKey, windowMs, limit, want);
      return { taken: Number(taken), waitMs: Number(waitMs), count: Number(count) };
    },
    async raiseTo(used) {
      await r.teleglasQuotaRaise(key, seqKey, windowMs, used);
    },
    async close() {},
  };
}
