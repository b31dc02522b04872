import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMarketDataCore } from "../src/core.js";
import { RateLimitError, UpstreamUnavailableError } from "../src/models/errors.js";
import { simAndCore, useRedis } from "./client-helpers.js";

const r = useRedis({ beforeAll, afterAll });
const WINDOW = 300;
const candles = (
  core: ReturnType<typeof createMarketDataCore>,
  limit: number,
  lane: "interactive" | "background",
) => core.client.fetchPriceHistory({ exchange: "Binance", pair: "BTCUSDT", interval: "4h", limit }, { lane });

describe("upstream quota against the simulator (hobbyist, short window)", () => {
  it("a burst of 300 distinct calls gets zero 429s", async () => {
    const env = await simAndCore({ plan: "hobbyist", rateWindowMs: WINDOW }, { quotaWindowMs: WINDOW });
    try {
      const results = await Promise.all(
        Array.from({ length: 300 }, (_, i) => candles(env.core, i + 1, "interactive")),
      );
      expect(results.every((x) => x.value.length > 0)).toBe(true);
      expect(env.sim.control.counters().status429).toBe(0);
      expect(env.hits("/api/futures/price/history")).toBe(300);
    } finally {
      await env.close();
    }
  }, 60_000);

  it("interactive calls finish before background calls queued earlier", async () => {
    const env = await simAndCore({ plan: "hobbyist", rateWindowMs: WINDOW }, { quotaWindowMs: WINDOW });
    try {
      const done: string[] = [];
      const bg = Array.from({ length: 60 }, (_, i) =>
        candles(env.core, i + 1, "background").then(() => done.push("b")),
      );
      const fg = Array.from({ length: 10 }, (_, i) =>
        candles(env.core, 500 + i, "interactive").then(() => done.push("i")),
      );
      await Promise.all([...bg, ...fg]);
      const lastInteractive = done.lastIndexOf("i");
      const backgroundAfter = done.slice(lastInteractive).filter((x) => x === "b").length;
      expect(backgroundAfter).toBeGreaterThanOrEqual(30);
      expect(env.sim.control.counters().status429).toBe(0);
    } finally {
      await env.close();
    }
  }, 60_000);

  it("two core instances on one Redis share the budget: zero 429s", async () => {
    const keyPrefix = r.prefix("quota-sim");
    const env = await simAndCore(
      { plan: "hobbyist", rateWindowMs: WINDOW },
      { quotaWindowMs: WINDOW, redis: r.redis, keyPrefix },
    );
    const other = createMarketDataCore({
      apiKey: "test-key-123",
      baseUrl: env.sim.restUrl,
      plan: "hobbyist",
      quotaWindowMs: WINDOW,
      redis: r.redis,
      keyPrefix,
    });
    try {
      const calls = Array.from({ length: 120 }, (_, i) =>
        candles(i % 2 ? env.core : other, i + 1, "interactive"),
      );
      const results = await Promise.all(calls);
      expect(results).toHaveLength(120);
      expect(env.sim.control.counters().status429).toBe(0);
      expect(env.core.stats().quota.limitPerMinute).toBe(30);
    } finally {
      await other.close();
      await env.close();
    }
  }, 60_000);

  it("gives up with a typed error instead of queueing a person for minutes", async () => {
    const env = await simAndCore({ plan: "hobbyist" }, { queueTimeoutMs: { interactive: 300 } });
    try {
      const results = await Promise.allSettled(
        Array.from({ length: 40 }, (_, i) => candles(env.core, i + 1, "interactive")),
      );
      const failed = results.filter((x) => x.status === "rejected");
      expect(results.length - failed.length).toBeLessThanOrEqual(30);
      expect(failed.length).toBeGreaterThanOrEqual(10);
      const reason = (failed[0] as PromiseRejectedResult).reason as Error;
      expect(reason).toBeInstanceOf(UpstreamUnavailableError);
      expect(reason.cause).toBeInstanceOf(RateLimitError);
      expect(env.sim.control.counters().status429).toBe(0);
    } finally {
      await env.close();
    }
  });
});
