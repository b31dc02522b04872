import { describe, expect, test } from "vitest";
import {
  createRecentEvents,
  futuresTradesChannel,
  type LiquidationEvent,
  parseStreamFrame,
  type StreamEvent,
} from "../src/index.js";

const frame = (channel: string, data: unknown[]) => JSON.stringify({ channel, data });
const events = (text: string, recent?: ReturnType<typeof createRecentEvents>): StreamEvent[] => {
  const r = parseStreamFrame(text, recent);
  if (r.kind !== "events") throw new Error(`expected events, got ${r.kind}`);
  return r.events;
};

// The documented example item (coinglass-api.md §8.3).
const docItem = {
  baseAsset: "BTC",
  exName: "Binance",
  price: 56738.0,
  side: 2,
  symbol: "BTCUSDT",
  time: 1725416318379,
  volUsd: 3858.184,
};

describe("parseStreamFrame", () => {
  test("the documented liquidation item: side 2 is a short liquidated", () => {
    expect(events(frame("liquidationOrders", [docItem, { ...docItem, side: 1, time: 1 }]))).toEqual([
      {
        type: "liquidation",
        exchange: "Binance",
        pair: "BTCUSDT",
        coin: "BTC",
        price: 56738,
        side: "short",
        usd: 3858.184,
        time: 1725416318379,
        channel: "liquidationOrders",
      },
      expect.objectContaining({ side: "long", time: 1 }),
    ]);
  });

  test("trades: side 1 is a sell, 2 a buy", () => {
    const ch = futuresTradesChannel("Binance", "btcusdt", 10000);
    expect(ch).toBe("futures_trades@Binance_BTCUSDT@10000");
    const [sell, buy] = events(
      frame(ch, [
        { ...docItem, side: 1 },
        { ...docItem, side: 2, time: 2 },
      ]),
    );
    expect(sell).toMatchObject({ type: "trade", side: "sell", channel: ch });
    expect(buy).toMatchObject({ type: "trade", side: "buy" });
  });

  test.each([
    ["exchange_name / vol_usd / base_asset", { exchange_name: "OKX", vol_usd: 12.5, base_asset: "ETH" }],
    ["exchange / volume_usd", { exchange: "OKX", volume_usd: "12.5", base_asset: "ETH" }],
    ["usd_value, numeric strings", { exchange: "OKX", usd_value: "12.5", base_asset: "ETH" }],
  ])("snake_case items are accepted (%s)", (_name, fields) => {
    const item = { symbol: "ETHUSDT", price: "3000.5", side: "1", time: "1725416318379", ...fields };
    expect(events(frame("liquidationOrders", [item]))).toEqual([
      expect.objectContaining({
        exchange: "OKX",
        coin: "ETH",
        pair: "ETHUSDT",
        usd: 12.5,
        price: 3000.5,
        side: "long",
      }),
    ]);
  });

  test("a missing base asset is read off a USDT pair; an unknown quote drops the item", () => {
    const { baseAsset: _, ...noBase } = docItem;
    const r = parseStreamFrame(frame("liquidationOrders", [noBase, { ...noBase, symbol: "BTC-PERP" }]));
    expect(r).toMatchObject({
      kind: "events",
      malformedItems: 1,
      events: [expect.objectContaining({ coin: "BTC" })],
    });
  });

  test("bad items are skipped and counted, the rest of the frame still arrives", () => {
    const bad = [
      null,
      { ...docItem, side: 3 },
      { ...docItem, price: "abc" },
      { ...docItem, volUsd: undefined },
      { ...docItem, exName: 7 },
    ];
    const r = parseStreamFrame(frame("liquidationOrders", [...bad, docItem]));
    expect(r).toMatchObject({ kind: "events", malformedItems: 5 });
    if (r.kind === "events") expect(r.events).toHaveLength(1);
  });

  test.each([
    ["pong", "pong"],
    ['{"event":"subscribe","success":true}', "ack"],
    ['{"error":"invalid channel"}', "server_error"],
    ["{not json", "malformed"],
    ["42", "malformed"],
    ['{"channel":"liquidationOrders","data":{}}', "malformed"],
    ['{"channel":"futures_ticker@Binance_BTCUSDT","data":[{}]}', "ignored"],
  ])("%s is a %s frame and does not throw", (text, kind) => {
    expect(parseStreamFrame(text).kind).toBe(kind);
  });

  test("with a recent window, an event seen before is dropped and counted", () => {
    const recent = createRecentEvents(100);
    const text = frame("liquidationOrders", [docItem]);
    expect(events(text, recent)).toHaveLength(1);
    expect(parseStreamFrame(text, recent)).toMatchObject({ kind: "events", events: [], duplicates: 1 });
    // the same liquidation arriving on the snake-case alias channel is still the same event
    expect(events(frame("liquidation_orders", [docItem]), recent)).toHaveLength(0);
  });
});

describe("createRecentEvents", () => {
  const check = (recent: ReturnType<typeof createRecentEvents>, e: StreamEvent) =>
    recent.seen(
      e.type,
      e.exchange,
      e.pair,
      e.side === "long" || e.side === "sell" ? 1 : 2,
      e.price,
      e.usd,
      e.time,
    );
  const ev = (time: number): LiquidationEvent => ({
    type: "liquidation",
    exchange: "Binance",
    pair: "BTCUSDT",
    coin: "BTC",
    price: 1,
    side: "long",
    usd: 10,
    time,
    channel: "liquidationOrders",
  });

  test("remembers at least half its capacity and forgets beyond its capacity", () => {
    const recent = createRecentEvents(10);
    for (let i = 0; i < 10; i++) expect(check(recent, ev(i))).toBe(false);
    expect(check(recent, ev(9))).toBe(true);
    expect(check(recent, ev(5))).toBe(true);
    expect(recent.size).toBeLessThanOrEqual(10);
    for (let i = 10; i < 30; i++) check(recent, ev(i));
    expect(check(recent, ev(0))).toBe(false);
  });

  test("an event differing in any one field is a different event; the channel does not count", () => {
    const recent = createRecentEvents(1000);
    const base = ev(1);
    check(recent, base);
    const variants: StreamEvent[] = [
      { ...base, exchange: "OKX" },
      { ...base, pair: "BTCUSD" },
      { ...base, price: 1.0000001 },
      { ...base, side: "short" },
      { ...base, usd: 10.01 },
      { ...base, time: 2 },
      { ...base, type: "trade", side: "sell" },
    ];
    for (const v of variants) expect(check(recent, v)).toBe(false);
    expect(check(recent, { ...base, channel: "liquidation_orders", coin: "XBT" })).toBe(true);
  });

  test("over many events: every recent repeat is caught and no new event is taken for one", () => {
    const recent = createRecentEvents(50_000);
    const at = (i: number): StreamEvent => ({
      ...ev(1_700_000_000_000 + (i >> 4)),
      usd: 100 + (i % 977),
      price: 1 + i / 7,
    });
    for (let i = 0; i < 200_000; i++) expect(check(recent, at(i))).toBe(false);
    let repeats = 0;
    for (let i = 200_000 - 25_000; i < 200_000; i++) if (check(recent, at(i))) repeats++;
    expect(repeats).toBe(25_000);
    let fresh = 0;
    for (let i = 200_000; i < 260_000; i++) if (!check(recent, at(i))) fresh++;
    expect(fresh).toBe(60_000);
  });
});
