import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSimulator, type Simulator } from "../src/index.js";
import { connect, data, get, subscribe, waitFor } from "./helpers.js";

const post = async (sim: Simulator, op: string, body: unknown = {}) => {
  const res = await fetch(`${sim.restUrl}/__sim/${op}`, { method: "POST", body: JSON.stringify(body) });
  // biome-ignore lint/suspicious/noExplicitAny: control replies differ per operation
  return { status: res.status, body: (await res.json()) as any };
};

describe("fault modes", () => {
  let sim: Simulator;
  beforeAll(async () => {
    sim = await createSimulator({ background: false });
  });
  afterAll(() => sim.close());

  it("answers a fraction of requests with 429 or 5xx", async () => {
    sim.control.setFaults({ rate429: 1 });
    const r = await get(sim, "/api/futures/supported-coins");
    expect(r.status).toBe(429);
    expect(r.body.code).toBe("429");
    expect(sim.control.counters().status429).toBe(1);
    sim.control.setFaults({ rate429: 0, rate5xx: 1 });
    const s = await get(sim, "/api/futures/supported-coins");
    expect(s.status).toBeGreaterThanOrEqual(500);
    sim.control.setFaults({ rate5xx: 0.5 });
    const statuses = await Promise.all(
      Array.from({ length: 60 }, () => get(sim, "/api/futures/supported-coins").then((x) => x.status)),
    );
    expect(statuses.filter((x) => x === 200).length).toBeGreaterThan(5);
    expect(statuses.filter((x) => x >= 500).length).toBeGreaterThan(5);
    sim.control.reset();
    expect((await get(sim, "/api/futures/supported-coins")).status).toBe(200);
  });

  it("adds latency", async () => {
    sim.control.setFaults({ latencyMs: 400 });
    const t = Date.now();
    await get(sim, "/api/futures/supported-coins");
    expect(Date.now() - t).toBeGreaterThanOrEqual(390);
    sim.control.setFaults({ latencyMs: 0 });
  });

  it("hangs after the headers, pads answers past a size, and empties or garbles the reference lists", async () => {
    sim.control.setFaults({ hangMs: 300 });
    const t = Date.now();
    const res = await fetch(`${sim.restUrl}/api/futures/supported-coins`, { headers: { "CG-API-KEY": "k" } });
    expect(res.status).toBe(200);
    expect(Date.now() - t).toBeLessThan(250);
    await res.text();
    expect(Date.now() - t).toBeGreaterThanOrEqual(290);
    sim.control.setFaults({ hangMs: 0, oversizeBytes: 3_000_000 });
    const big = await get(sim, "/api/futures/supported-coins");
    expect(big.body.data).toContain("BTC");
    expect((big.body as unknown as { padding: string }).padding.length).toBeGreaterThan(2_900_000);
    sim.control.setFaults({ oversizeBytes: 0, reference: "empty" });
    expect((await get(sim, "/api/futures/supported-coins")).body).toMatchObject({ code: "0", data: [] });
    const other = await get(sim, "/api/futures/coins-price-change");
    expect((other.body.data as unknown[]).length).toBeGreaterThan(0);
    sim.control.setFaults({ reference: "malformed" });
    expect((await get(sim, "/api/futures/supported-exchange-pairs")).body.data).toBe("unavailable");
    sim.control.reset();
    expect((await get(sim, "/api/futures/supported-coins")).body.data).toContain("BTC");
  });

  it("stops answering pings while silentPings is on", async () => {
    const c = await connect(sim);
    sim.control.setFaults({ silentPings: true });
    c.send("ping");
    // The server handles a socket's messages in order: once this subscribe took effect, the ping was seen.
    c.send({ method: "subscribe", channels: ["marker"] });
    let sent = 0;
    while (sent === 0) {
      await new Promise((r) => setTimeout(r, 20));
      sent = (await sim.control.replay({ count: 1, channel: "marker" })).sent;
    }
    sim.control.setFaults({ silentPings: false });
    c.send("ping");
    await waitFor(() => c.texts.includes("pong"));
    // Answers come in order: once a second ping is answered, a late pong to the silenced ping
    // would have come before it.
    c.send("ping");
    await waitFor(() => c.texts.filter((t) => t === "pong").length >= 2);
    expect(c.texts.filter((t) => t === "pong")).toHaveLength(2);
    c.close();
  });

  it("closes sockets after N messages", async () => {
    const c = await connect(sim);
    sim.control.setFaults({ closeAfterMessages: 3 });
    for (let i = 0; i < 6; i++) c.send("ping");
    await waitFor(() => c.isClosed(), 10_000, "close after 3 messages");
    expect(c.texts).toHaveLength(3);
    sim.control.setFaults({ closeAfterMessages: null });
  });

  it("drops every socket now", async () => {
    const a = await connect(sim);
    const b = await connect(sim);
    await subscribe(a, ["liquidationOrders"]);
    sim.control.dropSockets();
    await waitFor(() => a.isClosed() && b.isClosed(), 10_000, "both sockets closed");
  });
});

