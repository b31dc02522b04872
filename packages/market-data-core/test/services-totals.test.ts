import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CoreEvent } from "../src/models/result.js";
import { simAndCore, upstreamData, waitFor } from "./client-helpers.js";

const events: CoreEvent[] = [];
let env: Awaited<ReturnType<typeof simAndCore>>;
beforeAll(async () => {
  // Short TTLs so a second read goes upstream again (the bad value is reported once all the same).
  env = await simAndCore({ seed: 5 }, { ttlScale: 0.002, onEvent: (e) => events.push(e) });
  for (const [i, direction] of (["long", "short", "short", "long", "short"] as const).entries()) {
    env.sim.control.injectWhalePosition({
      symbol: "BTC",
      action: "open",
      direction,
      valueUsd: 3e6 + i * 1e6,
    });
  }
});
afterAll(() => env.close());

type Position = { symbol: string; position_value_usd: number; position_size: number };

describe("totals do not depend on the page size", () => {
  it("whale totals cover every matching position, whatever the limit", async () => {
    const upstream = await upstreamData<Position[]>(env.sim.restUrl, "/api/hyperliquid/whale-position");
    for (const coin of ["BTC", undefined]) {
      const match = upstream.filter(
        (p) => (coin === undefined || p.symbol === coin) && p.position_value_usd >= 1e6,
      );
      const sum = (long: boolean) =>
        match.filter((p) => p.position_size > 0 === long).reduce((s, p) => s + p.position_value_usd, 0);
      expect(match.length).toBeGreaterThan(2);
      for (const limit of [1, 2, 20, 100]) {
        const r = await env.core.market.getWhale({ symbol: coin, limit });
        expect(r.data.positions).toHaveLength(Math.min(limit, match.length));
        expect(r.data.totals).toEqual({ longUsd: sum(true), shortUsd: sum(false), count: match.length });
      }
    }
  });

  it("wall totals cover every open wall, however many a caller lists", async () => {
    const r = await env.core.market.getOrderbook("BTC");
    const { bids, asks } = r.data.walls;
    expect(r.data.wallTotals?.bids.count).toBe(bids.length);
    expect(r.data.wallTotals?.asks.usd).toBeCloseTo(
      asks.reduce((s, w) => s + (w.currentUsd ?? 0), 0),
      2,
    );
  });
});

describe("malformed and impossible upstream values are missing, never 0 or passed through", () => {
  it("when every whale position row is malformed, the totals are null and named, not 0", async () => {
    // Its own simulator and core: nothing good cached that could be served (stale) instead.
    const own = await simAndCore({ seed: 5 });
    own.sim.control.corrupt({
      path: "/api/hyperliquid/whale-position",
      field: "position_value_usd",
      value: "n/a",
    });
    try {
      const r = await own.core.market.getWhale({ limit: 5 });
      expect(r.data.totals).toBeNull();
      expect(r.data.positions).toEqual([]);
      expect(r.meta.missing).toEqual(expect.arrayContaining(["positions", "totals"]));
      expect(r.data.alerts.length).toBeGreaterThan(0);
    } finally {
      await own.close();
    }
  });

  it("an RSI of 150, a negative open interest and 1e308 become null, reported once each", async () => {
    const c = env.sim.control;
    c.corrupt({ path: "/api/futures/rsi/list", field: "rsi_4h", value: 150, where: { symbol: "ETH" } });
    c.corrupt({ path: "/api/futures/open-interest/exchange-list", field: "open_interest_usd", value: -5e9 });
    c.corrupt({
      path: "/api/futures/open-interest/exchange-list",
      field: "open_interest_quantity",
      value: 1e308,
    });
    try {
      for (let i = 0; i < 3; i++) {
        // Each round reads CoinGlass again (the TTLs are scaled down); the bad fields are reported once.
        const hits = env.hits("/api/futures/rsi/list") + env.hits("/api/futures/open-interest/exchange-list");
        let rsi = await env.core.market.getRsi("ETH");
        let oi = await env.core.market.getOpenInterest("ETH");
        await waitFor(async () => {
          rsi = await env.core.market.getRsi("ETH");
          oi = await env.core.market.getOpenInterest("ETH");
          return (
            env.hits("/api/futures/rsi/list") + env.hits("/api/futures/open-interest/exchange-list") >=
            hits + 2
          );
        });
        expect(rsi.data.rsi["4h"]).toBeNull();
        expect(rsi.data.rsi["1h"]).toBeGreaterThan(0);
        expect(rsi.meta.missing).toContain("rsi.4h");
        expect(oi.data.totalUsd).toBeNull();
        expect(oi.data.totalQuantity).toBeNull();
        expect(oi.meta.missing).toEqual(expect.arrayContaining(["totalUsd", "totalQuantity"]));
        expect(oi.data.byExchange.every((x) => x.openInterestUsd === null)).toBe(true);
      }
      const flagged = events.filter((e) => e.type === "implausible_value");
      expect(
        flagged.map((e) => (e.type === "implausible_value" ? `${e.field}=${e.value}` : "")).sort(),
      ).toEqual(["open_interest_quantity=1e+308", "open_interest_usd=-5000000000", "rsi_4h=150"]);
    } finally {
      c.reset();
    }
  });

  it("fear & greed above 100 and a negative price are missing, not shown", async () => {
    const c = env.sim.control;
    c.corrupt({ path: "/api/index/fear-greed-history", field: "data_list", value: Array(365).fill(150) });
    c.corrupt({
      path: "/api/futures/coins-markets",
      field: "current_price",
      value: -5,
      where: { symbol: "BTC" },
    });
    try {
      let mood = await env.core.market.getSentiment();
      await waitFor(
        async () => {
          mood = await env.core.market.getSentiment();
          return mood.data.fearGreed.value === null && mood.data.btc.priceUsd === null;
        },
        "fear & greed and the BTC price to read as missing",
        5000,
      );
      expect(mood.meta.missing).toEqual(expect.arrayContaining(["fearGreed", "btc.priceUsd"]));
      // /raw has a second real source for the price (the Binance pair) and uses it.
      const raw = await env.core.market.getRaw("BTC");
      expect(raw.data.price.lastUsd).toBeGreaterThan(0);
      const fields = events.flatMap((e) => (e.type === "implausible_value" ? [e.field] : []));
      expect(fields.filter((f) => f === "data_list")).toHaveLength(1);
      expect(fields.filter((f) => f === "current_price")).toHaveLength(1);
    } finally {
      c.reset();
    }
  });
});
