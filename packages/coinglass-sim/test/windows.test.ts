import { describe, expect, it } from "vitest";
import { createSimulator } from "../src/index.js";
import { data, FIXED_NOW } from "./helpers.js";

type Liq = { exchange: string; long_liquidation_usd: number };
type Market = { symbol: string; long_liquidation_usd_1h: number; long_liquidation_usd_4h: number };

describe("injected events and time windows", () => {
  it("a storm leaves the 1h window after an hour but stays in the 4h one", async () => {
    let now = FIXED_NOW;
    const sim = await createSimulator({ seed: 2, background: false, clock: () => now });
    try {
      const all = async (range: string) =>
        (await data<Liq[]>(sim, "/api/futures/liquidation/exchange-list", `symbol=SOL&range=${range}`))[0]
          ?.long_liquidation_usd ?? 0;
      const sol = async () =>
        (await data<Market[]>(sim, "/api/futures/coins-markets", "per_page=100")).find(
          (m) => m.symbol === "SOL",
        ) as Market;
      const before = { h1: await all("1h"), h4: await all("4h"), market: await sol() };
      sim.control.injectLiquidationStorm({
        symbol: "SOL",
        side: "long",
        totalUsd: 2_000_000,
        count: 4,
        overSeconds: 0,
      });
      expect((await all("1h")) - before.h1).toBeCloseTo(2_000_000, -1);
      now += 2 * 3600_000;
      expect(await all("1h")).toBeCloseTo(before.h1, 2);
      expect((await all("4h")) - before.h4).toBeCloseTo(2_000_000, -1);
      const market = await sol();
      expect(market.long_liquidation_usd_1h).toBeCloseTo(before.market.long_liquidation_usd_1h, 2);
      expect(market.long_liquidation_usd_4h - before.market.long_liquidation_usd_4h).toBeCloseTo(
        2_000_000,
        -1,
      );
    } finally {
      await sim.close();
    }
  });
});