describe("control API over HTTP", () => {
  let sim: Simulator;
  beforeAll(async () => {
    sim = await createSimulator({ background: false, seed: 11 });
  });
  afterAll(() => sim.close());

  it("injects whale positions that show in whale-alert and whale-position", async () => {
    const user = "0x00000000000000000000000000000000000000aa";
    expect(
      (
        await post(sim, "whale-position", {
          symbol: "ETH",
          action: "open",
          direction: "short",
          valueUsd: 25_000_000,
          user,
        })
      ).body,
    ).toEqual({ ok: true });
    type Alert = {
      user: string;
      symbol: string;
      position_size: number;
      position_action: number;
      position_value_usd: number;
      create_time: number;
    };
    const alerts = await data<Alert[]>(sim, "/api/hyperliquid/whale-alert");
    expect(alerts[0]).toMatchObject({
      user,
      symbol: "ETH",
      position_action: 1,
      position_value_usd: 25_000_000,
    });
    expect(alerts[0]?.position_size).toBeLessThan(0);
    expect(Math.abs((alerts[0]?.create_time ?? 0) - Date.now())).toBeLessThan(10_000);
    const positions = await data<{ user: string }[]>(sim, "/api/hyperliquid/whale-position", "symbol=ETH");
    expect(positions.some((p) => p.user === user)).toBe(true);
    sim.control.injectWhalePosition({
      symbol: "ETH",
      action: "close",
      direction: "short",
      valueUsd: 25_000_000,
      user,
    });
    const after = await data<Alert[]>(sim, "/api/hyperliquid/whale-alert");
    expect(after[0]).toMatchObject({ user, position_action: 2 });
    const positionsAfter = await data<{ user: string }[]>(
      sim,
      "/api/hyperliquid/whale-position",
      "symbol=ETH",
    );
    expect(positionsAfter.some((p) => p.user === user)).toBe(false);
  });

  it("runs storms, faults, counters, price and reset over HTTP", async () => {
    const c = await connect(sim);
    await subscribe(c, ["liquidationOrders"]);
    expect(
      (
        await post(sim, "storm", {
          symbol: "BTC",
          side: "short",
          totalUsd: 1_000_000,
          count: 5,
          overSeconds: 0,
        })
      ).status,
    ).toBe(200);
    await waitFor(() => c.items("liquidationOrders").length >= 5);
    expect(c.items("liquidationOrders").every((i) => i.side === 2 && i.baseAsset === "BTC")).toBe(true);
    expect((await post(sim, "faults", { rate429: 1 })).status).toBe(200);
    expect((await get(sim, "/api/futures/supported-coins")).status).toBe(429);
    const counters = (await post(sim, "counters")).body;
    expect(counters.status429).toBe(1);
    expect(counters.byEndpoint["/api/futures/supported-coins"]).toBe(1);
    const price = (await post(sim, "price", { symbol: "BTC" })).body.price;
    expect(price).toBe(sim.control.price("BTC"));
    await post(sim, "reset");
    expect((await get(sim, "/api/futures/supported-coins")).status).toBe(200);
    expect(sim.control.counters().total).toBe(1);
    const orders = await data<unknown[]>(
      sim,
      "/api/futures/liquidation/order",
      "exchange=Binance&symbol=BTC&min_liquidation_amount=0",
    );
    expect(orders).toHaveLength(0);
    expect((await post(sim, "storm", { symbol: "NOPE", side: "short", totalUsd: 1, count: 1 })).status).toBe(
      400,
    );
    expect((await post(sim, "unknown")).status).toBe(404);
    c.close();
  });

  it("corrupts a field of one endpoint's rows until reset", async () => {
    type Row = { symbol: string; rsi_4h: unknown; rsi_1h: unknown };
    const before = await data<Row[]>(sim, "/api/futures/rsi/list");
    const ok = await post(sim, "corrupt", {
      path: "/api/futures/rsi/list",
      field: "rsi_4h",
      value: 150,
      where: { symbol: "BTC" },
    });
    expect(ok.status).toBe(200);
    const after = await data<Row[]>(sim, "/api/futures/rsi/list");
    expect(after.find((r) => r.symbol === "BTC")?.rsi_4h).toBe(150);
    expect(after.find((r) => r.symbol === "ETH")?.rsi_4h).toBe(
      before.find((r) => r.symbol === "ETH")?.rsi_4h,
    );
    expect(after.find((r) => r.symbol === "BTC")?.rsi_1h).toBe(
      before.find((r) => r.symbol === "BTC")?.rsi_1h,
    );
    expect((await post(sim, "corrupt", { field: "x" })).body.error).toMatch(/path, field, value/);
    await post(sim, "reset");
    const reset = await data<Row[]>(sim, "/api/futures/rsi/list");
    expect(reset.find((r) => r.symbol === "BTC")?.rsi_4h).toBe(
      before.find((r) => r.symbol === "BTC")?.rsi_4h,
    );
  });
});
