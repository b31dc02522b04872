import { randomUUID } from "node:crypto";
import { type Alert, defaultSubscription, type Stores } from "@teleglas/market-data-core";
import { Redis } from "ioredis";

/** Connect to the bench Redis or stop with a message saying how to start one. */
export async function benchRedis(): Promise<Redis> {
  const url = process.env["REDIS_URL"] ?? "redis://127.0.0.1:6379";
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1 });
  try {
    await redis.connect();
  } catch (error) {
    console.error(
      `Redis is not reachable at ${url} (${String(error)}); start it with: redis-server --daemonize yes`,
    );
    process.exit(1);
  }
  return redis;
}

/** `count` private chats subscribed to everything (ids from 10,000 up). */
export async function subscribeChats(stores: Stores, count: number): Promise<number[]> {
  const ids = Array.from({ length: count }, (_, i) => 10_000 + i);
  const now = Date.now();
  for (let i = 0; i < ids.length; i += 200) {
    await Promise.all(
      ids.slice(i, i + 200).map((id) => stores.subscriptions.upsert(id, defaultSubscription(id, now))),
    );
  }
  return ids;
}

export function benchAlert(): Alert {
  const now = Date.now();
  return {
    id: `bench-storm-${randomUUID().slice(0, 8)}`,
    kind: "liquidation_storm",
    symbol: "BTC",
    side: "long",
    usd: 25_000_000,
    count: 120,
    window_s: 60,
    exchanges: ["Binance", "OKX", "Bybit"],
    price: 97_000,
    first_at: now - 60_000,
    last_at: now,
    severity: "critical",
    detail: {},
  };
}
