import { randomUUID } from "node:crypto";
import { type Alert, deleteByPrefix } from "@teleglas/market-data-core";
import { Redis } from "ioredis";

export const REDIS_URL = process.env["REDIS_URL"] ?? "redis://127.0.0.1:6379";

/** A Redis connection for one test file, failing loudly (never skipping) when Redis is down. */
export async function connectRedis(): Promise<Redis> {
  const redis = new Redis(REDIS_URL, {
    lazyConnect: true,
    maxRetriesPerRequest: 1,
    enableOfflineQueue: false,
  });
  try {
    await redis.connect();
    await redis.ping();
  } catch (error) {
    redis.disconnect();
    throw new Error(
      `Redis is not reachable at ${REDIS_URL} (${String(error)}); start it with: redis-server --daemonize yes`,
    );
  }
  // The probe refuses to queue commands (so a dead Redis fails fast); the connection handed out
  // queues while connecting, as its duplicates (blocking readers, BullMQ) need.
  redis.disconnect();
  return new Redis(REDIS_URL);
}

/** A key prefix no other test uses; delete it with `cleanup`. */
export const uniquePrefix = (name: string) => `test:bot:${name}:${randomUUID().slice(0, 8)}:`;

export async function cleanup(redis: Redis, prefix: string): Promise<void> {
  await deleteByPrefix(redis, prefix);
}

let seq = 0;
/** A valid alert with overridable fields. */
export function makeAlert(over: Partial<Alert> = {}): Alert {
  seq++;
  const now = Date.now();
  return {
    id: `test-alert-${seq}-${randomUUID().slice(0, 6)}`,
    kind: "liquidation_storm",
    symbol: "BTC",
    side: "long",
    usd: 12_345_678,
    count: 42,
    window_s: 60,
    exchanges: ["Binance", "OKX"],
    price: 97_120.5,
    first_at: now - 60_000,
    last_at: now,
    severity: "high",
    detail: {},
    ...over,
  };
}
