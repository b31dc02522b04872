import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { createSimulator, type Simulator } from "../src/index.js";
import { connect, data, subscribe, type WsItem, waitFor } from "./helpers.js";

describe("WebSocket", () => {
  let sim: Simulator;
  beforeAll(async () => {
    sim = await createSimulator({ seed: 3 });
  });
  afterAll(() => sim.close());

  it("answers the text frame ping with the text frame pong", async () => {
    const c = await connect(sim);
    c.send("ping");
    await waitFor(() => c.texts.includes("pong"));
    c.close();
  });

  it("pushes a steady background flow of small liquidations in the documented shape", async () => {
    const c = await connect(sim);
    await subscribe(c, ["liquidationOrders"]);
    await waitFor(() => c.items("liquidationOrders").length >= 3, 15_000, "background liquidations");
    for (const item of c.items("liquidationOrders")) {
      expect(Object.keys(item)).toEqual(["baseAsset", "exName", "price", "side", "symbol", "time", "volUsd"]);
      expect([1, 2]).toContain(item.side);
      expect(item.price).toBeGreaterThan(0);
      expect(Math.abs(item.time - Date.now())).toBeLessThan(60_000);
    }
    // Unsubscribe stops the flow.
    await subscribe(c, ["liquidationOrders"], "unsubscribe");
    const n = c.frames.length;
    // A socket still subscribed proves the flow went on: the unsubscribed one sees none of it.
    const witness = await connect(sim);
    await subscribe(witness, ["liquidationOrders"]);
    await waitFor(() => witness.items("liquidationOrders").length >= 2, 15_000, "the flow to go on");
    expect(c.frames.length).toBe(n);
    witness.close();
    c.close();
  });

  it("accepts the op/args alias", async () => {
    const c = await connect(sim);
    c.send({ op: "subscribe", args: ["liquidationOrders"] });
    await waitFor(() => c.items("liquidationOrders").length > 0, 15_000, "liquidations via op/args");
    c.close();
  });

  it("delivers trades only for the subscribed exchange and pair, at or above minVol", async () => {
    const c = await connect(sim);
    await subscribe(c, ["futures_trades@Binance_BTCUSDT@100000", "futures_trades@OKX_ETHUSDT@0"]);
    sim.control.injectWhaleTrades({
      symbol: "BTC",
      side: "buy",
      totalUsd: 2_000_000,
      count: 4,
      overSeconds: 0.2,
    });
    sim.control.injectWhaleTrades({
      symbol: "BTC",
      side: "sell",
      totalUsd: 40_000,
      count: 4,
      overSeconds: 0,
      exchange: "Binance",
    });
    await waitFor(
      () =>
        c.items("futures_trades@Binance_BTCUSDT@100000").filter((i) => i.side === 2 && i.volUsd >= 300_000)
          .length >= 4,
      10_000,
      "whale buys",
    );
    await waitFor(() => c.items("futures_trades@OKX_ETHUSDT@0").length > 0, 15_000, "background ETH trades");
    for (const i of c.items("futures_trades@Binance_BTCUSDT@100000")) {
      expect(i.volUsd).toBeGreaterThanOrEqual(100_000);
      expect(i.exName).toBe("Binance");
      expect(i.symbol).toBe("BTCUSDT");
    }
    // The 10k sells were below this channel's minVol.
    expect(
      c.items("futures_trades@Binance_BTCUSDT@100000").some((i) => i.side === 1 && i.volUsd < 100_000),
    ).toBe(false);
    for (const i of c.items("futures_trades@OKX_ETHUSDT@0")) {
      expect(i.exName).toBe("OKX");
      expect(i.symbol).toBe("ETHUSDT");
    }
    c.close();
  });

  it("spreads an injected storm over overSeconds and records it for REST", async () => {
    const quiet = await createSimulator({ seed: 5, background: false });
    try {
      const before = await data<{ exchange: string; long_liquidation_usd: number }[]>(
        quiet,
        "/api/futures/liquidation/exchange-list",
        "symbol=SOL&range=1h",
      );
      const c = await connect(quiet);
      await subscribe(c, ["liquidationOrders"]);
      quiet.control.injectLiquidationStorm({
        symbol: "SOL",
        side: "long",
        totalUsd: 3_000_000,
        count: 12,
        overSeconds: 1,
      });
      await waitFor(() => c.items("liquidationOrders").length >= 12, 10_000, "storm events");
      const items = c.items("liquidationOrders");
      expect(items).toHaveLength(12);
      expect(c.frames.filter((f) => f.channel === "liquidationOrders").length).toBeGreaterThan(1);
      expect(items.every((i) => i.baseAsset === "SOL" && i.side === 1)).toBe(true);
      expect(items.reduce((s, i) => s + i.volUsd, 0)).toBeCloseTo(3_000_000, -1);
      expect(
        Math.max(...items.map((i) => i.time)) - Math.min(...items.map((i) => i.time)),
      ).toBeGreaterThanOrEqual(700);

      const after = await data<{ exchange: string; long_liquidation_usd: number }[]>(
        quiet,
        "/api/futures/liquidation/exchange-list",
        "symbol=SOL&range=1h",
      );
      expect((after[0]?.long_liquidation_usd ?? 0) - (before[0]?.long_liquidation_usd ?? 0)).toBeCloseTo(
        3_000_000,
        -1,
      );
      const binance = items.filter((i) => i.exName === "Binance");
      const orders = await data<{ exchange_name: string; symbol: string; usd_value: number; side: number }[]>(
        quiet,
        "/api/futures/liquidation/order",
        "exchange=Binance&symbol=SOL&min_liquidation_amount=1000",
      );
      expect(orders).toHaveLength(binance.length);
      expect(
        orders.every((o) => o.exchange_name === "BINANCE" && o.symbol === "SOLUSDT" && o.side === 1),
      ).toBe(true);
      const big = await data<unknown[]>(
        quiet,
        "/api/futures/liquidation/order",
        "exchange=Binance&symbol=SOL&min_liquidation_amount=100000000",
      );
      expect(big).toHaveLength(0);
      const markets = await data<{ symbol: string; long_liquidation_usd_1h: number }[]>(
        quiet,
        "/api/futures/coins-markets",
        "per_page=100",
      );
      expect(markets.find((m) => m.symbol === "SOL")?.long_liquidation_usd_1h).toBeCloseTo(
        after[0]?.long_liquidation_usd ?? 0,
        0,
      );
      c.close();
    } finally {
      await quiet.close();
    }
  });

  it("rejects a bad key and a plan below Standard", async () => {
    const keyed = await createSimulator({ keys: ["good"], plan: "startup" });
    try {
      const status = (key: string) =>
        new Promise<number>((resolve) => {
          const ws = new WebSocket(`${keyed.wsUrl}?cg-api-key=${key}`);
          ws.on("unexpected-response", (_req, res) => resolve(res.statusCode ?? 0));
          ws.on("open", () => resolve(101));
          ws.on("error", () => {});
        });
      expect(await status("bad")).toBe(401);
      expect(await status("good")).toBe(403);
    } finally {
      await keyed.close();
    }
  });

  it("replays N events in batches and resolves with {sent, ms}", async () => {
    const c = await connect(sim);
    await subscribe(c, ["bench"]);
    const result = await sim.control.replay({ count: 1050, batchSize: 100, channel: "bench" });
    expect(result.sent).toBe(1050);
    expect(result.ms).toBeGreaterThan(0);
    await waitFor(() => c.items("bench").length === 1050, 10_000, "replayed events");
    expect(c.frames.filter((f) => f.channel === "bench")).toHaveLength(11);
    // Every event is distinct, so an ingest bench behind a de-duplicating client counts them all.
    const keys = new Set(c.items("bench").map((e) => JSON.stringify(e)));
    expect(keys.size).toBe(1050);
    c.close();
  });
});

