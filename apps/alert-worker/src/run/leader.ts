import { randomUUID } from "node:crypto";
import type { LeaseStore } from "@teleglas/market-data-core";
import { createRepeater } from "./repeat.js";

export interface LeaderLeaseOptions {
  /** `stores.leases`: Redis across processes, or this process's memory (the one-process stack). */
  leases: LeaseStore;
  /** Under the stores' key prefix. */
  key: string;
  ttlMs: number;
  /** How often the leader renews and a standby tries to take over (default ttl / 3). */
  intervalMs?: number;
  onChange: (leader: boolean) => void;
  onError?: (error: unknown) => void;
}

/**
 * One active ingester among several workers: a lease taken when free and extended while held
 * (on Redis: SET NX PX and a compare-and-extend script). A standby retries every interval, so it leads at most TTL +
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
      set(await (leader ? opts.leases.renew : opts.leases.acquire)(opts.key, id, opts.ttlMs));
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
        await opts.leases.release(opts.key, id).catch((e: unknown) => opts.onError?.(e));
        set(false);
      }
    },
  };
}
export type LeaderLease = ReturnType<typeof createLeaderLease>;
