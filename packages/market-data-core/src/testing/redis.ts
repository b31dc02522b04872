// Test support shared by every package's suite (exported as `@teleglas/market-data-core/testing`):
// one way to reach the test Redis, fail loudly when it is down, and keep each test's keys apart.
// Test code, so reading REDIS_URL here is fine; production code never imports this module.
import { randomUUID } from "node:crypto";
import { Redis } from "ioredis";
import { deleteByPrefix } from "../store/redis-script.js";

/** The test Redis: `REDIS_URL` when set, else the local default. */
export const TEST_REDIS_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";

export interface ConnectTestRedisOptions {
  /**
   * Hand out a connection with ioredis' defaults (reconnects, queues commands while connecting),
   * as duplicates, blocking readers and BullMQ need. Default false: a connection that never
   * reconnects, so a test that cuts it sees it stay cut and a dead Redis fails at once.
   */
  reconnect?: boolean;
}

/**
 * A connected client, or an error saying how to start Redis: tests never skip when it is down.
 * The first connection never retries, so an absent Redis fails in milliseconds rather than hanging.
 */
export async function connectTestRedis(opts: ConnectTestRedisOptions = {}): Promise<Redis> {
  const probe = new Redis(TEST_REDIS_URL, {
    lazyConnect: true,
    maxRetriesPerRequest: 1,
    retryStrategy: () => null,
  });
  try {
    await probe.connect();
    await probe.ping();
  } catch (error) {
    probe.disconnect();
    throw new Error(
      `Redis is not reachable at ${TEST_REDIS_URL} (${error instanceof Error ? error.message : String(error)}). ` +
        "Start it with: redis-server --daemonize yes",
    );
  }
  if (!opts.reconnect) return probe;
  probe.disconnect();
  return new Redis(TEST_REDIS_URL);
}

/** A key prefix no other test (or parallel run) shares: `test:<parts...>:<random>:`. */
export function testKeyPrefix(...parts: string[]): string {
  return `test:${[...parts, randomUUID().slice(0, 8)].join(":")}:`;
}

/** A test's own Redis connection and prefix; `cleanup` deletes the prefix's keys and disconnects. */
export interface TestRedis {
  redis: Redis;
  prefix: string;
  cleanup(): Promise<void>;
}

/** `connectTestRedis` plus a unique prefix (`testKeyPrefix(...parts)`) and its cleanup. */
export async function openTestRedis(...parts: string[]): Promise<TestRedis> {
  const redis = await connectTestRedis();
  const prefix = testKeyPrefix(...parts);
  return {
    redis,
    prefix,
    async cleanup() {
      await deleteByPrefix(redis, prefix);
      await redis.quit();
    },
  };
}
