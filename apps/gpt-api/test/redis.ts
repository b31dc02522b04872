import { openTestRedis, type TestRedis } from "@teleglas/market-data-core/testing";

/** A Redis connection for a test, with a unique key prefix; fails loudly when Redis is down. */
export const testRedis = (): Promise<TestRedis> => openTestRedis("gpt-api");
