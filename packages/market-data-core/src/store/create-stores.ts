import type { Redis } from "ioredis";
import {
  cooldownStore,
  deliveryLedger,
  memoryFlagStore,
  memoryTtlKeys,
  redisFlagStore,
  redisTtlKeys,
} from "./kv.js";
import { memoryLeases, redisLeases } from "./leases.js";
import { memoryLoginCodes, redisLoginCodes } from "./login-codes.js";
import { createMemoryAlertStore } from "./memory-alerts.js";
import { memoryReceivedLog, redisReceivedLog } from "./received.js";
import { createRedisAlertStore } from "./redis-alerts.js";
import { memoryRouteStore, redisRouteStore } from "./routes.js";
import { memoryRuleBackend, redisRuleBackend } from "./rule-backends.js";
import { createRuleStore } from "./rules.js";
import {
  createSubscriptionStore,
  memorySubscriptionBackend,
  redisSubscriptionBackend,
} from "./subscriptions.js";
import { type AlertStoreOptions, DEFAULT_STORE_PREFIX, type Stores } from "./types.js";

export interface StoresOptions {
  /** An ioredis client; absent = in-process memory (one-process local stack and tests only). */
  redis?: Redis;
  /** Prefix of every Redis key (default "teleglas:"). */
  prefix?: string;
  alerts?: AlertStoreOptions;
  /** Clock, epoch ms (default Date.now). */
  now?: () => number;
}

/**
 * The shared state of the apps: subscriptions, the alert log + durable queue, cooldowns, the
 * delivery ledger and admin flags. With `redis` every process sees the same state; without it
 * the memory versions behave the same within one process.
 *
 * @example
 * const stores = createStores({ redis: new Redis(url), prefix: "teleglas:" });
 * await stores.alerts.publish(alert); // false when that id was published before
 * await stores.alerts.publishGuarded(alert, { cooldownKey: "storm:BTC", cooldownMs: 60_000 }); // "cooling" while held
 */
export function createStores(opts: StoresOptions = {}): Stores {
  const now = opts.now ?? Date.now;
  const prefix = opts.prefix ?? DEFAULT_STORE_PREFIX;
  const { redis } = opts;
  // The alert store's guarded publish checks the same keys as `ledger` and `cooldowns`.
  const areas = { ledger: `${prefix}ledger:`, cooldowns: `${prefix}cooldown:` };
  const ledgerKeys = redis ? redisTtlKeys(redis, areas.ledger) : memoryTtlKeys(now);
  const cooldownKeys = redis ? redisTtlKeys(redis, areas.cooldowns) : memoryTtlKeys(now);
  const alerts = redis
    ? createRedisAlertStore(redis, prefix, opts.alerts ?? {}, areas)
    : createMemoryAlertStore(opts.alerts ?? {}, now, { ledger: ledgerKeys, cooldowns: cooldownKeys });
  return {
    backend: redis ? "redis" : "memory",
    subscriptions: createSubscriptionStore(
      redis ? redisSubscriptionBackend(redis, prefix) : memorySubscriptionBackend(),
      now,
    ),
    alerts,
    cooldowns: cooldownStore(cooldownKeys),
    ledger: deliveryLedger(ledgerKeys),
    flags: redis ? redisFlagStore(redis, prefix) : memoryFlagStore(),
    leases: redis ? redisLeases(redis, prefix) : memoryLeases(now),
    loginCodes: redis ? redisLoginCodes(redis, prefix, { now }) : memoryLoginCodes({ now }),
    received: redis ? redisReceivedLog(redis, prefix) : memoryReceivedLog(now),
    routes: redis ? redisRouteStore(redis, prefix) : memoryRouteStore(),
    rules: createRuleStore(redis ? redisRuleBackend(redis, prefix) : memoryRuleBackend(), now),
    close: () => alerts.close(),
  };
}
