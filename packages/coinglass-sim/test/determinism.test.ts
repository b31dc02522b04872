import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSimulator, SAMPLE_QUERIES, type Simulator } from "../src/index.js";
import { FIXED_NOW } from "./helpers.js";

const text = async (sim: Simulator, path: string, query: string) =>
  (await fetch(`${sim.restUrl}${path}?${query}`, { headers: { "CG-API-KEY": "k" } })).text();

/** Endpoints built from recorded events rather than the model are left out. */
const MODEL_PATHS = Object.entries(SAMPLE_QUERIES).filter(([p]) => p !== "/api/futures/liquidation/order");

describe("determinism", () => {
  let a: Simulator;
  let b: Simulator;
  let c: Simulator;
  beforeAll(async () => {
    [a, b, c] = await Promise.all([
      createSimulator({ seed: 7, clock: () => FIXED_NOW }),
      createSimulator({ seed: 7, clock: () => FIXED_NOW }),
      createSimulator({ seed: 8, clock: () => FIXED_NOW }),
    ]);
  });
  afterAll(async () => {
    await Promise.all([a.close(), b.close(), c.close()]);
  });

  it("the same seed gives the same data on every endpoint", async () => {
    for (const [path, query] of MODEL_PATHS) {
      expect(await text(a, path, query), path).toBe(await text(b, path, query));
    }
  });

  it("a different seed gives different prices", async () => {
    const q = "exchange=Binance&symbol=BTCUSDT&interval=1h&limit=10";
    expect(await text(a, "/api/futures/price/history", q)).not.toBe(
      await text(c, "/api/futures/price/history", q),
    );
    expect(a.control.price("BTC")).not.toBe(c.control.price("BTC"));
  });

  it("time-based data derives from seed + time: a later window overlaps an earlier one exactly", async () => {
    const base = "exchange=OKX&symbol=ETHUSDT&interval=1h";
    const earlier = JSON.parse(
      await text(a, "/api/futures/price/history", `${base}&limit=10&end_time=${FIXED_NOW - 5 * 3600_000}`),
    ).data;
    const later = JSON.parse(await text(b, "/api/futures/price/history", `${base}&limit=20`)).data;
    // Closed candles agree; the earlier window's last candle is also closed in the later one.
    expect(later.slice(5, 14)).toEqual(earlier.slice(0, 9));
  });
});
