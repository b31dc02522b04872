import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMarketDataCore } from "../src/core.js";
import { simAndCore, useRedis } from "./client-helpers.js";

const r = useRedis({ beforeAll, afterAll });

describe("cache on Redis", () => {
  it("a second process gets the first one's answer without an upstream call", async () => {
    const keyPrefix = r.prefix("cache-shared");
    const env = await simAndCore({}, { redis: r.redis, keyPrefix });
    const other = createMarketDataCore({
      apiKey: "k",
      baseUrl: env.sim.restUrl,
      plan: "professional",
      redis: r.redis,
      keyPrefix,
    });
    try {
      const first = await env.core.market.getLiq("ETH", "12h");
      expect(first.meta.cached).toBe(false);
      const second = await other.market.getLiq("ETH", "12h");
      expect(second.meta.cached).toBe(true);
      expect(second.data).toEqual(first.data);
      expect(env.hits("/api/futures/liquidation/exchange-list")).toBe(1);
      expect(await r.redis.keys(`${keyPrefix}cache:*`)).not.toHaveLength(0);
    } finally {
      await other.close();
      await env.close();
    }
  });
});
