import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { simAndCore } from "./client-helpers.js";

let env: Awaited<ReturnType<typeof simAndCore>>;
beforeAll(async () => {
  // Options are on every plan.
  env = await simAndCore({ seed: 9, plan: "hobbyist" });
});
afterAll(() => env.close());

async function raw<T>(path: string): Promise<T> {
  const res = await fetch(`${env.sim.restUrl}${path}`, { headers: { "CG-API-KEY": "x" } });
  return ((await res.json()) as { data: T }).data;
}

describe("getOptions (hobbyist plan, simulator)", () => {
  it("max pain per expiry near the price, venues, put/call from CoinGlass's open interest", async () => {
    const r = await env.core.market.getOptions("BTC");
    const [chart] = await raw<Array<{ time_list: number[]; price_list: number[] }>>(
      "/api/option/exchange-oi-history?symbol=BTC&unit=USD&range=1h",
    );
    expect(r.data.priceUsd).toBe(chart?.price_list.at(-1));
    expect(r.data.priceTime).toBe(chart?.time_list.at(-1));
    const rows = await raw<Array<{ date: string; max_pain_price: string; put_open_interest: number }>>(
      "/api/option/max-pain?symbol=BTC&exchange=Deribit",
    );
    expect(r.data.expiries.map((e) => e.maxPainUsd)).toEqual(rows.map((x) => Number(x.max_pain_price)));
    expect(r.data.expiries[0]?.date).toMatch(/^20\d\d-\d\d-\d\d$/);
    for (const e of r.data.expiries) {
      expect(Math.abs(e.maxPainDistancePct as number)).toBeLessThan(30);
      expect(e.putCallRatio).toBeCloseTo((e.putOpenInterest as number) / (e.callOpenInterest as number), 10);
    }
    expect(r.data.total?.sharePct).toBe(100);
    expect(r.data.byExchange[0]?.exchange).toBe("Deribit");
    expect(r.data.byExchange.find((v) => v.exchange === "Deribit")?.volumeChange24hPct).toBeNull();
    expect(r.meta.missing).toEqual([]);
  });

  it("a warm call makes no upstream request", async () => {
    await env.core.market.getOptions("ETH", { exchange: "OKX" });
    const before = env.sim.control.counters().total;
    const warm = await env.core.market.getOptions("ETH", { exchange: "OKX" });
    expect(env.sim.control.counters().total).toBe(before);
    expect(warm.meta.cached).toBe(true);
    expect(warm.data.exchange).toBe("OKX");
  });
});
