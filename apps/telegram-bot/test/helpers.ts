import { randomUUID } from "node:crypto";
import { createServer } from "node:net";
import { createFakeTelegram, type FakeTelegram } from "@teleglas/fake-telegram";
import { type Alert, createStores, deleteByPrefix, type Stores } from "@teleglas/market-data-core";

import { connectTestRedis, TEST_REDIS_URL, testKeyPrefix } from "@teleglas/market-data-core/testing";
import type { Redis } from "ioredis";
import { afterAll, afterEach, beforeAll, beforeEach } from "vitest";

export const REDIS_URL = TEST_REDIS_URL;

/**
 * A Redis connection for one test file, failing loudly (never skipping) when Redis is down. It
 * reconnects and queues while connecting, as its duplicates (blocking readers, BullMQ) need.
 */
export const connectRedis = (): Promise<Redis> => connectTestRedis({ reconnect: true });

/** A key prefix no other test uses; delete it with `cleanup`. */
export const uniquePrefix = (name: string) => testKeyPrefix("bot", name);

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

/** A port nothing listens on right now. */
export async function freePort(): Promise<number> {
  const srv = createServer();
  await new Promise<void>((r) => srv.listen(0, "127.0.0.1", r));
  const port = (srv.address() as { port: number }).port;
  await new Promise<void>((r) => srv.close(() => r()));
  return port;
}

/** What a delivery test works against: Redis, a fresh fake Telegram and stores under a fresh prefix. */
export interface DeliveryFixture {
  redis: Redis;
  tg: FakeTelegram;
  prefix: string;
  stores: Stores;
}

/** One Redis connection per file; a fresh fake Telegram, prefix and stores per test. */
export function useDeliveryFixture(name: string): DeliveryFixture {
  const fx = {} as DeliveryFixture;
  beforeAll(async () => {
    fx.redis = await connectRedis();
  });
  afterAll(() => {
    fx.redis.disconnect();
  });
  beforeEach(async () => {
    fx.tg = await createFakeTelegram({ globalPerSecond: 30 });
    fx.prefix = uniquePrefix(name);
    fx.stores = createStores({ redis: fx.redis, prefix: fx.prefix });
  });
  afterEach(async () => {
    await fx.stores.close();
    await fx.tg.close();
    await cleanup(fx.redis, fx.prefix);
  });
  return fx;
}
