import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSimulator, type Simulator } from "../src/index.js";
import { data, FIXED_NOW, get } from "./helpers.js";

interface Day {
  timestamp: number;
  flow_usd: number;
  price_usd: number;
  etf_flows: { etf_ticker: string; flow_usd?: number }[];
}
interface Assets {
  net_assets_usd: number;
  change_usd: number;
  timestamp: number;
  price_usd: number;
}
const DAY = 86_400_000;
const TODAY = Math.floor(FIXED_NOW / DAY) * DAY;

describe("spot-ETF endpoints", () => {
  let sim: Simulator;
  beforeAll(async () => {
    sim = await createSimulator({ seed: 7, clock: () => FIXED_NOW, background: false, plan: "hobbyist" });
  });
  afterAll(() => sim.close());

  it("serves weekdays before today, each total the sum of its funds, at the coin's price", async () => {
    for (const seg of ["bitcoin", "ethereum", "solana", "xrp"]) {
      const days = await data<Day[]>(sim, `/api/etf/${seg}/flow-history`);
      expect(days.length).toBeGreaterThan(20);
      for (const d of days) {
        expect(d.timestamp % DAY).toBe(0);
        expect([0, 6]).not.toContain(new Date(d.timestamp).getUTCDay());
        expect(d.flow_usd).toBeCloseTo(
          d.etf_flows.reduce((s, f) => s + (f.flow_usd ?? 0), 0),
          0,
        );
      }
      expect(days.at(-1)?.timestamp).toBeLessThan(TODAY);
    }
    const btc = await data<Day[]>(sim, "/api/etf/bitcoin/flow-history");
    expect(btc.at(-1)?.price_usd).toBeCloseTo(sim.control.price("BTC"), -3);
  });

  it("leaves flow_usd out for quiet SOL/XRP funds and msg out where the docs do", async () => {
    const sol = await data<Day[]>(sim, "/api/etf/solana/flow-history");
    expect(sol.some((d) => d.etf_flows.some((f) => f.flow_usd === undefined))).toBe(true);
    const raw = (await get(sim, "/api/etf/xrp/flow-history")).body;
    expect(raw.code).toBe("0");
    expect(raw.msg).toBeUndefined();
  });

  it("net assets change by each day's flow and follow the price", async () => {
    const flows = await data<Day[]>(sim, "/api/etf/bitcoin/flow-history");
    const assets = await data<Assets[]>(sim, "/api/etf/bitcoin/net-assets/history");
    expect(assets.map((a) => a.timestamp)).toEqual(flows.map((d) => d.timestamp));
    const [a, b] = assets.slice(-2) as [Assets, Assets];
    expect(b.change_usd).toBe(flows.at(-1)?.flow_usd);
    // holdings(b) = holdings(a) + flow(b) / price(b)
    const coins = a.net_assets_usd / a.price_usd + b.change_usd / b.price_usd;
    expect(b.net_assets_usd / b.price_usd).toBeCloseTo(coins, 3);
  });

  it("publishes an injected day at once, its total the sum of the funds given", async () => {
    sim.control.injectEtfFlow({ asset: "BTC", flows: { IBIT: 250_000_000, GBTC: -40_000_000 } });
    const days = await data<Day[]>(sim, "/api/etf/bitcoin/flow-history");
    const last = days.at(-1);
    expect(last?.timestamp).toBe(TODAY);
    expect(last?.flow_usd).toBe(210_000_000);
    expect(last?.etf_flows.find((f) => f.etf_ticker === "IBIT")?.flow_usd).toBe(250_000_000);
    expect(last?.etf_flows.find((f) => f.etf_ticker === "FBTC")?.flow_usd).toBeUndefined();
    expect(() => sim.control.injectEtfFlow({ asset: "BTC", flows: { NOPE: 1 } })).toThrow(/not a BTC ETF/);
    sim.control.reset();
    expect((await data<Day[]>(sim, "/api/etf/bitcoin/flow-history")).at(-1)?.timestamp).toBeLessThan(TODAY);
  });
});
