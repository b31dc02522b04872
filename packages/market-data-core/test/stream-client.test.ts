import { afterEach, expect, test } from "vitest";
import { createStreamClient, type StreamClient, type StreamProblem } from "../src/index.js";
import { waitFor } from "./store-helpers.js";
import { collect, startLocalWsServer } from "./stream-helpers.js";

const KEY = "sekret-key/with+chars";
let server: Awaited<ReturnType<typeof startLocalWsServer>> | undefined;
let client: StreamClient | undefined;

afterEach(async () => {
  await client?.close();
  await server?.close();
  client = server = undefined;
});

const fastBackoff = { initialMs: 50, maxMs: 200 };
const liquidationClient = (url: string) =>
  createStreamClient({ url, apiKey: KEY, channels: ["liquidationOrders"], backoff: fastBackoff });

test("connects with the key in the query and subscribes with the documented message", async () => {
  server = await startLocalWsServer();
  client = createStreamClient({ url: server.url, apiKey: KEY, channels: ["liquidationOrders"] });
  client.start();
  await waitFor(() => server!.latest()?.received.length === 1, "subscribe message", 5000);
  const conn = server.latest()!;
  expect(new URL(conn.url, "http://x").searchParams.get("cg-api-key")).toBe(KEY);
  expect(JSON.parse(conn.received[0]!)).toEqual({ method: "subscribe", channels: ["liquidationOrders"] });
  client.subscribe(["futures_trades@OKX_ETHUSDT@5000"]);
  client.unsubscribe(["liquidationOrders"]);
  await waitFor(() => conn.received.length === 3, "subscribe + unsubscribe", 5000);
  expect(conn.received.slice(1).map((t) => JSON.parse(t))).toEqual([
    { method: "subscribe", channels: ["futures_trades@OKX_ETHUSDT@5000"] },
    { method: "unsubscribe", channels: ["liquidationOrders"] },
  ]);
  expect(client.state().channels).toEqual(["futures_trades@OKX_ETHUSDT@5000"]);
});

test("snake_case items arrive as typed events, one batch per frame", async () => {
  server = await startLocalWsServer();
  client = createStreamClient({ url: server.url, apiKey: KEY, channels: ["liquidationOrders"] });
  const got = collect(client);
  client.start();
  await waitFor(() => client!.state().connected, "connected", 5000);
  const item = {
    exchange_name: "Bybit",
    symbol: "SOLUSDT",
    base_asset: "SOL",
    price: 150,
    side: 1,
    time: 1,
    vol_usd: 2e5,
  };
  server.push(JSON.stringify({ channel: "liquidationOrders", data: [item, { ...item, time: 2, side: 2 }] }));
  await waitFor(() => got.events.length === 2, "events", 5000);
  expect(got.batches).toHaveLength(1);
  expect(got.events[0]).toEqual({
    type: "liquidation",
    exchange: "Bybit",
    pair: "SOLUSDT",
    coin: "SOL",
    price: 150,
    side: "long",
    usd: 200_000,
    time: 1,
    channel: "liquidationOrders",
  });
});

test("garbage frames and a throwing listener are counted, and the socket carries on", async () => {
  server = await startLocalWsServer();
  client = createStreamClient({ url: server.url, apiKey: KEY, channels: ["liquidationOrders"] });
  const problems: StreamProblem[] = [];
  client.onProblem((p) => problems.push(p));
  client.onEvents(() => {
    throw new Error("detector bug");
  });
  const got = collect(client);
  client.start();
  await waitFor(() => client!.state().connected, "connected", 5000);
  server.push("{oops");
  server.push(Buffer.from([0xff, 0x00, 0x12]).toString("latin1"));
  const item = { exName: "OKX", symbol: "BTCUSDT", baseAsset: "BTC", price: 1, side: 1, time: 5, volUsd: 10 };
  server.push(JSON.stringify({ channel: "liquidationOrders", data: [item] }));
  await waitFor(() => got.events.length === 1, "event after garbage", 5000);
  expect(client.state()).toMatchObject({ connected: true, malformedFrames: 2, reconnects: 0 });
  expect(problems.map((p) => p.kind).sort()).toEqual(["listener", "malformed_frame", "malformed_frame"]);
});

