import { createSimulator } from "@teleglas/coinglass-sim";
import { createMarketDataCore } from "@teleglas/market-data-core";
import { describe, expect, it } from "vitest";
import { createProcessMetrics } from "../src/index.js";

/** The value of one sample line (labels included in `series`), or null when absent. */
function sample(text: string, series: string): number | null {
  const line = text.split("\n").find((l) => l.startsWith(`${series} `));
  return line === undefined ? null : Number(line.slice(series.length + 1));
}

describe("upstream metrics from the core's events", () => {
  it("count CoinGlass calls by endpoint and outcome, 429s, latency, quota and cache", async () => {
    const sim = await createSimulator({ plan: "standard", background: false });
    const metrics = createProcessMetrics();
    const core = createMarketDataCore({
      apiKey: "test-key",
      baseUrl: sim.restUrl,
      plan: "standard",
      retry: { retries: 0 },
      onEvent: metrics.onCoreEvent,
    });
    metrics.watch(core);
    try {
      const endpoint = "/api/futures/supported-exchanges";
      await core.client.fetchSupportedExchanges();
      sim.control.setFaults({ rate429: 1 });
      await core.client.fetchPairsMarkets("BTC").catch(() => {});
      const text = await metrics.registry.metrics();
      expect(sample(text, `teleglas_upstream_requests_total{endpoint="${endpoint}",outcome="ok"}`)).toBe(1);
      const pairs = "/api/futures/pairs-markets";
      expect(
        sample(text, `teleglas_upstream_requests_total{endpoint="${pairs}",outcome="rate_limited"}`),
      ).toBe(1);
      // The core's background warm-up (coin and pair lists) met the 429s too: every one is counted.
      const limited = text
        .split("\n")
        .filter(
          (l) => l.startsWith("teleglas_upstream_requests_total{") && l.includes('outcome="rate_limited"'),
        )
        .reduce((n, l) => n + Number(l.split(" ")[1]), 0);
      expect(sample(text, "teleglas_upstream_rate_limited_total")).toBe(limited);
      expect(
        sample(text, `teleglas_upstream_request_duration_seconds_count{endpoint="${endpoint}"}`),
      ).toBeGreaterThanOrEqual(1);
      expect(sample(text, "teleglas_upstream_quota_limit")).toBeGreaterThan(0);
      expect(sample(text, "teleglas_cache_misses_total")).toBeGreaterThanOrEqual(1);
      expect(text).not.toContain("nodejs_active_handles_total");
      expect(text).toContain("process_cpu_seconds_total");
    } finally {
      await core.close();
      await sim.close();
    }
  });
});
