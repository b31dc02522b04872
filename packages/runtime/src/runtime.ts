// The part every composition root (the three apps' main.ts and the local stack) shares: Redis when
// a URL is given, one market-data core and one set of stores over it, and a close that releases
// them in order. Callers pass what they read from the environment; nothing here reads it.

import {
  type CoinGlassPlan,
  type CoreEvent,
  createMarketDataCore,
  createStores,
  type MarketDataCore,
  type Stores,
} from "@teleglas/market-data-core";
import { Redis } from "ioredis";

/** The two log levels `openRuntime` writes at (a pino logger fits). */
export interface RuntimeLog {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
}

/** Options of `openRuntime`. */
export interface RuntimeOptions {
  /** Redis for the core and the stores; without one both stay in this process's memory. */
  redisUrl: string | undefined;
  /**
   * Where CoinGlass is (`openUpstream`); its `close` runs after the core's.
   * `simulator` is set when it is a simulator embedded in this process.
   */
  upstream: {
    apiKey: string;
    baseUrl: string;
    plan: CoinGlassPlan;
    simulator?: { restUrl: string } | null;
    close?(): Promise<void>;
  };
  /** Longest a person waits for one market answer (ms); the core's default (8 s) when absent. */
  deadlineMs?: number;
  /** Share of the CoinGlass budget used alone while Redis is down; the core's default (1/3) when absent. */
  quotaFallbackShare?: number;
  /** Prefix of every Redis key of the core and the stores (their default `teleglas:` when absent). */
  keyPrefix?: string;
  /**
   * Logs an embedded simulator once, and Redis connection errors (ioredis reconnects by itself;
   * they are worth a line).
   */
  log?: RuntimeLog;
  onEvent?: (e: CoreEvent) => void;
}

/** What `openRuntime` returns; `close` stops the stores and the core, then the upstream, then Redis. */
export interface Runtime {
  redis: Redis | undefined;
  core: MarketDataCore;
  stores: Stores;
  close(): Promise<void>;
}

/**
 * Opens the shared runtime. The Redis connection keeps ioredis' default retry settings: a command
 * fails (and is answered) while Redis is down rather than hanging, and those that need other
 * settings (BullMQ, blocking readers) duplicate it.
 */
export function openRuntime(opts: RuntimeOptions): Runtime {
  const { log, upstream } = opts;
  if (log && upstream.simulator) {
    log.info(
      { sim: upstream.simulator.restUrl },
      "COINGLASS_API_KEY unset: using the built-in CoinGlass simulator",
    );
  }
  const redis = opts.redisUrl ? new Redis(opts.redisUrl) : undefined;
  if (redis && log) redis.on("error", (err: Error) => log.warn({ err: err.message }, "redis error"));
  // Logged here so every app says these the same way: an impossible value (the core emits it once
  // per endpoint and field), an unusable answer (over its size cap, empty or malformed), and a Redis
  // outage moving the quota onto this process's share.
  const onEvent = (e: CoreEvent) => {
    if (e.type === "implausible_value")
      log?.warn(e, "CoinGlass sent an impossible value: treated as missing");
    if (e.type === "upstream_rejected")
      log?.warn(e, "CoinGlass sent an unusable answer: treated as a failure");
    if (log && e.type === "quota_fallback") {
      if (e.active) log.warn(e, "upstream quota: Redis unreachable, using this process's share");
      else log.info(e, "upstream quota: shared through Redis again");
    }
    opts.onEvent?.(e);
  };
  const core = createMarketDataCore({
    apiKey: upstream.apiKey,
    baseUrl: upstream.baseUrl,
    plan: upstream.plan,
    redis,
    keyPrefix: opts.keyPrefix,
    deadlineMs: opts.deadlineMs,
    quotaFallbackShare: opts.quotaFallbackShare,
    onEvent,
  });
  const stores = createStores({ redis, prefix: opts.keyPrefix });
  let closing: Promise<void> | undefined;
  return {
    redis,
    core,
    stores,
    close() {
      closing ??= (async () => {
        await Promise.allSettled([stores.close(), core.close()]);
        await upstream.close?.();
        await redis?.quit();
      })();
      return closing;
    },
  };
}
