import { describe, expect, it } from "vitest";
import { harness, trade } from "./helpers.js";

describe("whale trade", () => {
  it.each([
    ["BTC", 1_000_000, true],
    ["BTC", 999_999, false],
    ["BTC", 1_000_001, true],
    ["DOGE", 500_000, true],
    ["DOGE", 499_999, false],
    ["DOGE", 500_001, true],
    ["WIF", 200_000, true],
    ["WIF", 199_999, false],
    ["WIF", 200_001, true],
  ] as const)("%s $%d -> alert %s, on either side", (coin, usd, fires) => {
    for (const side of ["buy", "sell"] as const) {
      const h = harness();
      h.feed(trade(coin, side, usd));
      const got = h.alerts().filter((a) => a.kind === "whale_trade");
      expect(got.length).toBe(fires ? 1 : 0);
      if (fires) expect(got[0]).toMatchObject({ symbol: coin, side, usd });
    }
  });

  it("cools down per coin and taker side", () => {
    const h = harness();
    h.feed(trade("ETH", "buy", 2e6, 0), trade("ETH", "sell", 2e6, 10), trade("ETH", "buy", 2e6, 299_999));
    h.feed(trade("ETH", "buy", 2e6, 300_000));
    const got = h.alerts().filter((a) => a.kind === "whale_trade");
    expect(got.map((a) => `${a.side}@${a.first_at % 1_000_000}`)).toEqual(["buy@0", "sell@10", "buy@300000"]);
  });
});

describe("whale cluster", () => {
  const clusters = (h: ReturnType<typeof harness>) => h.alerts().filter((a) => a.kind === "whale_cluster");

  it.each([
    // coin, [buy sizes], [sell sizes], expected side or null
    ["BTC", [700_000, 700_000, 700_000], [900_000], "buy"], // $3M, buy 70% exactly, 4 trades
    ["BTC", [700_000, 700_000, 690_000], [900_000], null], // $2.99M total: just under
    ["BTC", [700_000, 700_000, 700_001], [899_999], "buy"], // 70.00003%
    ["BTC", [700_000, 700_000, 700_000], [900_001], null], // 69.99998%: not dominant enough
    ["BTC", [], [2_100_000, 900_000], null], // 2 trades, majors need 3
    ["BTC", [900_000], [700_000, 700_000, 700_000], "sell"],
    ["ADA", [975_000], [525_000], "buy"], // $1.5M, 65% exactly, 2 trades
    ["ADA", [974_999], [525_000], null],
    ["ADA", [1_500_000], [], null], // 1 trade
    ["ARB", [300_000], [200_000], "buy"], // $500K, 60%, 2 trades
    ["ARB", [200_000], [300_000], "sell"],
    ["ARB", [299_999], [200_001], null],
  ] as const)("%s buys %j sells %j -> %s", (coin, buys, sells, side) => {
    const h = harness();
    for (const [i, usd] of buys.entries()) h.feed(trade(coin, "buy", usd, 500 * i));
    for (const [i, usd] of sells.entries()) h.feed(trade(coin, "sell", usd, 500 * (buys.length + i)));
    const got = clusters(h);
    expect(got.map((a) => a.side)).toEqual(side ? [side] : []);
    if (side) {
      const buyUsd = buys.reduce((s, x) => s + x, 0);
      const sellUsd = sells.reduce((s, x) => s + x, 0);
      expect(got[0]?.detail).toMatchObject({ buy_count: buys.length, sell_count: sells.length });
      expect(got[0]?.usd).toBeCloseTo(buyUsd + sellUsd, 2);
    }
  });

  it("lets trades leave the window and cools down", () => {
    const h = harness();
    h.feed(trade("ARB", "buy", 300_000, 0), trade("ARB", "buy", 300_000, 31_000));
    expect(clusters(h)).toHaveLength(0);
    h.feed(trade("ARB", "buy", 300_000, 32_000));
    expect(clusters(h)).toHaveLength(1);
    h.feed(trade("ARB", "buy", 300_000, 100_000), trade("ARB", "buy", 300_000, 101_000));
    expect(clusters(h)).toHaveLength(1); // 1200 s cooldown for others
    h.feed(trade("ARB", "buy", 300_000, 1_232_000), trade("ARB", "buy", 300_000, 1_233_000));
    expect(clusters(h)).toHaveLength(2);
  });
});
