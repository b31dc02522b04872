import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PlanError } from "../src/models/errors.js";
import { simAndCore } from "./client-helpers.js";

let startup: Awaited<ReturnType<typeof simAndCore>>;
let hobbyist: Awaited<ReturnType<typeof simAndCore>>;
beforeAll(async () => {
  [startup, hobbyist] = await Promise.all([
    simAndCore({ seed: 3, plan: "startup" }),
    simAndCore({ seed: 3, plan: "hobbyist" }),
  ]);
});
afterAll(async () => {
  await startup?.close();
  await hobbyist?.close();
});

interface Row {
  symbol: string;
  buy: { exchange: string; funding_rate: number; funding_rate_interval: number };
  sell: { exchange: string; funding_rate: number; funding_rate_interval: number };
  apr: number;
}

describe("getFundingArbitrage", () => {
  it("ranks CoinGlass's pairs by the gap per 8 h; legs keep their raw rate and interval", async () => {
    const r = await startup.core.market.getFundingArbitrage({ limit: 5 });
    const res = await fetch(`${startup.sim.restUrl}/api/futures/funding-rate/arbitrage?usd=10000`, {
      headers: { "CG-API-KEY": "x" },
    });
    const rows = ((await res.json()) as { data: Row[] }).data;
    expect(r.data.pairs).toHaveLength(5);
    for (const p of r.data.pairs) {
      const row = rows.find((x) => x.symbol === p.symbol) as Row;
      expect(p.long).toMatchObject({ exchange: row.buy.exchange, ratePct: row.buy.funding_rate });
      expect(p.long.intervalHours).toBe(row.buy.funding_rate_interval);
      expect(p.long.per8hPct).toBeCloseTo((row.buy.funding_rate * 8) / row.buy.funding_rate_interval, 10);
      expect(p.spreadPer8hPct).toBeCloseTo((p.short.per8hPct ?? 0) - (p.long.per8hPct ?? 0), 10);
      expect(p.spreadAprPct).toBeCloseTo((p.spreadPer8hPct ?? 0) * 3 * 365, 6);
      // The simulator's APR is the per-hour gap annualized, so both agree.
      expect(p.spreadAprPct).toBeCloseTo(row.apr, 1);
      expect(p.accumulated7d.longPct).not.toBeNull();
    }
    const aprs = r.data.pairs.map((p) => p.spreadAprPct as number);
    expect(aprs).toEqual([...aprs].sort((a, b) => b - a));
    expect(r.meta.missing).toEqual([]);
  });

  it("below Startup refuses with PlanError naming startup, without calling CoinGlass", async () => {
    await hobbyist.core.market.listSymbols(); // the background symbol load is done
    const before = hobbyist.sim.control.counters().total;
    const error = await hobbyist.core.market.getFundingArbitrage().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PlanError);
    expect((error as PlanError).requiredPlan).toBe("startup");
    expect(hobbyist.sim.control.counters().total).toBe(before);
  });

  it("a warm call makes no upstream request", async () => {
    await startup.core.market.getFundingArbitrage({ limit: 3 });
    const before = startup.sim.control.counters().total;
    const warm = await startup.core.market.getFundingArbitrage({ limit: 3 });
    expect(startup.sim.control.counters().total).toBe(before);
    expect(warm.meta.cached).toBe(true);
  });
});
