import { describe, expect, it } from "vitest";
import { harness, liq, T0 } from "./helpers.js";

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
  const storms = (h: ReturnType<typeof harness>) =>
    h.detections.filter((d) => d.alert.kind === "liquidation_storm" && !d.update).map((d) => d.alert);
  const stormUpdates = (h: ReturnType<typeof harness>) =>
    h.detections.filter((d) => d.alert.kind === "liquidation_storm" && d.update).map((d) => d.alert);

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

  it("one alert per storm, updated as it grows and marked ended when it quiets, however long it lasts", () => {
    const h = harness();
    // $400K a second for 290 s: far longer than the 30 s window.
    for (let s = 0; s < 290; s++) h.feed(liq("BTC", "short", 400_000, s * 1_000, s % 3 ? "OKX" : "Binance"));
    expect(storms(h)).toHaveLength(1);
    const first = storms(h)[0];
    expect(first).toMatchObject({ revision: 0, status: "active", count: 5, usd: 2_000_000 });
    const updates = stormUpdates(h);
    // At most one update per update_interval_s (5 s) while it grows, each a newer state of the same id.
    expect(updates.length).toBeGreaterThanOrEqual(50);
    expect(updates.length).toBeLessThanOrEqual(58);
    expect(new Set(updates.map((a) => a.id))).toEqual(new Set([first?.id]));
    for (let i = 1; i < updates.length; i++) {
      expect(updates[i]?.revision).toBe(i + 1);
      expect(updates[i]?.last_at ?? 0).toBeGreaterThanOrEqual((updates[i - 1]?.last_at ?? 0) + 5_000);
    }
    // Quiet: 40 s later the window no longer holds, and the final state is the whole storm.
    h.setNow(T0 + 330_000);
    h.engine.tick(0);
    const last = stormUpdates(h).at(-1);
    expect(last).toMatchObject({
      id: first?.id,
      status: "ended",
      count: 290,
      first_at: T0,
      last_at: T0 + 289_000,
    });
    expect(last?.usd).toBeCloseTo(116_000_000, 2);
    expect(last?.severity).toBe("critical");
    expect(last?.exchanges).toEqual(["Binance", "OKX"]);
    expect(last?.detail["duration_s"]).toBe(289);
    h.setNow(T0 + 340_000);
    h.engine.tick(0);
    expect(stormUpdates(h).at(-1)).toBe(last); // nothing more once ended
  });

  it("resumes under the same id when the threshold is met again within the cooldown, then starts anew", () => {
    const h = harness();
    const wave = (startMs: number) => {
      for (let i = 0; i < 3; i++) h.feed(liq("ETH", "long", 700_000, startMs + i * 1_000));
    };
    wave(0);
    h.setNow(T0 + 40_000);
    h.engine.tick(0);
    expect(stormUpdates(h).at(-1)).toMatchObject({ status: "ended", count: 3 });
    h.feed(liq("ETH", "long", 10_000, 60_000)); // between the waves: counts once the storm resumes
    wave(100_000);
    const resumed = stormUpdates(h).at(-1);
    expect(resumed).toMatchObject({ id: storms(h)[0]?.id, status: "active", count: 7 });
    expect(resumed?.usd).toBeCloseTo(4_210_000, 2);
    expect(storms(h)).toHaveLength(1);
    h.setNow(T0 + 140_000);
    h.engine.tick(0); // ended again
    wave(500_000); // past the 300 s cooldown after that end: a new storm, a new id
    expect(storms(h)).toHaveLength(2);
    expect(storms(h)[1]?.id).not.toBe(storms(h)[0]?.id);
    expect(storms(h)[1]).toMatchObject({ revision: 0, count: 3 });
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
    expect(h.engine.dropped()).toMatchObject({ stale: 3, future: 0 });
  });

  it("drops and counts future-dated events and microsecond times: they cannot blind the window", () => {
    const h = harness();
    h.engine.onEvents([
      liq("XRP", "long", 10_000, 86_400_000), // a day ahead
      { ...liq("XRP", "long", 10_000, 0), time: T0 * 1000 }, // microseconds
      liq("XRP", "long", 10_000, 5_001), // just past the 5 s tolerance
    ]);
    for (let i = 0; i < 6; i++) h.engine.onEvents([liq("XRP", "long", 450_000, i * 100)]);
    expect(h.engine.dropped()).toMatchObject({ future: 3, stale: 0, late: 0 });
    const got = storms(h);
    expect(got).toHaveLength(1);
    expect(got[0]).toMatchObject({ symbol: "XRP", side: "long", count: 3, usd: 1_350_000 });
    // An event behind the window (while a later one set its clock) is dropped and counted as late.
    h.setNow(T0 + 60_000);
    h.engine.onEvents([liq("XRP", "short", 10_000, 60_000), liq("XRP", "short", 10_000, 20_000)]);
    expect(h.engine.dropped().late).toBe(1);
  });
});