describe("whale trades in REST", () => {
  it("add to the taker buy volume of their exchange", async () => {
    const sim = await createSimulator({ seed: 4, background: false });
    try {
      type Taker = {
        buy_vol_usd: number;
        sell_vol_usd: number;
        exchange_list: { exchange: string; buy_vol_usd: number }[];
      };
      const before = await data<Taker>(
        sim,
        "/api/futures/taker-buy-sell-volume/exchange-list",
        "symbol=ETH&range=5m",
      );
      sim.control.injectWhaleTrades({
        symbol: "ETH",
        side: "buy",
        totalUsd: 50_000_000,
        count: 5,
        overSeconds: 0,
        exchange: "OKX",
      });
      const after = await data<Taker>(
        sim,
        "/api/futures/taker-buy-sell-volume/exchange-list",
        "symbol=ETH&range=5m",
      );
      expect(after.buy_vol_usd - before.buy_vol_usd).toBeCloseTo(50_000_000, -1);
      expect(after.sell_vol_usd).toBeCloseTo(before.sell_vol_usd, 2);
      const okx = (t: Taker) => t.exchange_list.find((r) => r.exchange === "OKX")?.buy_vol_usd ?? 0;
      expect(okx(after) - okx(before)).toBeCloseTo(50_000_000, -1);
      const hist = await data<{ taker_buy_volume_usd: string }[]>(
        sim,
        "/api/futures/v2/taker-buy-sell-volume/history",
        "exchange=OKX&symbol=ETHUSDT&interval=5m&limit=2",
      );
      expect(Number(hist.at(-1)?.taker_buy_volume_usd)).toBeGreaterThan(50_000_000);
    } finally {
      await sim.close();
    }
  });
});

describe("stream fault injections", () => {
  it("dates injected orders ahead or in microseconds, and sends raw frames as they are", async () => {
    const sim = await createSimulator({ seed: 5, background: false });
    try {
      const c = await connect(sim);
      await subscribe(c, ["liquidationOrders"]);
      const day = 86_400_000;
      const before = Date.now();
      sim.control.injectLiquidationStorm({
        symbol: "XRP",
        side: "long",
        totalUsd: 10_000,
        count: 1,
        overSeconds: 0,
        timeShiftMs: day,
      });
      sim.control.injectLiquidationStorm({
        symbol: "XRP",
        side: "short",
        totalUsd: 20_000,
        count: 1,
        overSeconds: 0,
        timeUnit: "us",
      });
      await waitFor(() => c.items("liquidationOrders").length === 2, 5_000, "two injected orders");
      const [ahead, micros] = c.items("liquidationOrders") as [WsItem, WsItem];
      expect(ahead.time - before).toBeGreaterThanOrEqual(day);
      expect(ahead.time - Date.now()).toBeLessThanOrEqual(day);
      expect(micros.time / 1000).toBeGreaterThanOrEqual(before);
      expect(micros.time / 1000).toBeLessThanOrEqual(Date.now());
      expect(sim.control.rawFrames({ frames: ["not json", "[]"], repeat: 3 })).toEqual({ sent: 6 });
      await waitFor(() => c.texts.filter((t) => t === "not json").length === 3, 5_000, "raw frames");
      expect(c.texts.filter((t) => t === "[]")).toHaveLength(3);
      c.close();
    } finally {
      await sim.close();
    }
  });
});