test("an oversize frame closes the socket, is counted, and the client reconnects and carries on", async () => {
  server = await startLocalWsServer();
  client = liquidationClient(server.url);
  const problems: StreamProblem[] = [];
  client.onProblem((p) => problems.push(p));
  const got = collect(client);
  client.start();
  await waitFor(() => client!.state().connected, "connected", 5000);
  const item = { exName: "OKX", symbol: "BTCUSDT", baseAsset: "BTC", price: 1, side: 1, time: 5, volUsd: 10 };
  // 3 MiB of valid items, over the 1 MiB default cap (the `ws` default would take 100 MiB).
  const big = JSON.stringify({ channel: "liquidationOrders", data: [item] }).padEnd(3 * 1024 * 1024, " ");
  server.push(big);
  await waitFor(() => client!.state().reconnects >= 1 && client!.state().connected, "reconnect", 5000);
  server.push(JSON.stringify({ channel: "liquidationOrders", data: [{ ...item, time: 6 }] }));
  await waitFor(() => got.events.length === 1, "event after the reconnect", 5000);
  expect(got.events[0]?.time).toBe(6);
  expect(client.state()).toMatchObject({ oversizeFrames: 1, connected: true });
  expect(problems.filter((p) => p.kind === "oversize_frame")).toEqual([
    { kind: "oversize_frame", message: "frame over 1048576 bytes; closed and reconnecting" },
  ]);
});

test("a socket that stops answering pings is replaced and every channel resubscribed", async () => {
  server = await startLocalWsServer();
  client = createStreamClient({
    url: server.url,
    apiKey: KEY,
    channels: ["liquidationOrders"],
    pingIntervalMs: 100,
    pongTimeoutMs: 200,
    backoff: fastBackoff,
  });
  const problems: StreamProblem[] = [];
  client.onProblem((p) => problems.push(p));
  client.subscribe(["futures_trades@Binance_BTCUSDT@10000"]);
  client.start();
  await waitFor(() => server!.latest()?.received.includes("ping") ?? false, "first ping", 5000);
  server.setAnswerPings(false);
  await waitFor(() => client!.state().reconnects >= 1 && client!.state().connected, "reconnect", 5000);
  server.setAnswerPings(true);
  const fresh = server.latest()!;
  await waitFor(() => fresh.received.length >= 1, "resubscribe", 5000);
  expect(JSON.parse(fresh.received[0]!)).toEqual({
    method: "subscribe",
    channels: ["liquidationOrders", "futures_trades@Binance_BTCUSDT@10000"],
  });
  expect(problems.some((p) => p.kind === "pong_timeout")).toBe(true);
});

test("the key never appears in problems or state, even when the socket library quotes the URL", async () => {
  client = createStreamClient({ url: "ws//not a url", apiKey: KEY, channels: [], backoff: fastBackoff });
  const problems: StreamProblem[] = [];
  client.onProblem((p) => problems.push(p));
  client.start();
  await waitFor(() => problems.length >= 2, "failed attempts", 5000);
  const exposed = JSON.stringify({ problems, state: client.state() });
  expect(exposed).toContain("***");
  expect(exposed).not.toContain(KEY);
  expect(exposed).not.toContain(encodeURIComponent(KEY));
});

test("an event the server sends again after a reconnect is yielded once", async () => {
  server = await startLocalWsServer();
  client = liquidationClient(server.url);
  const got = collect(client);
  client.start();
  await waitFor(() => client!.state().connected, "connected", 5000);
  const item = {
    exName: "OKX",
    symbol: "BTCUSDT",
    baseAsset: "BTC",
    price: 9,
    side: 2,
    time: 100,
    volUsd: 50,
  };
  const frameOf = (time: number) =>
    JSON.stringify({ channel: "liquidationOrders", data: [{ ...item, time }] });
  server.push(frameOf(100));
  await waitFor(() => got.events.length === 1, "first event", 5000);
  server.latest()!.ws.terminate();
  await waitFor(() => client!.state().reconnects === 1 && client!.state().connected, "reconnected", 5000);
  server.push(frameOf(100)); // the server replays what it sent before the drop
  server.push(frameOf(101));
  await waitFor(() => got.events.length === 2, "the new event", 5000);
  expect(got.events.map((e) => e.time)).toEqual([100, 101]);
  expect(client.state().duplicates).toBe(1);
});

test("close stops the client for good, even while a reconnect is pending", async () => {
  server = await startLocalWsServer();
  client = createStreamClient({
    url: server.url,
    apiKey: KEY,
    channels: [],
    backoff: { initialMs: 300, maxMs: 300 },
  });
  client.start();
  await waitFor(() => client!.state().connected, "connected", 5000);
  server.latest()!.ws.terminate();
  await waitFor(() => !client!.state().connected, "disconnected", 5000);
  await client.close();
  const connections = server.connections.length;
  await new Promise((r) => setTimeout(r, 600)); // longer than the pending reconnect delay
  expect(server.connections.length).toBe(connections);
  expect(client.state().connected).toBe(false);
});
