import type { Redis } from "ioredis";
import { createStores, deleteByPrefix, type Stores, type StoresOptions } from "../src/index.js";
import { connectTestRedis, testKeyPrefix } from "../src/testing/index.js";

export { makeAlert, waitFor } from "../src/testing/index.js";

export interface StoreFixture {
  stores: Stores;
  redis?: Redis;
  prefix: string;
  /** Another Stores over the same backend (Redis only; memory returns the same object). */
  sibling(): Stores;
  cleanup(): Promise<void>;
}

export const backends = ["memory", "redis"] as const;

/** Fresh stores on a backend; Redis ones get a unique prefix whose keys are deleted by cleanup. */
export async function makeStores(
  backend: (typeof backends)[number],
  opts: Omit<StoresOptions, "redis" | "prefix"> = {},
): Promise<StoreFixture> {
  const prefix = testKeyPrefix("core-b");
  if (backend === "memory") {
    const stores = createStores(opts);
    return { stores, prefix, sibling: () => stores, cleanup: () => stores.close() };
  }
  const redis = await connectTestRedis();
  const opened: Stores[] = [];
  const open = () => {
    const s = createStores({ ...opts, redis, prefix });
    opened.push(s);
    return s;
  };
  const stores = open();
  return {
    stores,
    redis,
    prefix,
    sibling: open,
    async cleanup() {
      await Promise.all(opened.map((s) => s.close()));
      await deleteByPrefix(redis, prefix);
      await redis.quit();
    },
  };
}
