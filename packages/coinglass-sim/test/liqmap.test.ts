import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSimulator, type Simulator } from "../src/index.js";
import { data, FIXED_NOW, get } from "./helpers.js";

interface Heatmap {
  y_axis: number[];
  liquidation_leverage_data: Array<[number, number, number]>;
  price_candlesticks: Array<[number, string, string, string, string, string]>;
}
type LevelMap = { data: Record<string, Array<[number, number, number | null, null]>> };
interface MaxPain {
  symbol: string;
  price: number;
  long_max_pain_liq_price: number;
  short_max_pain_liq_price: number;
  long_max_pain_liq_level: number;
}

describe("liquidation heatmap, map and max pain", () => {
  let sim: Simulator;
  beforeAll(async () => {
    sim = await createSimulator({ seed: 4, clock: () => FIXED_NOW, background: false });
  });
  afterAll(() => sim.close());

  it("heatmap: levels around the current price, candles in seconds ending at the price", async () => {
    const price = sim.control.price("BTC");
    const h = await data<Heatmap>(
      sim,
      "/api/futures/liquidation/aggregated-heatmap/model1",
      "symbol=BTC&range=24h",
    );
    expect(h.y_axis[0]).toBeLessThan(price);
    expect(h.y_axis.at(-1)).toBeGreaterThan(price);
    expect(h.price_candlesticks).toHaveLength(288);
    const [t, , , , close] = h.price_candlesticks.at(-1) ?? [];
    expect(t).toBeLessThan(1e11);
    expect(Number(close)).toBeCloseTo(price, 0);
    for (const [x, y, v] of h.liquidation_leverage_data) {
      expect(h.price_candlesticks[x]).toBeDefined();
      expect(h.y_axis[y]).toBeDefined();
      expect(v).toBeGreaterThan(0);
    }
    // Levels exist on both sides of the price in the newest column.
    const lastX = h.price_candlesticks.length - 1;
    const now = h.liquidation_leverage_data
      .filter(([x]) => x === lastX)
      .map(([, y]) => h.y_axis[y] as number);
    expect(now.some((p) => p > price)).toBe(true);
    expect(now.some((p) => p < price)).toBe(true);
  });

  it("map: price keys with [price, level, leverage, null]; the coin map has no leverage", async () => {
    const pair = await data<LevelMap>(
      sim,
      "/api/futures/liquidation/map",
      "exchange=Binance&symbol=BTCUSDT&range=1d",
    );
    const rows = Object.entries(pair.data);
    expect(rows.length).toBeGreaterThan(10);
    for (const [k, list] of rows) for (const t of list) expect(t[0]).toBe(Number(k));
    expect(rows.some(([, l]) => l.some((t) => t[2] === 25))).toBe(true);
    const coin = await data<LevelMap>(sim, "/api/futures/liquidation/aggregated-map", "symbol=BTC&range=1d");
    expect(Object.values(coin.data).every((l) => l.length === 1 && l[0]?.[2] === null)).toBe(true);
  });

  it("max pain: one row per coin, the long level above the price and the short one below, no msg", async () => {
    const r = await get(sim, "/api/futures/liquidation/max-pain", "range=24h");
    expect(r.body.msg).toBeUndefined();
    const rows = r.body.data as MaxPain[];
    const btc = rows.find((x) => x.symbol === "BTC") as MaxPain;
    expect(btc.long_max_pain_liq_price).toBeGreaterThan(btc.price);
    expect(btc.short_max_pain_liq_price).toBeLessThan(btc.price);
    expect(btc.long_max_pain_liq_level).toBeGreaterThan(0);
  });

  it("refuses a bad range", async () => {
    expect(
      (await get(sim, "/api/futures/liquidation/aggregated-map", "symbol=BTC&range=24h")).body.code,
    ).toBe("400");
    expect((await get(sim, "/api/futures/liquidation/max-pain", "range=2d")).body.code).toBe("400");
  });

  it("answers Upgrade plan below Professional", async () => {
    const low = await createSimulator({
      seed: 4,
      clock: () => FIXED_NOW,
      background: false,
      plan: "standard",
    });
    try {
      const r = await get(low, "/api/futures/liquidation/aggregated-heatmap/model2", "symbol=BTC&range=24h");
      expect(r.body).toEqual({ code: "401", msg: "Upgrade plan" });
    } finally {
      await low.close();
    }
  });
});
