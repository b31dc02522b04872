import type { LeaseStore } from "@teleglas/market-data-core";
import type { Logger } from "pino";
import { createLeaderLease } from "./leader.js";

/** What runs only while this worker leads. */
export interface LeaderPart {
  start(): void;
  stop(): Promise<unknown>;
}

export interface LeadershipOptions {
  /** `stores.leases`: on Redis the workers elect one active ingester; in memory the one worker leads. */
  leases: LeaseStore;
  key: string;
  ttlMs: number;
  intervalMs: number | undefined;
  parts: LeaderPart[];
  log: Logger;
}

/**
 * Starts the parts when this worker takes the lease and stops them when it loses it, one change
 * at a time (a quick lose-and-retake never runs two starts at once). `stop` stops the parts first,
 * then hands the lease over.
 */
export function createLeadership(o: LeadershipOptions) {
  let leader = false;
  let stopped = false;
  let chain: Promise<void> = Promise.resolve();
  const lead = async (on: boolean) => {
    leader = on;
    o.log.info({ role: on ? "leader" : "standby" }, on ? "leading: ingesting the stream" : "standing by");
    if (!on) {
      await Promise.all(o.parts.map((p) => p.stop()));
      return;
    }
    for (const p of o.parts) p.start();
  };
  const onChange = (on: boolean) => {
    if (stopped) return;
    chain = chain.then(() => lead(on));
  };
  const lease = createLeaderLease({
    leases: o.leases,
    key: o.key,
    ttlMs: o.ttlMs,
    intervalMs: o.intervalMs,
    onChange,
    onError: (err) => o.log.warn({ err }, "leader lease check failed"),
  });
  return {
    isLeader: () => leader,
    start: () => lease.start(),
    /** Stops the parts (in-flight work is the caller's to drain), then releases the lease. */
    async stop(drain: () => Promise<void>) {
      onChange(false);
      stopped = true;
      await chain;
      await drain();
      await lease.stop();
    },
  };
}
