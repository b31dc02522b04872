import { createSimulator } from "@teleglas/coinglass-sim";
import type { Redis } from "ioredis";
import { createMarketDataCore, type MarketDataCoreOptions } from "../src/core.js";
import { deleteByPrefix } from "../src/store/redis-script.js";
import { connectTestRedis, testKeyPrefix } from "../src/testing/index.js";

export { waitFor } from "./store-helpers.js";

/**
 * Register beforeAll/afterAll that connect to Redis and, at the end, delete every key under the
 * prefixes handed out by `prefix()`.
 */
export function useRedis(hooks: {
  beforeAll(fn: () => Promise<void>): void;
  afterAll(fn: () => Promise<void>): void;
}) {
  let redis: Redis | undefined;
  const prefixes: string[] = [];
  hooks.beforeAll(async () => {
    redis = await connectTestRedis();
  });
  hooks.afterAll(async () => {
    if (!redis) return;
    for (const p of prefixes) await deleteByPrefix(redis, p);
    redis.disconnect();
  });
  return {
    get redis(): Redis {
      if (!redis) throw new Error("Redis not connected yet");
      return redis;
    },
    prefix(name: string): string {
      const p = testKeyPrefix(name);
      prefixes.push(p);
      return p;
    },
  };
}

/** A simulator and a core wired to it; `close()` stops both. */
export async function simAndCore(
  sim: Parameters<typeof createSimulator>[0] = {},
  core: Partial<MarketDataCoreOptions> = {},
) {
  const s = await createSimulator({ background: false, ...sim });
  const c = createMarketDataCore({
    apiKey: "test-key-123",
    baseUrl: s.restUrl,
    plan: sim.plan ?? "professional",
    retry: { retries: 2, minDelayMs: 20, maxDelayMs: 200 },
    ...core,
  });
  return {
    sim: s,
    core: c,
    /** Requests the simulator received on one path. */
    hits: (path: string) => s.control.counters().byEndpoint[path] ?? 0,
    async close() {
      await c.close();
      await s.close();
    },
  };
}

/** The `data` of a simulator endpoint, read directly (what CoinGlass would answer). */
export async function upstreamData<T>(
  restUrl: string,
  path: string,
  params: Record<string, string> = {},
): Promise<T> {
  const res = await fetch(`${restUrl}${path}?${new URLSearchParams(params)}`, {
    headers: { "CG-API-KEY": "x" },
  });
  return ((await res.json()) as { data: T }).data;
}

/** A simulator and core opened before the suite's tests and closed after them, with `raw` reads. */
export function useSimAndCore(
  hooks: { beforeAll(fn: () => Promise<void>): void; afterAll(fn: () => Promise<void>): void },
  sim: Parameters<typeof createSimulator>[0] = {},
) {
  let env: Awaited<ReturnType<typeof simAndCore>> | undefined;
  hooks.beforeAll(async () => {
    env = await simAndCore(sim);
  });
  hooks.afterAll(async () => {
    await env?.close();
  });
  const get = () => {
    if (!env) throw new Error("simulator not started yet");
    return env;
  };
  return {
    get env() {
      return get();
    },
    raw: <T>(path: string, params: Record<string, string> = {}) =>
      upstreamData<T>(get().sim.restUrl, path, params),
  };
}
