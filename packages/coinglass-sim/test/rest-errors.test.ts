import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSimulator, type Simulator } from "../src/index.js";
import { get } from "./helpers.js";

describe("REST auth, plan, parameter and path errors", () => {
  let sim: Simulator;
  let hobby: Simulator;
  let startup: Simulator;
  beforeAll(async () => {
    sim = await createSimulator({ keys: ["demo", "other"], background: false });
    hobby = await createSimulator({ plan: "hobbyist", background: false });
    startup = await createSimulator({ plan: "startup", background: false });
  });
  afterAll(async () => {
    await Promise.all([sim.close(), hobby.close(), startup.close()]);
  });

  it("answers a missing key with HTTP 200 and code 401", async () => {
    const r = await get(sim, "/api/futures/supported-coins", "", null);
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ code: "401", msg: "API key missing." });
  });

  it("answers a key not in --keys with code 400", async () => {
    const r = await get(sim, "/api/futures/supported-coins", "", "nope");
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ code: "400", msg: "Invalid API key provided" });
    const ok = await get(sim, "/api/futures/supported-coins", "", "other");
    expect(ok.body.code).toBe("0");
    expect(ok.body.msg).toBe("success");
  });

  it("rejects endpoints above the plan with Upgrade plan", async () => {
    expect((await get(hobby, "/api/futures/coins-markets")).body).toEqual({
      code: "401",
      msg: "Upgrade plan",
    });
    expect((await get(hobby, "/api/hyperliquid/whale-alert")).body.msg).toBe("Upgrade plan");
    expect((await get(startup, "/api/hyperliquid/whale-alert")).body.code).toBe("0");
    expect(
      (
        await get(
          startup,
          "/api/futures/liquidation/order",
          "exchange=Binance&symbol=BTC&min_liquidation_amount=1",
        )
      ).body.msg,
    ).toBe("Upgrade plan");
    expect((await get(hobby, "/api/futures/pairs-markets", "symbol=BTC")).body.code).toBe("0");
  });

  it("gates intervals by plan: hobbyist >= 4h, startup >= 30m", async () => {
    const q = (iv: string) => `exchange=Binance&symbol=BTCUSDT&interval=${iv}&limit=5`;
    expect((await get(hobby, "/api/futures/price/history", q("1h"))).body).toEqual({
      code: "401",
      msg: "Upgrade plan",
    });
    expect((await get(hobby, "/api/futures/price/history", q("4h"))).body.code).toBe("0");
    expect((await get(startup, "/api/futures/price/history", q("15m"))).body.msg).toBe("Upgrade plan");
    expect((await get(startup, "/api/futures/price/history", q("30m"))).body.code).toBe("0");
    expect((await get(sim, "/api/futures/price/history", q("1m"), "demo")).body.code).toBe("0");
  });

  it.each([
    ["/api/futures/pairs-markets", "", "symbol is required"],
    ["/api/futures/price/history", "exchange=Binance&symbol=BTCUSDT", "interval is required"],
    ["/api/futures/price/history", "exchange=Binance&symbol=BTCUSDT&interval=h1", "interval is invalid"],
    ["/api/futures/price/history", "exchange=Binanse&symbol=BTCUSDT&interval=1h", "exchange is invalid"],
    ["/api/futures/liquidation/exchange-list", "symbol=BTC&range=2d", "range is invalid"],
    // A pair where a coin is expected, and the other way round.
    ["/api/futures/liquidation/exchange-list", "symbol=BTCUSDT&range=1h", "symbol is invalid"],
    ["/api/futures/price/history", "exchange=Binance&symbol=BTC&interval=1h", "symbol is invalid"],
    ["/api/futures/liquidation/order", "exchange=Binance&symbol=BTC", "min_liquidation_amount is required"],
    [
      "/api/futures/price/history",
      "exchange=Binance&symbol=BTCUSDT&interval=1h&limit=-1",
      "limit is invalid",
    ],
  ])("%s?%s names the parameter: %s", async (path, query, msg) => {
    const r = await get(sim, path, query, "demo");
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ code: "400", msg });
  });

  it("limits history depth by plan and interval", async () => {
    const day = 86_400_000;
    const q = (iv: string, days: number) =>
      `exchange=Binance&symbol=BTCUSDT&interval=${iv}&limit=5&start_time=${Date.now() - days * day}`;
    expect((await get(startup, "/api/futures/price/history", q("30m", 80))).body.code).toBe("0");
    expect((await get(startup, "/api/futures/price/history", q("30m", 100))).body.msg).toBe("Upgrade plan");
    expect((await get(hobby, "/api/futures/price/history", q("4h", 200))).body.msg).toBe("Upgrade plan");
    expect((await get(hobby, "/api/futures/price/history", q("1d", 2000))).body.code).toBe("0");
    expect((await get(sim, "/api/futures/price/history", q("1m", 11), "demo")).body.code).toBe("0");
    expect((await get(sim, "/api/futures/price/history", q("1m", 13), "demo")).body.msg).toBe("Upgrade plan");
  });

  it("accepts the legacy h1 interval only on the global long/short ratio, as the reference advises", async () => {
    const r = await get(
      sim,
      "/api/futures/global-long-short-account-ratio/history",
      "exchange=Binance&symbol=BTCUSDT&interval=h1&limit=3",
      "demo",
    );
    expect(r.body.code).toBe("0");
    expect(r.body.data).toHaveLength(3);
  });

  it("answers an unknown path with HTTP 404", async () => {
    const r = await get(sim, "/api/futures/price-change-list", "", "demo");
    expect(r.status).toBe(404);
    expect(r.body.code).toBe("404");
    const v3 = await get(sim, "/api/futures/openInterest/ohlc-history", "", "demo");
    expect(v3.status).toBe(404);
  });

  it("can mirror the body code as the HTTP status", async () => {
    const mirror = await createSimulator({
      httpStatusMirrorsCode: true,
      plan: "hobbyist",
      background: false,
    });
    try {
      expect((await get(mirror, "/api/futures/supported-coins", "", null)).status).toBe(401);
      expect((await get(mirror, "/api/futures/coins-markets")).status).toBe(401);
      expect((await get(mirror, "/api/futures/pairs-markets")).status).toBe(400);
    } finally {
      await mirror.close();
    }
  });
});

