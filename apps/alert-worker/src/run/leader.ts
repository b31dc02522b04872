import { randomUUID } from "node:crypto";
import type { Redis } from "ioredis";
import { createRepeater } from "./repeat.js";

// Extend only our own lease: a leader that stalled past its TTL must not renew someone else's.
const RENEW = `if redis.call("get", KEYS[1]) == ARGV[1] then return redis.call("pexpire", KEYS[1], ARGV[2]) else return 0 end`;
const RELEASE = `if redis.call("get", KEYS[1]) == ARGV[1] then return redis.call("del", KEYS[1]) else return 0 end`;

export interface LeaderLeaseOptions {
  redis: Redis;
  key: string;
  ttlMs: number;
  /** How often the leader renews and a standby tries to take over (default ttl / 3). */
  intervalMs?: number;
  onChange: (leader: boolean) => void;
  onError?: (error: unknown) => void;
}

/**
 * One active ingester among several workers: a Redis lease taken with SET NX PX and extended with
 * a compare-and-extend script. A standby retries every interval, so it leads at most TTL +
 * interval after the leader died; a leader that stops releases the lease for an immediate hand-over.
 */
export function createLeaderLease(opts: LeaderLeaseOptions) {
  const id = randomUUID();
  const interval = opts.intervalMs ?? Math.max(50, Math.floor(opts.ttlMs / 3));
  let leader = false;

  const set = (next: boolean) => {
    if (next === leader) return;
    leader = next;
    opts.onChange(next);
  };

  const attempt = async () => {
    try {
      if (leader) {
        const ok = await opts.redis.eval(RENEW, 1, opts.key, id, String(opts.ttlMs));
        set(ok === 1);
      } else {
        const ok = await opts.redis.set(opts.key, id, "PX", opts.ttlMs, "NX");
        set(ok === "OK");
      }
    } catch (error) {
      // Unable to renew means unable to prove leadership: step down rather than risk two leaders.
      set(false);
      opts.onError?.(error);
    }
  };

  const repeater = createRepeater(interval, attempt);

  return {
    id,
    isLeader: () => leader,
    start: repeater.start,
    /** Stops trying and releases the lease if held. */
    async stop() {
      await repeater.stop();
      if (leader) {
        await opts.redis.eval(RELEASE, 1, opts.key, id).catch((e: unknown) => opts.onError?.(e));
        set(false);
      }
    },
  };
}
export type LeaderLease = ReturnType<typeof createLeaderLease>;
