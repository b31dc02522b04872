import { type ChartInput, chartSpec, renderChart } from "@teleglas/charts";
import { decodePng } from "@teleglas/charts/testing";
import { createSimulator, type Simulator } from "@teleglas/coinglass-sim";
import { createMarketDataCore, type MarketDataCore } from "@teleglas/market-data-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { price } from "../src/format/numbers.js";

let sim: Simulator;
let core: MarketDataCore;
let input: ChartInput;
beforeAll(async () => {
  sim = await createSimulator({ background: false });
  core = createMarketDataCore({ apiKey: "k", baseUrl: sim.restUrl, plan: "standard" });
  const [candles, liqs] = await Promise.all([
    core.market.getPriceHistory("BTC", { interval: "4h", limit: 96 }),
    core.market.getLiquidationHistory("BTC", { interval: "4h", limit: 96 }),
  ]);
  input = { symbol: "BTC", interval: "4h", candles: candles.data, liquidations: liqs.data };
});
afterAll(async () => {
  await core.close();
  await sim.close();
});

const hex = (c: string) => [1, 3, 5].map((i) => Number.parseInt(c.slice(i, i + 2), 16));
/** The rows (y) where a colour appears exactly. */
function rowsWith(png: ReturnType<typeof decodePng>, color: string): number[] {
  const [r, g, b] = hex(color);
  const rows = new Set<number>();
  for (let i = 0; i < png.rgba.length; i += 4) {
    if (png.rgba[i] === r && png.rgba[i + 1] === g && png.rgba[i + 2] === b)
      rows.add(Math.floor(i / 4 / png.width));
  }
  return [...rows];
}

describe("/chart PNG", () => {
  it("draws the liquidation legend and bars below the candles, in colours the candles do not use", async () => {
    const png = decodePng(await renderChart(input));
    const candleRows = [...rowsWith(png, "#16a34a"), ...rowsWith(png, "#dc2626")];
    const liqRows = [...rowsWith(png, "#f59e0b"), ...rowsWith(png, "#2563eb")];
    expect(candleRows.length).toBeGreaterThan(50);
    expect(liqRows.length).toBeGreaterThan(20);
    // Everything in the liquidation colours (legend swatches included) sits under the last candle row.
    expect(Math.min(...liqRows)).toBeGreaterThan(Math.max(...candleRows));
  });

  it("says the times are UTC, names CoinGlass and marks the last price", () => {
    const spec = JSON.stringify(chartSpec(input));
    const last = input.candles.at(-1)!.close;
    expect(spec).toContain('"scale":{"type":"utc"}');
    expect(spec).toContain("Time (UTC)");
    expect(spec).toContain("Data: CoinGlass");
    expect(spec).toContain(`"label":"Last ${price(last)}"`);
  });

  it("speaks the reader's language", () => {
    const spec = JSON.stringify(
      chartSpec({ ...input, labels: { interval: "4j", time: "Waktu (UTC)", longs: "Long terlikuidasi" } }),
    );
    expect(spec).toContain('"text":"BTC · 4j"');
    expect(spec).toContain("Waktu (UTC)");
    expect(spec).toContain("Long terlikuidasi");
    expect(spec).not.toContain("Longs liquidated");
  });
});