describe("REST rate limit", () => {
  it("allows the plan's budget per window, then answers HTTP 429, then recovers", async () => {
    let now = Date.now();
    const sim = await createSimulator({
      plan: "hobbyist",
      rateWindowMs: 4000,
      background: false,
      rateClock: () => now,
    });
    try {
      const first = await get(sim, "/api/futures/supported-coins", "", "k1");
      expect(first.headers.get("API-KEY-MAX-LIMIT")).toBe("30");
      expect(first.headers.get("API-KEY-USE-LIMIT")).toBe("1");
      // Rejected requests (a bad parameter here) count against the budget like any other.
      await get(sim, "/api/futures/pairs-markets", "", "k1");
      for (let i = 0; i < 28; i++) await get(sim, "/api/futures/supported-coins", "", "k1");
      const last = await get(sim, "/api/futures/supported-coins", "", "k1");
      expect(last.status).toBe(429);
      expect(last.body.code).toBe("429");
      expect(last.headers.get("API-KEY-USE-LIMIT")).toBe("30");
      // Another key has its own window.
      expect((await get(sim, "/api/futures/supported-coins", "", "k2")).status).toBe(200);
      expect(sim.control.counters().status429).toBe(1);
      expect(sim.control.counters().byKey.k1).toBe(31);
      now += 4001;
      const again = await get(sim, "/api/futures/supported-coins", "", "k1");
      expect(again.status).toBe(200);
      expect(again.headers.get("API-KEY-USE-LIMIT")).toBe("1");
    } finally {
      await sim.close();
    }
  });

  it("does not count or limit control calls", async () => {
    const sim = await createSimulator({ plan: "hobbyist", background: false });
    try {
      await get(sim, "/api/futures/supported-coins");
      for (let i = 0; i < 40; i++) {
        const r = await fetch(`${sim.restUrl}/__sim/counters`, { method: "POST" });
        expect(r.status).toBe(200);
      }
      const c = sim.control.counters();
      expect(c.total).toBe(1);
      expect(c.byEndpoint["/api/futures/supported-coins"]).toBe(1);
      expect(c.byKey["test-key"]).toBe(1);
    } finally {
      await sim.close();
    }
  });
});
