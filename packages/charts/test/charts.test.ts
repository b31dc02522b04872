import { createSimulator, type Simulator } from "@teleglas/coinglass-sim";
import { createMarketDataCore, type MarketDataCore } from "@teleglas/market-data-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderChart, renderEtfChart } from "../src/index.js";
import { price } from "../src/price.js";
import { decodePng, inkStats } from "../src/testing.js";

let sim: Simulator;
let core: MarketDataCore;
beforeAll(async () => {
  sim = await createSimulator({ background: false });
  core = createMarketDataCore({ apiKey: "k", baseUrl: sim.restUrl, plan: "standard" });
});
afterAll(async () => {
  await core.close();
  await sim.close();
});

const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
/** Width and height from the IHDR chunk. */
const size = (png: Buffer) => ({ width: png.readUInt32BE(16), height: png.readUInt32BE(20) });

describe("@teleglas/charts", () => {
  it("renders candles with liquidations as a 1000 px wide PNG", async () => {
    const [candles, liqs] = await Promise.all([
      core.market.getPriceHistory("BTC", { interval: "4h", limit: 48 }),
      core.market.getLiquidationHistory("BTC", { interval: "4h", limit: 48 }),
    ]);
    const png = await renderChart({
      symbol: "BTC",
      interval: "4h",
      candles: candles.data,
      liquidations: liqs.data,
    });
    expect(png.subarray(0, 8)).toEqual(PNG_MAGIC);
    expect(size(png).width).toBe(1000);
    expect(inkStats(decodePng(png).rgba).colorShare).toBeGreaterThan(0.01);
  });

  it("renders the ETF flow bars", async () => {
    const report = await core.market.getEtf("BTC", { days: 14 });
    const png = await renderEtfChart(report.data);
    expect(png.subarray(0, 8)).toEqual(PNG_MAGIC);
    expect(size(png).width).toBe(1000);
  });

  it("labels prices the way the bot does", () => {
    expect(price(97120.5)).toBe("$97,120.5");
    expect(price(3.45121)).toBe("$3.4512");
    expect(price(0.00001234)).toBe("$0.00001234");
  });
});
