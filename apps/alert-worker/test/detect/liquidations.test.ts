import { describe, expect, it } from "vitest";
import { harness, liq } from "./helpers.js";

describe("large liquidation", () => {
  it.each([
    ["BTC", 500_000, true],
    ["BTC", 499_999.99, false],
    ["BTC", 500_000.01, true],
    ["XRP", 200_000, true],
    ["XRP", 199_999, false],
    ["XRP", 200_001, true],
    ["PEPE", 100_000, true],
    ["PEPE", 99_999, false],
    ["PEPE", 100_001, true],
  ] as const)("%s $%d -> alert %s, on either side", (coin, usd, fires) => {
    for (const side of ["long", "short"] as const) {
      const h = harness();
      h.feed(liq(coin, side, usd));
      const alerts = h.alerts().filter((a) => a.kind === "large_liquidation");
      expect(alerts.length).toBe(fires ? 1 : 0);
      if (fires)
        expect(alerts[0]).toMatchObject({ symbol: coin, side, usd, count: 1, exchanges: ["Binance"] });
    }
  });

  it("cools down per coin and side on event time", () => {
    const h = harness();
    h.feed(liq("BTC", "long", 600_000, 0), liq("BTC", "short", 600_000, 1_000));
    h.feed(liq("ETH", "long", 600_000, 2_000)); // another coin is not cooling down
    h.feed(liq("BTC", "long", 600_000, 299_999)); // inside the 300 s majors cooldown
    h.feed(liq("BTC", "long", 700_000, 300_000)); // cooldown over
    const got = h.alerts().filter((a) => a.kind === "large_liquidation");
    expect(got.map((a) => `${a.symbol}:${a.side}:${a.usd}`)).toEqual([
      "BTC:long:600000",
      "BTC:short:600000",
      "ETH:long:600000",
      "BTC:long:700000",
    ]);
  });

  it("derives the same id for the same order and marks it seen", () => {
    const a = harness();
    const b = harness();
    a.feed(liq("BTC", "long", 600_000, 5));
    b.feed(liq("BTC", "long", 600_000, 5));
    expect(a.detections[0]?.alert.id).toBe(b.detections[0]?.alert.id);
    expect(a.detections[0]?.seenKey).toBeTruthy();
  });
});

describe("liquidation storm", () => {
  const storms = (h: ReturnType<typeof harness>) => h.alerts().filter((a) => a.kind === "liquidation_storm");

  it.each([
    // coin, sizes of the events (each under the large-liquidation minimum where it matters), fires
    ["BTC", [700_000, 700_000, 600_000], true], // exactly $2M in 3
    ["BTC", [700_000, 700_000, 599_999], false], // just under
    ["BTC", [700_000, 700_000, 600_001], true], // just over
    ["BTC", [1_000_000, 1_500_000], false], // enough USD, one event short
    ["XRP", [500_000, 500_000], true], // exactly $1M in 2
    ["XRP", [500_000, 499_999], false],
    ["XRP", [1_500_000], false],
    ["PEPE", [250_000, 250_000], true], // exactly $500K in 2
    ["PEPE", [250_000, 249_999], false],
    ["PEPE", [250_000, 250_001], true],
  ] as const)("%s %j -> storm %s, on either side", (coin, sizes, fires) => {
    for (const side of ["long", "short"] as const) {
      const h = harness();
      for (const [i, usd] of sizes.entries())
        h.feed(liq(coin, side, usd, i * 1_000, i % 2 ? "OKX" : "Binance"));
      const got = storms(h);
      expect(got.length).toBe(fires ? 1 : 0);
      if (fires) {
        const total = sizes.reduce((s, x) => s + x, 0);
        expect(got[0]).toMatchObject({ symbol: coin, side, count: sizes.length, window_s: 30 });
        expect(got[0]?.usd).toBeCloseTo(total, 2);
        expect(got[0]?.exchanges).toEqual(["Binance", "OKX"]);
        expect(got[0]?.first_at).toBeLessThan(got[0]?.last_at ?? 0);
      }
    }
  });

  it("does not add the two sides together", () => {
    const h = harness();
    h.feed(
      liq("BTC", "long", 700_000, 0),
      liq("BTC", "short", 700_000, 100),
      liq("BTC", "long", 700_000, 200),
    );
    h.feed(liq("BTC", "short", 700_000, 300));
    expect(storms(h)).toHaveLength(0);
  });

  it("lets events leave the window", () => {
    const inside = harness();
    inside.feed(
      liq("BTC", "long", 700_000, 0),
      liq("BTC", "long", 700_000, 10_000),
      liq("BTC", "long", 600_000, 29_000),
    );
    expect(storms(inside)).toHaveLength(1);
    const expired = harness();
    expired.feed(
      liq("BTC", "long", 700_000, 0),
      liq("BTC", "long", 700_000, 10_000),
      liq("BTC", "long", 600_000, 31_000),
    );
    expect(storms(expired)).toHaveLength(0);
  });

  it("alerts once per cooldown however long the storm lasts, then again after it", () => {
    const h = harness();
    for (let s = 0; s < 290; s++) h.feed(liq("BTC", "short", 400_000, s * 1_000));
    expect(storms(h)).toHaveLength(1);
    for (let s = 0; s < 6; s++) h.feed(liq("BTC", "short", 400_000, 300_000 + s * 1_000));
    expect(storms(h)).toHaveLength(2);
    expect(storms(h)[0]?.id).not.toBe(storms(h)[1]?.id);
  });

  it("ignores events older than max_event_age_s when they arrive (replays at start)", () => {
    const h = harness();
    h.setNow(1_000_000 + 1_750_000_000_000);
    h.engine.onEvents([
      liq("BTC", "long", 900_000, 0),
      liq("BTC", "long", 900_000, 1),
      liq("BTC", "long", 900_000, 2),
    ]);
    expect(h.alerts()).toHaveLength(0);
    expect(h.engine.staleEvents()).toBe(3);
  });
});
