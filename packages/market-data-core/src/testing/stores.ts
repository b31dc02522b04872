// Stores on either backend for the contract tests of core and of the apps built on them.
import type { Redis } from "ioredis";
import { createStores, type StoresOptions } from "../store/create-stores.js";
import { deleteByPrefix } from "../store/redis-script.js";
import type { Stores } from "../store/types.js";
import { connectTestRedis, testKeyPrefix } from "./redis.js";

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

/**
 * A fresh fixture per test on `backend`: `open()` makes it and answers its stores, `fx()` is the
 * current one, `close` (for afterEach) cleans it up.
 */
export function storesPerTest(backend: (typeof backends)[number]) {
  let fx: StoreFixture | undefined;
  return {
    async open(opts?: Omit<StoresOptions, "redis" | "prefix">) {
      fx = await makeStores(backend, opts);
      return fx.stores;
    },
    fx: () => fx as StoreFixture,
    async close() {
      await fx?.cleanup();
      fx = undefined;
    },
  };
}
