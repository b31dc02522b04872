import type { Redis } from "ioredis";

/**
 * A lease one holder has at a time (the alert worker's leadership): across every process on
 * Redis, within this process in memory (the one-process stack, whose only worker takes it at once).
 */
export interface LeaseStore {
  /** Takes the lease for `holder` when it is free; true when `holder` has it now. */
  acquire(key: string, holder: string, ttlMs: number): Promise<boolean>;
  /** Extends the lease when `holder` still has it; false when it was lost (expired, taken). */
  renew(key: string, holder: string, ttlMs: number): Promise<boolean>;
  /** Frees the lease when `holder` has it. */
  release(key: string, holder: string): Promise<void>;
}

// Extend or free only our own lease: a holder that stalled past its TTL must not touch the next one's.
const RENEW = `if redis.call("get", KEYS[1]) == ARGV[1] then return redis.call("pexpire", KEYS[1], ARGV[2]) else return 0 end`;
const RELEASE = `if redis.call("get", KEYS[1]) == ARGV[1] then return redis.call("del", KEYS[1]) else return 0 end`;

/** SET NX PX to take, compare-and-extend and compare-and-delete scripts; keys under `prefix`. */
export function redisLeases(redis: Redis, prefix: string): LeaseStore {
  return {
    acquire: async (key, holder, ttlMs) =>
      (await redis.set(prefix + key, holder, "PX", ttlMs, "NX")) === "OK",
    renew: async (key, holder, ttlMs) =>
      (await redis.eval(RENEW, 1, prefix + key, holder, String(ttlMs))) === 1,
    async release(key, holder) {
      await redis.eval(RELEASE, 1, prefix + key, holder);
    },
  };
}

export function memoryLeases(now: () => number): LeaseStore {
  const held = new Map<string, { holder: string; until: number }>();
  const owner = (key: string) => {
    const h = held.get(key);
    return h && h.until > now() ? h.holder : null;
  };
  return {
    async acquire(key, holder, ttlMs) {
      const o = owner(key);
      if (o !== null) return o === holder;
      held.set(key, { holder, until: now() + ttlMs });
      return true;
    },
    async renew(key, holder, ttlMs) {
      if (owner(key) !== holder) return false;
      held.set(key, { holder, until: now() + ttlMs });
      return true;
    },
    async release(key, holder) {
      if (owner(key) === holder) held.delete(key);
    },
  };
}
