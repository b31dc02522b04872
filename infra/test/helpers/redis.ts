import { deleteByPrefix } from "@teleglas/market-data-core";
import { connectTestRedis, TEST_REDIS_URL, testKeyPrefix } from "@teleglas/market-data-core/testing";
import type { Redis } from "ioredis";

export const REDIS_URL = TEST_REDIS_URL;

/** A Redis client that fails fast, with a message saying how to start Redis, when none answers. */
export const connectRedis = (): Promise<Redis> => connectTestRedis();

/** A key prefix no other test uses. */
export const uniquePrefix = (name: string): string => testKeyPrefix("infra", name);

export async function dropPrefix(redis: Redis, prefix: string): Promise<void> {
  await deleteByPrefix(redis, prefix);
}
