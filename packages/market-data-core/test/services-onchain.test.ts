import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { simAndCore } from "./client-helpers.js";

let env: Awaited<ReturnType<typeof simAndCore>>;
beforeAll(async () => {
  // Exchange balances are on every plan.
  env = await simAndCore({ seed: 14, plan: "hobbyist" });
});
afterAll(() => env.close());

describe("getOnchain (hobbyist plan, simulator)", () => {
  it("balances per exchange, largest first, totals as their sums", async () => {
    const r = await env.core.market.getOnchain("btc");
    expect(r.symbol).toBe("BTC");
    const balances = r.data.exchanges.map((x) => x.balance);
    expect(balances).toEqual([...balances].sort((a, b) => b - a));
    expect(r.data.totalBalance).toBeCloseTo(
      balances.reduce((a, b) => a + b, 0),
      4,
    );
    expect(r.data.totalChange["1d"]).toBeCloseTo(
      r.data.exchanges.reduce((s, x) => s + (x.change["1d"].quantity ?? 0), 0),
      4,
    );
    expect(r.meta.missing).toEqual([]);
  });

  it("a whale transfer into an exchange raises its balance and 1-day change (fresh cache)", async () => {
    const before = (await env.core.market.getOnchain("ETH")).data.exchanges.find(
      (x) => x.exchange === "Kraken",
    );
    env.sim.control.injectWhaleTransfer({ symbol: "ETH", usd: 50_000_000, to: "Kraken" });
    const quantity = 50_000_000 / env.sim.control.price("ETH");
    const res = await fetch(`${env.sim.restUrl}/api/exchange/balance/list?symbol=ETH`, {
      headers: { "CG-API-KEY": "x" },
    });
    const rows = ((await res.json()) as { data: Array<Record<string, number | string>> }).data;
    const kraken = rows.find((x) => x.exchange_name === "Kraken");
    expect(kraken?.total_balance as number).toBeCloseTo((before?.balance ?? 0) + quantity, 2);
    expect(kraken?.balance_change_1d as number).toBeCloseTo(
      (before?.change["1d"].quantity ?? 0) + quantity,
      2,
    );
  });
});
