// Ingest through the CoinGlass stream client: the simulator replays 1M liquidation events, 100 per
// frame, over a real WebSocket. Side by side in one run: a bare `ws` client that only JSON.parses
// each frame (the floor any client pays), then our client (parse, map to typed events, dedupe,
// one batch callback per frame). Every replayed event is distinct, so the dedupe window inserts
// each one; a third, socket-free figure parses 1M distinct events without the socket.
import { createSimulator } from "@teleglas/coinglass-sim";
import { createRecentEvents, createStreamClient, parseStreamFrame } from "@teleglas/market-data-core";
import { WebSocket } from "ws";

const EVENTS = 1_000_000;
const BATCH = 100;
const KEY = "bench-key";

const sim = await createSimulator({ background: false, rateLimit: false });
const perSecond = (n: number, ms: number) => Math.round(n / (ms / 1000));

async function until(check: () => boolean) {
  while (!check()) await new Promise((r) => setTimeout(r, 5));
}

/** Replays EVENTS and returns events/s from the first frame sent to the last one counted. */
async function measure(counted: () => number): Promise<number> {
  const start = performance.now();
  await sim.control.replay({ count: EVENTS, batchSize: BATCH });
  await until(() => counted() >= EVENTS);
  return perSecond(EVENTS, performance.now() - start);
}

console.error("bare ws + JSON.parse…");
const raw = new WebSocket(`${sim.wsUrl}?cg-api-key=${KEY}`);
let rawCount = 0;
raw.on("message", (data) => {
  rawCount += (JSON.parse(data.toString()) as { data: unknown[] }).data.length;
});
await new Promise((r) => raw.once("open", r));
raw.send(JSON.stringify({ method: "subscribe", channels: ["liquidationOrders"] }));
await new Promise((r) => setTimeout(r, 200));
const rawPerS = await measure(() => rawCount);
raw.close();

console.error("stream client…");
const client = createStreamClient({ url: sim.wsUrl, apiKey: KEY, channels: ["liquidationOrders"] });
let batches = 0;
client.onEvents(() => {
  batches++;
});
client.start();
await until(() => client.state().connected);
await new Promise((r) => setTimeout(r, 200));
const processed = () => client.state().events + client.state().duplicates;
const clientPerS = await measure(processed);
const { events: yielded, duplicates, malformedFrames, malformedItems } = client.state();
await client.close();

console.error("parse of distinct frames, no socket…");
const frames: string[] = [];
const t0 = Date.now();
for (let f = 0; f < EVENTS / BATCH; f++) {
  const data = Array.from({ length: BATCH }, (_, i) => ({
    baseAsset: "BTC",
    exName: "Binance",
    price: 60_000 + ((f * BATCH + i) % 9973) / 10,
    side: 1 + (i % 2),
    symbol: "BTCUSDT",
    time: t0 + f,
    volUsd: 1000 + i,
  }));
  frames.push(JSON.stringify({ channel: "liquidationOrders", data }));
}
const recent = createRecentEvents(50_000);
let parsed = 0;
const p0 = performance.now();
for (const fr of frames) {
  const r = parseStreamFrame(fr, recent);
  if (r.kind === "events") parsed += r.events.length;
}
const parsePerS = perSecond(parsed, performance.now() - p0);
await sim.close();

const metrics = {
  events: EVENTS,
  batch: BATCH,
  raw_json_events_per_s: rawPerS,
  client_events_per_s: clientPerS,
  client_vs_raw: Math.round((clientPerS / rawPerS) * 1000) / 1000,
  client_yielded: yielded,
  client_duplicates: duplicates,
  client_batches: batches,
  malformed: malformedFrames + malformedItems,
  parse_distinct_events_per_s: parsePerS,
  parse_distinct_unique: parsed,
};
console.log(JSON.stringify({ suite: "stream-client", metrics }));
