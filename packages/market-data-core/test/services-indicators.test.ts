import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { simAndCore } from "./client-helpers.js";

let env: Awaited<ReturnType<typeof simAndCore>>;
beforeAll(async () => {
  // The lowest plan: interval-gated endpoints must be asked on 4 h bars.
  env = await simAndCore({ seed: 12, plan: "hobbyist" });
});
afterAll(() => env.close());

async function raw<T>(path: string): Promise<T> {
  const res = await fetch(`${env.sim.restUrl}${path}`, { headers: { "CG-API-KEY": "x" } });
  return ((await res.json()) as { data: T }).data;
}

describe("getIndicators (hobbyist plan, simulator)", () => {
  it("BTC: Coinbase premium in USD, Bitfinex margin and the Binance basis, on 4 h bars", async () => {
    const r = await env.core.market.getIndicators("BTC");
    expect(r.data.interval).toBe("4h");
    const premium = await raw<Array<{ time: number; premium: number }>>(
      "/api/coinbase-premium-index?interval=4h&limit=7",
    );
    expect(r.data.coinbasePremium?.premiumUsd).toBe(premium.at(-1)?.premium);
    expect(r.data.coinbasePremium?.time).toBe((premium.at(-1)?.time ?? 0) * 1000);
    expect(r.data.coinbasePremium?.change24hUsd).toBeCloseTo(
      (premium.at(-1)?.premium ?? 0) - (premium[0]?.premium ?? 0),
      8,
    );
    const margin = await raw<Array<{ long_quantity: number; short_quantity: number }>>(
      "/api/bitfinex-margin-long-short?symbol=BTC&interval=4h&limit=7",
    );
    const m = margin.at(-1);
    expect(r.data.bitfinexMargin?.longShortRatio).toBeCloseTo(
      (m?.long_quantity ?? 0) / (m?.short_quantity ?? 1),
      10,
    );
    expect(r.data.basis).toMatchObject({ exchange: "Binance", pair: "BTCUSDT" });
    expect(Math.abs(r.data.basis?.basisPct ?? 99)).toBeLessThan(1);
    expect(r.meta.missing).toEqual([]);
  });

  it("ETH: no Coinbase premium (BTC only) and it is named missing, the rest is there", async () => {
    const r = await env.core.market.getIndicators("ETH");
    expect(r.data.coinbasePremium).toBeNull();
    expect(r.meta.missing).toEqual(["coinbasePremium"]);
    expect(r.data.bitfinexMargin?.longQuantity).toBeGreaterThan(0);
  });
});
