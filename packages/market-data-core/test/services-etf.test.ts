import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { simAndCore } from "./client-helpers.js";

let env: Awaited<ReturnType<typeof simAndCore>>;
beforeAll(async () => {
  // ETF data is on every plan: the lowest one must get all of it.
  env = await simAndCore({ seed: 5, plan: "hobbyist" });
});
afterAll(() => env.close());

interface Day {
  timestamp: number;
  flow_usd: number;
  etf_flows: { etf_ticker: string; flow_usd?: number }[];
}
async function raw<T>(path: string): Promise<T> {
  const res = await fetch(`${env.sim.restUrl}${path}`, { headers: { "CG-API-KEY": "x" } });
  return ((await res.json()) as { data: T }).data;
}

describe("getEtf (hobbyist plan, simulator)", () => {
  it("BTC: the last N days with CoinGlass's totals and per-fund flows, net assets, Hong Kong", async () => {
    const r = await env.core.market.getEtf("BTC", { days: 5 });
    const days = (await raw<Day[]>("/api/etf/bitcoin/flow-history")).slice(-5);
    expect(r.data.days.map((d) => d.time)).toEqual(days.map((d) => d.timestamp));
    expect(r.data.days.map((d) => d.totalUsd)).toEqual(days.map((d) => d.flow_usd));
    expect(r.data.latest?.funds.find((f) => f.ticker === "IBIT")?.flowUsd).toBe(
      days.at(-1)?.etf_flows.find((f) => f.etf_ticker === "IBIT")?.flow_usd,
    );
    expect(r.data.periodTotalUsd).toBeCloseTo(
      days.reduce((s, d) => s + d.flow_usd, 0),
      0,
    );
    const assets = await raw<{ net_assets_usd: number; timestamp: number }[]>(
      "/api/etf/bitcoin/net-assets/history",
    );
    expect(r.data.netAssets?.usd).toBe(assets.at(-1)?.net_assets_usd);
    expect(r.data.hongKong).toHaveLength(5);
    expect(r.meta.missing).toEqual([]);
  });

  it("SOL: a fund without a figure is null (not 0), and net assets are named missing", async () => {
    const r = await env.core.market.getEtf("SOL", { days: 30 });
    const funds = r.data.days.flatMap((d) => d.funds);
    const upstream = (await raw<Day[]>("/api/etf/solana/flow-history"))
      .slice(-30)
      .flatMap((d) => d.etf_flows);
    expect(funds.some((f) => f.flowUsd === null)).toBe(true);
    expect(funds.map((f) => f.flowUsd)).toEqual(upstream.map((f) => f.flow_usd ?? null));
    expect(r.data.netAssets).toBeNull();
    expect(r.meta.missing).toEqual(["netAssets"]);
    expect(r.data.hongKong).toEqual([]);
  });

  it("a warm call makes no upstream request; an injected day shows after the cache expires", async () => {
    await env.core.market.getEtf("ETH", { days: 3 });
    const before = env.sim.control.counters().total;
    const warm = await env.core.market.getEtf("ETH", { days: 3 });
    expect(env.sim.control.counters().total).toBe(before);
    expect(warm.meta.cached).toBe(true);
    // A day of flows published upstream is not visible until the hour's TTL runs out.
    env.sim.control.injectEtfFlow({ asset: "ETH", flows: { ETHA: 5_000_000 } });
    expect((await env.core.market.getEtf("ETH", { days: 3 })).data.latest?.totalUsd).not.toBe(5_000_000);
  });

  it("when CoinGlass fails and nothing is cached, the call fails rather than inventing days", async () => {
    env.sim.control.setFaults({ rate5xx: 1 });
    try {
      await expect(env.core.market.getEtf("XRP")).rejects.toThrow(/unavailable/);
    } finally {
      env.sim.control.setFaults({ rate5xx: 0 });
    }
  });
});
