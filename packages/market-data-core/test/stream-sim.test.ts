import { createSimulator } from "@teleglas/coinglass-sim";
import { afterEach, beforeEach, expect, test } from "vitest";
import {
  createStreamClient,
  futuresTradesChannel,
  LIQUIDATION_CHANNEL,
  type StreamClient,
  type StreamClientOptions,
  type StreamEvent,
} from "../src/index.js";
import { waitFor } from "./store-helpers.js";
import { collect } from "./stream-helpers.js";

type Sim = Awaited<ReturnType<typeof createSimulator>>;
const KEY = "stream-test-key";
let sim: Sim;
let client: StreamClient | undefined;

beforeEach(async () => {
  sim = await createSimulator({ keys: [KEY], seed: 7 });
});
afterEach(async () => {
  await client?.close();
  client = undefined;
  await sim.close();
});

function open(channels: string[], extra: Partial<StreamClientOptions> = {}) {
  client = createStreamClient({
    url: sim.wsUrl,
    apiKey: KEY,
    channels,
    backoff: { initialMs: 100, maxMs: 1000 },
    ...extra,
  });
  const got = collect(client);
  client.start();
  return { client, ...got };
}

const keyOf = (e: StreamEvent) => `${e.type}|${e.exchange}|${e.pair}|${e.side}|${e.price}|${e.usd}|${e.time}`;
const injected = (events: StreamEvent[], coin: string) =>
  events.filter((e) => e.type === "liquidation" && e.coin === coin && e.usd >= 100_000);

test("an injected storm arrives as typed liquidation events on the liquidation channel", async () => {
  const { events } = open([LIQUIDATION_CHANNEL]);
  await subscribed(events, 0);
  sim.control.injectLiquidationStorm({
    symbol: "ETH",
    side: "long",
    totalUsd: 6_000_000,
    count: 20,
    overSeconds: 1,
  });
  await waitFor(() => injected(events, "ETH").length === 20, "20 storm events", 8000);
  const storm = injected(events, "ETH");
  for (const e of storm) {
    expect(e).toMatchObject({ type: "liquidation", side: "long", coin: "ETH", channel: LIQUIDATION_CHANNEL });
    expect(e.price).toBeGreaterThan(0);
    expect(Math.abs(e.time - Date.now())).toBeLessThan(60_000);
  }
  expect(storm.reduce((s, e) => s + e.usd, 0)).toBeCloseTo(6_000_000, -1);
});

test("only the subscribed channels arrive", async () => {
  const channel = futuresTradesChannel("Binance", "BTCUSDT", 10_000);
  const { events } = open([channel]);
  await subscribed(events, 0);
  sim.control.injectWhaleTrades({
    symbol: "BTC",
    side: "sell",
    totalUsd: 3_000_000,
    count: 5,
    overSeconds: 0,
  });
  sim.control.injectLiquidationStorm({
    symbol: "BTC",
    side: "short",
    totalUsd: 2_000_000,
    count: 5,
    overSeconds: 0,
  });
  await waitFor(() => events.filter((e) => e.usd >= 300_000).length >= 5, "whale trades", 8000);
  for (const e of events) {
    expect(e).toMatchObject({ type: "trade", exchange: "Binance", pair: "BTCUSDT", coin: "BTC", channel });
    expect(e.usd).toBeGreaterThanOrEqual(10_000);
  }
  expect(events.filter((e) => e.usd >= 300_000).every((e) => e.side === "sell")).toBe(true);
});

/**
 * The simulator does not acknowledge a subscription; a background event arriving after `since`
 * events proves the current connection is subscribed (injections before that would be lost).
 */
async function subscribed(events: StreamEvent[], since = events.length) {
  await waitFor(() => events.length > since, "first event on this connection", 8000);
}

/** Waits for a fresh storm on `coin` to arrive, proving events flow on the current connection. */
async function flows(events: StreamEvent[], coin: string) {
  await subscribed(events);
  const before = injected(events, coin).length;
  sim.control.injectLiquidationStorm({
    symbol: coin,
    side: "short",
    totalUsd: 3_000_000,
    count: 3,
    overSeconds: 0,
  });
  await waitFor(() => injected(events, coin).length === before + 3, `${coin} storm after reconnect`, 5000);
}

test("after the server drops the socket the client is back and resubscribed within 5 s", async () => {
  const { client, events } = open([LIQUIDATION_CHANNEL]);
  await waitFor(() => client.state().connected, "connected", 5000);
  await flows(events, "SOL");
  sim.control.dropSockets();
  await waitFor(() => client.state().reconnects === 1 && client.state().connected, "reconnected", 5000);
  await flows(events, "XRP");
});

test("a server that stops answering pings is treated as dead and replaced", async () => {
  const { client, events } = open([LIQUIDATION_CHANNEL], { pingIntervalMs: 150, pongTimeoutMs: 300 });
  await waitFor(() => client.state().connected, "connected", 5000);
  sim.control.setFaults({ silentPings: true });
  await waitFor(() => client.state().reconnects >= 1, "pong watchdog reconnect", 5000);
  expect(client.state().lastError).toMatch(/no pong/);
  sim.control.setFaults({ silentPings: false });
  await waitFor(() => client.state().connected, "connected again", 5000);
  await flows(events, "DOGE");
});

test("a server closing after a few messages: the client keeps reconnecting and nothing repeats", async () => {
  const { client, events } = open([LIQUIDATION_CHANNEL]);
  await subscribed(events, 0);
  sim.control.setFaults({ closeAfterMessages: 3 });
  sim.control.injectLiquidationStorm({
    symbol: "BTC",
    side: "long",
    totalUsd: 20_000_000,
    count: 40,
    overSeconds: 4,
  });
  await waitFor(() => client.state().reconnects >= 3, "several reconnects", 10_000);
  sim.control.setFaults({ closeAfterMessages: null });
  await waitFor(() => client.state().connected, "connected again", 5000);
  await flows(events, "ETH");
  const keys = events.map(keyOf);
  expect(new Set(keys).size).toBe(keys.length);
});

test("a replay of 5000 events, 100 per frame, arrives complete in 50 batches", async () => {
  const { events, batches } = open([LIQUIDATION_CHANNEL], { dedupeWindow: 0 });
  await subscribed(events, 0);
  // Background frames carry a handful of events; only the replay's frames carry 100.
  const before = batches.length;
  const eventsBefore = events.length;
  const r = await sim.control.replay({ count: 5000, batchSize: 100 });
  expect(r.sent).toBe(5000);
  await waitFor(() => batches.slice(before).filter((b) => b.length === 100).length === 50, "50 frames", 8000);
  expect(events.length - eventsBefore).toBeGreaterThanOrEqual(5000);
});
