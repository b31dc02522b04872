// A Redis outage must not stall answers nor be blamed on the upstream budget: the quota falls back
// at once to this process's share, says why, and returns to the shared budget when Redis is back.
// Redis here is the test's own server on its own port (never the shared 6379).
import { createSimulator } from "@teleglas/coinglass-sim";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMarketDataCore, type MarketDataCore } from "../src/core.js";
import type { CoreEvent } from "../src/models/result.js";
import { PLAN_LIMITS } from "../src/quota/types.js";
import { type OwnRedis, startOwnRedis } from "../src/testing/redis-server.js";
import { waitFor } from "./client-helpers.js";

describe("shared quota while Redis is down", () => {
  let own: OwnRedis;
  let sim: Awaited<ReturnType<typeof createSimulator>>;
  let redis: Redis;
  let core: MarketDataCore;
  const events: CoreEvent[] = [];
  beforeAll(async () => {
    own = await startOwnRedis();
    sim = await createSimulator({ background: false });
    // ioredis' defaults, as openRuntime uses them: commands queue while it reconnects.
    redis = new Redis(own.url);
    redis.on("error", () => {});
    core = createMarketDataCore({
      apiKey: "k",
      baseUrl: sim.restUrl,
      plan: "standard",
      redis,
      keyPrefix: "outage:",
      onEvent: (e) => events.push(e),
    });
    await waitFor(() => redis.status === "ready");
  });
  afterAll(async () => {
    await core.close();
    redis.disconnect();
    await sim.close();
    await own.stop();
  });

  const candles = (limit: number) =>
    core.client.fetchPriceHistory({ exchange: "Binance", pair: "BTCUSDT", interval: "4h", limit });

  it("answers uncached calls at once on this process's share, names Redis, and goes back when it returns", async () => {
    expect((await candles(10)).value.length).toBe(10);
    expect(core.quota.stats().fallback).toBeNull();

    await own.stop();
    await waitFor(() => redis.status === "reconnecting", "ioredis to notice", 5_000);
    const t = Date.now();
    const during = await Promise.all([candles(11), candles(12), core.market.getOpenInterest("BTC")]);
    expect(Date.now() - t).toBeLessThan(2_000);
    expect(during[0].value.length).toBe(11);
    expect(during[2].data).toBeTruthy();
    const fallback = core.quota.stats().fallback;
    // standard: 300/min, 285 after the safety margin, a third of it for this process.
    expect(PLAN_LIMITS.standard).toBe(300);
    expect(fallback).toEqual({ cause: "Redis is reconnecting", limitPerWindow: 95 });
    expect(events).toContainEqual({
      type: "quota_fallback",
      active: true,
      limitPerWindow: 95,
      cause: "Redis is reconnecting",
    });

    await own.start();
    await waitFor(() => redis.status === "ready", "ioredis to reconnect", 10_000);
    expect((await candles(13)).value.length).toBe(13);
    expect(core.quota.stats().fallback).toBeNull();
    expect(
      events.filter((e) => e.type === "quota_fallback").map((e) => e.type === "quota_fallback" && e.active),
    ).toEqual([true, false]);
  }, 30_000);
});
