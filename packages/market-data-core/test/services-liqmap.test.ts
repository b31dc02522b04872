import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PlanError } from "../src/models/errors.js";
import { simAndCore, useSimAndCore } from "./client-helpers.js";

type Heatmap = { price_candlesticks: Array<[number, string, string, string, string, string]> };
type LevelMap = { data: Record<string, Array<[number, number, null, null]>> };
type MaxPain = Array<{ symbol: string; long_max_pain_liq_price: number; short_max_pain_liq_level: number }>;

const s = useSimAndCore({ beforeAll, afterAll }, { seed: 9, plan: "professional" });
const L = "/api/futures/liquidation";

describe("getLiquidationMap (professional plan, simulator)", () => {
  it("price from the newest candle, clusters from the map, max pain from CoinGlass's row", async () => {
    const r = await s.env.core.market.getLiquidationMap("btc", { range: "24h" });
    const h = await s.raw<Heatmap>(`${L}/aggregated-heatmap/model1`, { symbol: "BTC", range: "24h" });
    const last = h.price_candlesticks.at(-1) ?? [];
    expect(r.symbol).toBe("BTC");
    expect(r.data.priceUsd).toBe(Number(last[4]));
    expect(r.data.priceTime).toBe((last[0] as number) * 1000);
    expect(r.data.heatmap?.cells.length).toBeGreaterThan(100);
    const price = r.data.priceUsd as number;
    const map = await s.raw<LevelMap>(`${L}/aggregated-map`, { symbol: "BTC", range: "1d" });
    const levels = Object.values(map.data).map((l) => l[0] as [number, number, null, null]);
    const { above, below } = r.data.clusters;
    expect(above.length).toBeGreaterThan(0);
    expect(below.length).toBeGreaterThan(0);
    for (const [list, side] of [
      [above, 1],
      [below, -1],
    ] as const) {
      const distances = list.map((c) => Math.abs(c.distancePct));
      expect(distances).toEqual([...distances].sort((a, b) => a - b));
      for (const c of list) {
        expect((c.priceUsd - price) * side).toBeGreaterThan(0);
        const inBand = levels.filter(([p]) => p >= c.fromUsd && p < c.toUsd && (p - price) * side > 0);
        expect(c.liquidationUsd).toBeCloseTo(
          inBand.reduce((s, [, v]) => s + v, 0),
          2,
        );
      }
    }
    const pains = await s.raw<MaxPain>(`${L}/max-pain`, { range: "24h" });
    const btc = pains.find((p) => p.symbol === "BTC");
    expect(r.data.maxPain?.long.priceUsd).toBe(btc?.long_max_pain_liq_price);
    expect(r.data.maxPain?.short.liquidationUsd).toBe(btc?.short_max_pain_liq_level);
    expect(r.meta.missing).toEqual([]);
  });

  it("a warm call makes no upstream request", async () => {
    const { core, sim } = s.env;
    await core.market.getLiquidationMap("ETH", { range: "7d" });
    const before = sim.control.counters().total;
    const warm = await core.market.getLiquidationMap("ETH", { range: "7d" });
    expect(sim.control.counters().total).toBe(before);
    expect(warm.meta.cached).toBe(true);
    expect(warm.data.mapRange).toBe("7d");
  });
});

describe("getLiquidationMap below Professional", () => {
  it("throws PlanError naming professional without asking CoinGlass for the map", async () => {
    const low = await simAndCore({ seed: 9, plan: "standard" });
    try {
      await low.core.market.resolveSymbol("BTC");
      const before = low.sim.control.counters().total;
      const error = await low.core.market.getLiquidationMap("BTC").catch((e: unknown) => e);
      expect(error).toBeInstanceOf(PlanError);
      expect((error as PlanError).requiredPlan).toBe("professional");
      expect(low.sim.control.counters().total).toBe(before);
    } finally {
      await low.close();
    }
  });
});
