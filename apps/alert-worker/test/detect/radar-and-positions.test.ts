import { describe, expect, it } from "vitest";
import { createDetectorEngine } from "../../src/detect/engine.js";
import type { Detection } from "../../src/detect/types.js";
import type { WhalePositionInput } from "../../src/detect/whale-position.js";
import { DEFAULT_RULES } from "../../src/rules/schema.js";
import { harness, liq, T0, trade } from "./helpers.js";

describe("composite radar", () => {
  it("a storm and a cluster together give the radar alert and each their own, once", () => {
    const h = harness();
    // Shorts squeezed and buyers piling in on SOL within seconds: bullish convergence.
    for (let i = 0; i < 5; i++) h.feed(liq("SOL", "short", 450_000, i * 1_000, i % 2 ? "OKX" : "Bybit"));
    for (let i = 0; i < 4; i++) h.feed(trade("SOL", "buy", 900_000, 2_000 + i * 1_000));
    // The storm and cluster go on for a while: nothing more.
    for (let i = 0; i < 10; i++) {
      h.feed(
        liq("SOL", "short", 450_000, 6_000 + i * 1_000),
        trade("SOL", "buy", 900_000, 6_500 + i * 1_000),
      );
    }
    expect(h.kinds().sort()).toEqual(["liquidation_storm", "radar", "whale_cluster"]);
    const radar = h.alerts().find((a) => a.kind === "radar");
    expect(radar).toMatchObject({ symbol: "SOL", side: "buy", severity: "critical" });
    expect(radar?.detail).toMatchObject({
      pressure: "bullish",
      storm: { side: "short" },
      cluster: { side: "buy" },
    });
    expect(radar?.exchanges).toEqual(["Binance", "Bybit", "OKX"]);
  });

  it("still fires while the storm detector is cooling down", () => {
    const h = harness();
    for (let i = 0; i < 5; i++) h.feed(liq("ETH", "long", 450_000, i * 1_000));
    // A minute later, inside the storm cooldown: a second storm and a sell cluster.
    for (let i = 0; i < 5; i++) h.feed(liq("ETH", "long", 450_000, 60_000 + i * 1_000));
    for (let i = 0; i < 4; i++) h.feed(trade("ETH", "sell", 800_000, 61_000 + i * 500));
    expect(h.kinds().sort()).toEqual(["liquidation_storm", "radar", "whale_cluster"]);
    expect(h.alerts().find((a) => a.kind === "radar")?.detail).toMatchObject({ pressure: "bearish" });
  });

  it("needs both within the radar window", () => {
    const h = harness();
    for (let i = 0; i < 5; i++) h.feed(liq("ETH", "long", 450_000, i * 1_000));
    for (let i = 0; i < 4; i++) h.feed(trade("ETH", "sell", 800_000, 40_000 + i * 500));
    expect(h.kinds().sort()).toEqual(["liquidation_storm", "whale_cluster"]);
  });
});

describe("Hyperliquid whale position", () => {
  const row = (o: Partial<WhalePositionInput> = {}): WhalePositionInput => ({
    user: "0xABC",
    coin: "ETH",
    positionSize: 1_000,
    valueUsd: 2_000_000,
    action: "open",
    time: T0 - 5_000,
    entryPrice: 2_000,
    liqPrice: 1_500,
    ...o,
  });
  const run = (...polls: WhalePositionInput[][]) => {
    const out: Detection[] = [];
    const engine = createDetectorEngine({ rules: DEFAULT_RULES, clock: () => T0, emit: (d) => out.push(d) });
    for (const rows of polls) engine.onWhalePositions(rows);
    return out.map((d) => d.alert);
  };

  it.each([
    [row(), "long", "open", 1],
    [row({ positionSize: -3, action: "close" }), "short", "close", 1],
    [row({ valueUsd: 1_000_000 }), "long", "open", 1],
    [row({ valueUsd: 999_999 }), "long", "open", 0],
    [row({ time: T0 - 181_000 }), "long", "open", 0], // history from before the worker started
    [row({ time: T0 - 179_000 }), "long", "open", 1], // a few minutes old at most: still news
    [row({ time: T0 + 60_000 }), "long", "open", 0], // dated ahead of the clock: dropped, counted
  ] as const)("%j -> %s %s (%d)", (r, side, action, n) => {
    const got = run([r]);
    expect(got).toHaveLength(n);
    if (n) expect(got[0]).toMatchObject({ kind: "whale_position", side, detail: { action } });
  });

  it("deduplicates the same row across polls, but not another action or time", () => {
    const got = run([row()], [row(), row({ action: "close" })], [row({ time: T0 - 1_000, user: "0xdef" })]);
    expect(got.map((a) => `${a.detail.user}:${a.detail.action}`)).toEqual([
      "0xABC:open",
      "0xABC:close",
      "0xdef:open",
    ]);
  });
});
