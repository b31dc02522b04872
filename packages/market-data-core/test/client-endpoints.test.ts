import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Interval } from "../src/models/market.js";
import { simAndCore } from "./client-helpers.js";

let env: Awaited<ReturnType<typeof simAndCore>>;
beforeAll(async () => {
  env = await simAndCore({ seed: 7 });
});
afterAll(() => env.close());

/** The simulator's raw `data` for a path, fetched directly (what the client must map). */
async function raw(path: string, params: Record<string, string> = {}): Promise<unknown> {
  const qs = new URLSearchParams(params);
  const res = await fetch(`${env.sim.restUrl}${path}?${qs}`, { headers: { "CG-API-KEY": "raw" } });
  return ((await res.json()) as { data: unknown }).data;
}

const pq = { exchange: "Binance", pair: "BTCUSDT", interval: "1h" as Interval, limit: 5 };
const cq = { coin: "BTC", interval: "1h" as Interval, limit: 5 };

describe("CoinGlass client against the simulator", () => {
  it("answers every endpoint with mapped domain models", async () => {
    const c = env.core.client;
    const results = await Promise.all([
      c.fetchSupportedCoins(),
      c.fetchSupportedExchanges(),
      c.fetchSupportedExchangePairs(),
      c.fetchCoinsMarkets(),
      c.fetchPairsMarkets("ETH"),
      c.fetchCoinsPriceChange(),
      c.fetchPriceHistory(pq),
      c.fetchRsiList(),
      c.fetchRsiHistory(pq),
      c.fetchFearGreedHistory(),
      c.fetchLiquidationCoinList("Binance"),
      c.fetchLiquidationExchangeList({ coin: "BTC", range: "4h" }),
      c.fetchLiquidationAggregatedHistory(cq),
      c.fetchLiquidationHistory(pq),
      c.fetchFundingRates(),
      c.fetchFundingRateHistory(pq),
      c.fetchOpenInterestExchangeList("BTC"),
      c.fetchOpenInterestHistory(pq),
      c.fetchOpenInterestAggregatedHistory(cq),
      c.fetchGlobalLongShortAccountRatio(pq),
      c.fetchTopLongShortAccountRatio(pq),
      c.fetchTopLongShortPositionRatio(pq),
      c.fetchTakerHistory(pq),
      c.fetchAggregatedTakerHistory(cq),
      c.fetchLargeLimitOrders({ exchange: "Binance", pair: "BTCUSDT" }),
      c.fetchOrderbookDepthHistory(pq),
      c.fetchAggregatedOrderbookDepthHistory(cq),
      c.fetchOrderbookHistory(pq),
      c.fetchWhalePositions(),
      c.fetchHyperliquidPositions({ coin: "BTC" }),
    ]);
    for (const r of results) {
      const v = r.value as unknown[] | { list: unknown[] };
      expect(Array.isArray(v) ? v.length : v.list.length).toBeGreaterThan(0);
    }
    const taker = await c.fetchTakerVolume({ coin: "BTC", range: "1h" });
    expect(taker.value.byExchange.length).toBeGreaterThan(0);
    expect(taker.value.buyUsd).toBeGreaterThan(0);
  });

  it("coerces numeric strings (price history) to the same numbers", async () => {
    const rows = (await raw("/api/futures/price/history", {
      exchange: "Binance",
      symbol: "ETHUSDT",
      interval: "4h",
      limit: "3",
    })) as Array<Record<string, string | number>>;
    expect(typeof rows[0]?.close).toBe("string");
    const mapped = await env.core.client.fetchPriceHistory({
      exchange: "Binance",
      pair: "ETHUSDT",
      interval: "4h",
      limit: 3,
    });
    expect(mapped.value.map((c) => c.close)).toEqual(rows.map((r) => Number(r.close)));
    expect(mapped.value.map((c) => c.volumeUsd)).toEqual(rows.map((r) => Number(r.volume_usd)));
  });

  it("reads the liquidation All row and per-exchange rows by their v4 names", async () => {
    const rows = (await raw("/api/futures/liquidation/exchange-list", {
      symbol: "SOL",
      range: "24h",
    })) as Array<Record<string, string | number>>;
    const all = rows.find((r) => r.exchange === "All");
    const liq = await env.core.market.getLiq("sol", "24h");
    expect(liq.data.totalUsd).toBe(all?.liquidation_usd);
    expect(liq.data.longUsd).toBe(all?.long_liquidation_usd);
    expect(liq.data.shortUsd).toBe(all?.short_liquidation_usd);
    expect(liq.data.byExchange.map((r) => r.exchange)).not.toContain("All");
    expect(liq.data.byExchange.length).toBe(rows.length - 1);
    expect(liq.meta.missing).toEqual([]);
  });

  it("maps the nested funding lists per margin type", async () => {
    const rows = (await raw("/api/futures/funding-rate/exchange-list")) as Array<{
      symbol: string;
      stablecoin_margin_list: Array<Record<string, number | string>>;
      token_margin_list: Array<Record<string, number | string>>;
    }>;
    const eth = rows.find((r) => r.symbol === "ETH");
    const f = await env.core.market.getFunding("ETH");
    const triples = (list: typeof f.data.stablecoinMargin) =>
      list.map((r) => [r.exchange, r.ratePct, r.intervalHours]).sort();
    expect(triples(f.data.stablecoinMargin)).toEqual(
      eth?.stablecoin_margin_list.map((r) => [r.exchange, r.funding_rate, r.funding_rate_interval]).sort(),
    );
    expect(f.data.tokenMargin.length).toBe(eth?.token_margin_list.length);
    // The highest is compared per 8 hours (rate × 8 / interval), not by the raw number.
    expect(f.data.highest?.per8hPct).toBeCloseTo(
      Math.max(
        ...(eth?.stablecoin_margin_list.map(
          (r) => (Number(r.funding_rate) * 8) / Number(r.funding_rate_interval),
        ) ?? []),
      ),
      12,
    );
  });

  it("takes whale direction from the sign of position_size and open/close from position_action", async () => {
    env.sim.control.injectWhalePosition({
      symbol: "ETH",
      action: "open",
      direction: "short",
      valueUsd: 9_000_000,
      user: "0xabc",
    });
    const rows = (await raw("/api/hyperliquid/whale-alert")) as Array<Record<string, number | string>>;
    const injected = rows.find((r) => r.user === "0xabc");
    expect(Number(injected?.position_size)).toBeLessThan(0);
    const w = await env.core.market.getWhale({ symbol: "eth", minUsd: 1_000_000 });
    const alert = w.data.alerts.find((a) => a.user === "0xabc");
    expect(alert).toMatchObject({ coin: "ETH", direction: "short", action: "open" });
    expect(alert?.positionSize).toBe(Number(injected?.position_size));
    expect(w.data.positions.every((p) => p.coin === "ETH" && p.valueUsd >= 1_000_000)).toBe(true);
    expect(w.data.positions.every((p) => (p.direction === "short") === p.positionSize < 0)).toBe(true);
  });

  it("coalesces 1,000 concurrent identical calls into one simulator request", async () => {
    env.sim.control.resetCounters();
    const path = "/api/futures/open-interest/exchange-list";
    const all = await Promise.all(
      Array.from({ length: 1000 }, () => env.core.client.fetchOpenInterestExchangeList("XRP")),
    );
    expect(env.hits(path)).toBe(1);
    expect(new Set(all.map((r) => r.value)).size).toBe(1);
    await env.core.client.fetchOpenInterestExchangeList("XRP");
    expect(env.hits(path)).toBe(1);
    const stats = env.core.stats();
    expect(stats.cache.hits).toBeGreaterThanOrEqual(1000);
    expect(stats.cache.hitRate).toBeGreaterThan(0.5);
    expect(stats.plan).toBe("professional");
    expect(stats.quota.limitPerMinute).toBe(1200);
    expect(stats.quota.usedLastMinute).toBeGreaterThan(0);
    expect(stats.upstream.calls).toBeGreaterThan(30);
    expect(stats.upstream.errors).toBe(0);
  });
});
