import { deleteByPrefix } from "@teleglas/market-data-core";
import { Redis } from "ioredis";

export const REDIS_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";

/** A Redis client that fails fast, with a message saying how to start Redis, when none answers. */
export async function connectRedis(): Promise<Redis> {
  const redis = new Redis(REDIS_URL, {
    lazyConnect: true,
    maxRetriesPerRequest: 1,
    retryStrategy: () => null,
  });
  try {
    await redis.connect();
    await redis.ping();
  } catch (error) {
    redis.disconnect();
    throw new Error(
      `Redis is not reachable at ${REDIS_URL} (${(error as Error).message}). Start it with: redis-server --daemonize yes`,
    );
  }
  return redis;
}

/** A key prefix no other test uses. */
export function uniquePrefix(name: string): string {
  return `test:infra:${name}:${process.pid}:${Date.now().toString(36)}:`;
}

export async function dropPrefix(redis: Redis, prefix: string): Promise<void> {
  await deleteByPrefix(redis, prefix);
}
