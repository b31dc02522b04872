import { createSimulator, type Simulator } from "@teleglas/coinglass-sim";
import {
  createMarketDataCore,
  type LiquidationHeatmap,
  type MarketDataCore,
} from "@teleglas/market-data-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { heatmapCells, renderLiqmapChart } from "../src/index.js";
import { decodePng, inkStats } from "../src/testing.js";

let sim: Simulator;
let core: MarketDataCore;
beforeAll(async () => {
  sim = await createSimulator({ background: false });
  core = createMarketDataCore({ apiKey: "k", baseUrl: sim.restUrl, plan: "professional" });
});
afterAll(async () => {
  await core.close();
  await sim.close();
});

describe("liquidation heatmap chart", () => {
  it("renders a simulator heatmap as a 1000 px wide portrait PNG, mostly heatmap colours", async () => {
    const r = await core.market.getLiquidationMap("BTC", { range: "24h" });
    const png = decodePng(await renderLiqmapChart(r.data));
    expect(png.width).toBe(1000);
    expect(png.height).toBeGreaterThan(700);
    const ink = inkStats(png.rgba);
    expect(ink.colorShare).toBeGreaterThan(0.3);
    expect(ink.colors).toBeGreaterThan(30);
  });

  it("draws merged shapes inside the heatmap's times and prices", async () => {
    const h = (await core.market.getLiquidationMap("ETH", { range: "7d" })).data
      .heatmap as LiquidationHeatmap;
    const cells = heatmapCells(h);
    // Far fewer shapes than cells: that is what keeps rendering fast.
    expect(cells.length).toBeGreaterThan(50);
    expect(cells.length).toBeLessThan(h.cells.length / 4);
    const prices = h.prices as number[];
    for (const c of cells) {
      expect(c.t0).toBeGreaterThanOrEqual(h.times[0] as number);
      expect(c.p0).toBeGreaterThan(Math.min(...prices) - (prices[1]! - prices[0]!) * 2);
      expect(c.usd).toBeGreaterThan(0);
    }
  });

  it("draws nothing for an empty heatmap, and cells pointing at a missing time are skipped", () => {
    expect(heatmapCells({ times: [], closes: [], prices: [], cells: [] })).toEqual([]);
    const h = {
      times: [null, 60_000],
      closes: [1, 1],
      prices: [10, 11],
      cells: [[0, 0, 5] as [number, number, number]],
    };
    expect(heatmapCells(h)).toEqual([]);
  });
});
