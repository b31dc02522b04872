import { randomUUID } from "node:crypto";
import { deleteByPrefix } from "@teleglas/market-data-core";
import { Redis } from "ioredis";

/** A Redis connection for a test, with a unique key prefix; fails loudly when Redis is down. */
export async function testRedis(): Promise<{ redis: Redis; prefix: string; cleanup(): Promise<void> }> {
  const url = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1, retryStrategy: () => null });
  try {
    await redis.connect();
    await redis.ping();
  } catch (error) {
    redis.disconnect();
    throw new Error(
      `Redis is not reachable at ${url} (${String(error)}). Start it with: redis-server --daemonize yes`,
    );
  }
  const prefix = `test:gpt-api:${randomUUID().slice(0, 8)}:`;
  return {
    redis,
    prefix,
    async cleanup() {
      await deleteByPrefix(redis, prefix);
      await redis.quit();
    },
  };
}
