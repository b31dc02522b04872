import type { Redis } from "ioredis";
import { ALERT_KINDS, type AlertKind } from "../models/alert.js";
import type { CooldownStore, DeliveryLedger, FlagStore } from "./types.js";

/** Keys that exist for a while: the primitive under cooldowns and the delivery ledger. */
export interface TtlKeys {
  /** Sets the key if absent (atomic); true when this call set it. */
  setNx(key: string, ttlMs: number): Promise<boolean>;
  exists(key: string): Promise<boolean>;
  del(key: string): Promise<void>;
}

export function cooldownStore(keys: TtlKeys): CooldownStore {
  return { tryAcquire: keys.setNx, clear: keys.del };
}

export function deliveryLedger(keys: TtlKeys): DeliveryLedger {
  return { markOnce: keys.setNx, has: keys.exists };
}

const SWEEP_EVERY = 1024;

/** In-process TTL keys; expired keys are dropped lazily and by a sweep every 1024 writes. */
export function memoryTtlKeys(now: () => number): TtlKeys {
  const expiries = new Map<string, number>();
  let writes = 0;
  const live = (key: string, t: number) => {
    const exp = expiries.get(key);
    return exp !== undefined && exp > t;
  };
  return {
    async setNx(key, ttlMs) {
      const t = now();
      if (live(key, t)) return false;
      expiries.set(key, t + ttlMs);
      if (++writes % SWEEP_EVERY === 0) {
        for (const [k, exp] of expiries) if (exp <= t) expiries.delete(k);
      }
      return true;
    },
    async exists(key) {
      return live(key, now());
    },
    async del(key) {
      expiries.delete(key);
    },
  };
}

/** Redis TTL keys under a prefix: SET NX PX is atomic across every process. */
export function redisTtlKeys(redis: Redis, prefix: string): TtlKeys {
  return {
    async setNx(key, ttlMs) {
      return (await redis.set(prefix + key, "1", "PX", Math.max(1, Math.ceil(ttlMs)), "NX")) === "OK";
    },
    async exists(key) {
      return (await redis.exists(prefix + key)) === 1;
    },
    async del(key) {
      await redis.del(prefix + key);
    },
  };
}

function allFlags(get: (kind: AlertKind) => boolean): Record<AlertKind, boolean> {
  return Object.fromEntries(ALERT_KINDS.map((k) => [k, get(k)])) as Record<AlertKind, boolean>;
}

export function memoryFlagStore(): FlagStore {
  const off = new Set<AlertKind>();
  return {
    async kindEnabled(kind) {
      return !off.has(kind);
    },
    async setKind(kind, on) {
      if (on) off.delete(kind);
      else off.add(kind);
    },
    async all() {
      return allFlags((k) => !off.has(k));
    },
  };
}

/** Flags in one hash (`<prefix>flags`), "0" = off; a kind never set is on. */
export function redisFlagStore(redis: Redis, prefix: string): FlagStore {
  const key = `${prefix}flags`;
  return {
    async kindEnabled(kind) {
      return (await redis.hget(key, kind)) !== "0";
    },
    async setKind(kind, on) {
      await redis.hset(key, kind, on ? "1" : "0");
    },
    async all() {
      const stored = await redis.hgetall(key);
      return allFlags((k) => stored[k] !== "0");
    },
  };
}
