import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSimulator, type Simulator } from "../src/index.js";
import { data, FIXED_NOW, get } from "./helpers.js";

interface Expiry {
  date: string;
  max_pain_price: string;
  call_open_interest: number;
  put_open_interest: number;
}

describe("options endpoints", () => {
  let sim: Simulator;
  beforeAll(async () => {
    sim = await createSimulator({ seed: 4, clock: () => FIXED_NOW, background: false, plan: "hobbyist" });
  });
  afterAll(() => sim.close());

  it("max pain of every expiry is a strike within ±25 % of the price, expiries after today", async () => {
    for (const coin of ["BTC", "ETH"]) {
      const price = sim.control.price(coin);
      const rows = await data<Expiry[]>(sim, "/api/option/max-pain", `symbol=${coin}&exchange=Deribit`);
      expect(rows.length).toBeGreaterThanOrEqual(7);
      const today = new Date(FIXED_NOW).toISOString().slice(2, 10).replaceAll("-", "");
      for (const r of rows) {
        expect(r.date > today).toBe(true);
        expect(Math.abs(Number(r.max_pain_price) / price - 1)).toBeLessThan(0.25);
        expect(r.call_open_interest).toBeGreaterThan(0);
      }
    }
  });

  it("info: All is the sum of the venues with 100 % share; Deribit has no volume change", async () => {
    const rows = await data<Array<Record<string, number | string>>>(sim, "/api/option/info", "symbol=BTC");
    const [all, ...venues] = rows as [Record<string, number>, ...Record<string, number | string>[]];
    expect(all.exchange_name).toBe("All");
    expect(all.open_interest).toBeCloseTo(
      venues.reduce((s, v) => s + (v.open_interest as number), 0),
      0,
    );
    expect(venues.reduce((s, v) => s + (v.oi_market_share as number), 0)).toBeCloseTo(100, 0);
    expect(venues.find((v) => v.exchange_name === "Deribit")?.volume_change_percent_24h).toBeUndefined();
  });

  it("refuses a coin without options and a bad unit", async () => {
    expect((await get(sim, "/api/option/info", "symbol=DOGE")).body.code).toBe("400");
    expect(
      (await get(sim, "/api/option/exchange-oi-history", "symbol=BTC&unit=ETH&range=4h")).body.code,
    ).toBe("400");
  });
});
