import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { createMarketDataCore } from "../src/core.js";
import {
  CoinGlassApiError,
  CoinGlassHttpError,
  PlanError,
  TimeoutError,
  UpstreamUnavailableError,
} from "../src/models/errors.js";
import type { CoreEvent } from "../src/models/result.js";
import { simAndCore, waitFor } from "./client-helpers.js";

const KEY = "test-key-123";

describe("client errors", () => {
  it("names the endpoint and the plan it needs, and does not ask again", async () => {
    const env = await simAndCore({ plan: "hobbyist" });
    try {
      const error = await env.core.client.fetchCoinsMarkets().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(PlanError);
      const p = error as PlanError;
      expect(p.endpoint).toBe("/api/futures/coins-markets");
      expect(p.requiredPlan).toBe("standard");
      expect(p.message).toContain("/api/futures/coins-markets");
      expect(p.message).toContain("hobbyist");
      expect(p.message).toContain("standard");
      const interval = await env.core.client
        .fetchPriceHistory({ exchange: "Binance", pair: "BTCUSDT", interval: "1h", limit: 2 })
        .catch((e: unknown) => e);
      expect((interval as PlanError).requiredPlan).toBe("startup");
      await env.core.client.fetchCoinsMarkets().catch(() => {});
      expect(env.hits("/api/futures/coins-markets")).toBe(1);
    } finally {
      await env.close();
    }
  });

  it("rejects a bad key without retrying and never shows the key", async () => {
    const events: CoreEvent[] = [];
    const env = await simAndCore({ keys: ["the-good-key"] }, { onEvent: (e) => events.push(e) });
    try {
      const error = await env.core.client.fetchSupportedExchanges().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(CoinGlassApiError);
      expect((error as CoinGlassApiError).code).toBe("400");
      expect(env.hits("/api/futures/supported-exchanges")).toBe(1);
      const text = `${String(error)} ${(error as Error).stack} ${JSON.stringify(error)} ${JSON.stringify(events)}`;
      expect(text).not.toContain(KEY);
    } finally {
      await env.close();
    }
  });

  it("retries 5xx with backoff and succeeds when the upstream recovers", async () => {
    const env = await simAndCore({}, { retry: { retries: 12, minDelayMs: 5, maxDelayMs: 20 } });
    try {
      // Every call fails until each coin has been refused at least once, then CoinGlass recovers:
      // deterministic, where a 50 % fault rate let all six succeed at once one run in 64.
      env.sim.control.setFaults({ rate5xx: 1 });
      const pending = Promise.all(
        ["BTC", "ETH", "SOL", "XRP", "DOGE", "ADA"].map((c) => env.core.client.fetchPairsMarkets(c)),
      );
      await waitFor(() => env.hits("/api/futures/pairs-markets") >= 12);
      env.sim.control.setFaults({ rate5xx: 0 });
      const results = await pending;
      expect(results.every((r) => r.value.length > 0)).toBe(true);
      expect(env.hits("/api/futures/pairs-markets")).toBeGreaterThan(12);
    } finally {
      await env.close();
    }
  });

  it("serves the cached value marked stale when the upstream fails, and a typed error when nothing is cached", async () => {
    const env = await simAndCore(
      {},
      { ttlScale: 0.01, retry: { retries: 1, minDelayMs: 5, maxDelayMs: 10 } },
    );
    try {
      const first = await env.core.market.getLiq("BTC", "1h");
      expect(first.meta.stale).toBe(false);
      env.sim.control.setFaults({ rate5xx: 1 });
      // Past its TTL and revalidation window (200 ms here) only stale-on-error can still serve it.
      let stale = await env.core.market.getLiq("BTC", "1h");
      await waitFor(async () => {
        stale = await env.core.market.getLiq("BTC", "1h");
        return stale.meta.ageMs > 250;
      });
      expect(stale.meta.stale).toBe(true);
      expect(env.core.stats().upstream.errors).toBeGreaterThan(0);
      expect(stale.data.totalUsd).toBe(first.data.totalUsd);
      expect(env.core.stats().cache.staleServed).toBeGreaterThan(0);
      const error = await env.core.market.getLiq("ETH", "1h").catch((e: unknown) => e);
      expect(error).toBeInstanceOf(UpstreamUnavailableError);
      expect((error as UpstreamUnavailableError).cause).toBeInstanceOf(CoinGlassHttpError);
      expect((error as Error).message).toContain("/api/futures/liquidation/exchange-list");
    } finally {
      await env.close();
    }
  });

  it("times out slow answers with a typed error", async () => {
    const env = await simAndCore({}, { timeoutMs: 50, retry: { retries: 0 } });
    try {
      env.sim.control.setFaults({ latencyMs: 400 });
      const error = await env.core.client.fetchSupportedExchanges().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(UpstreamUnavailableError);
      expect((error as Error).cause).toBeInstanceOf(TimeoutError);
    } finally {
      await env.close();
    }
  });

  it("reports a refused connection as unavailable, with no key anywhere in the error chain", async () => {
    const core = createMarketDataCore({
      apiKey: "secret-key-never-shown",
      baseUrl: "http://127.0.0.1:1",
      plan: "standard",
      retry: { retries: 1, minDelayMs: 1, maxDelayMs: 2 },
    });
    try {
      const error = await core.client.fetchSupportedExchanges().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(UpstreamUnavailableError);
      expect((error as Error).cause).toBeInstanceOf(CoinGlassHttpError);
      expect(((error as Error).cause as CoinGlassHttpError).status).toBe(0);
      expect(inspect(error, { depth: 20 })).not.toContain("secret-key-never-shown");
      expect(core.stats().upstream.errors).toBeGreaterThanOrEqual(2);
    } finally {
      await core.close();
    }
  });
});
