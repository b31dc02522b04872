// Alert-worker ingest: the simulator (in its own process) replays a million liquidation and trade
// events as fast as the socket allows; the worker parses them and runs every detector (in its
// ingest thread, as the worker process does), publishing alerts to Redis. Side by side in one
// run: a bare loop that only receives and JSON.parses the same frames. Bare and worker floods
// alternate for BENCH_ROUNDS rounds (the bare loop on channels of its own, so the worker stays
// connected and idle meanwhile) and the medians are reported, so one burst of load from elsewhere
// on a shared machine does not decide the ratio. Cooldowns let alerts fire in the first worker
// flood only, so the latency figures are that flood's.
import { startAlertWorker } from "@teleglas/alert-worker/service";
import { createMarketDataCore, createStores, deleteByPrefix } from "@teleglas/market-data-core";
import pino from "pino";
import { benchRedis } from "../lib/broadcast-setup.js";
import { forkBareLoop, forkSimulator, percentile } from "../lib/worker-harness.js";

const EVENTS = Number(process.env["BENCH_EVENTS"] ?? 1_000_000);
const THREAD = process.env["BENCH_THREAD"] !== "0"; // 0: the in-process pipeline, for comparison
const ROUNDS = Number(process.env["BENCH_ROUNDS"] ?? 3);
const BATCH = 100;
const TRADE_CHANNEL = "futures_trades@Binance_BTCUSDT@10000";
// Channels the worker does not subscribe to, so a bare flood reaches the bare loop only. The frames
// are built alike (the same random items); only the channel name in each differs by a byte or two.
const BARE_CHANNELS = ["liquidation_orders", "futures_trades@Bybit_BTCUSDT@10000"];

const sim = await forkSimulator();
const bareLoop = await forkBareLoop();
console.error("bare loop: warm-up…");
await bareLoop.run(sim, BARE_CHANNELS, 100_000, BATCH);

// Whale positions for the worker's first Hyperliquid poll: their alerts take the whole alert path
// (thread, publisher, Redis script) once before the measured floods, as a running worker has, and
// touch none of the liquidation or trade cooldowns the floods fire under.
const WHALES = ["BTC", "ETH", "SOL"];
for (const symbol of WHALES) {
  await sim.injectWhale({ symbol, action: "open", direction: "long", valueUsd: 5_000_000 });
}

const redis = await benchRedis();
const prefix = `bench:worker:${Date.now()}:`;
const stores = createStores({ redis, prefix });
const core = createMarketDataCore({
  apiKey: "bench",
  baseUrl: sim.restUrl,
  plan: "professional",
  redis,
  keyPrefix: prefix,
});
const latencies: number[] = [];
const worker = await startAlertWorker({
  config: {
    port: 0,
    host: "127.0.0.1",
    rulesFile: undefined,
    watchlist: [{ exchange: "Binance", pair: "BTCUSDT" }],
    tradeMinUsd: 10_000,
    leaseTtlMs: 6_000,
    keyPrefix: prefix,
    ingestThread: THREAD,
  },
  logger: pino({ level: "silent" }),
  core,
  stores,
  wsUrl: sim.wsUrl,
  apiKey: "bench",
  // The stream client's duplicate filter stays on, as in production: every replayed event is distinct.
  tuning: { onPublished: (_a, ms) => latencies.push(ms) },
});
const processed = () => worker.stats().liquidations + worker.stats().trades;
let rssPeak = 0;
const until = async (cond: () => boolean, what: string) => {
  const end = Date.now() + 120_000;
  while (!cond()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
    rssPeak = Math.max(rssPeak, process.memoryUsage().rss);
  }
};
await until(() => worker.isLeader(), "leadership");
await until(() => worker.stats().alerts.whale_position >= WHALES.length, "the whale alerts");
// Warm up (JIT) before the baseline memory reading, on trades only: the liquidation detectors'
// cooldowns would otherwise spend their alerts here and leave the measured floods none.
// The replay reaches only current subscribers, so repeat it until the worker (subscribing as it
// takes the lease) has taken the events in, then let the event count settle so no warm-up event
// lands in the measured run.
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));
for (let tries = 1; processed() < 50_000; tries++) {
  if (tries > 60) throw new Error("the worker never received the warm-up replay");
  await sim.replay({ count: 50_000, batchSize: BATCH, channel: TRADE_CHANNEL });
  const end = Date.now() + 2_000;
  while (processed() < 50_000 && Date.now() < end) await pause(20);
}
for (let last = -1; processed() !== last; await pause(200)) last = processed();
const rssBefore = process.memoryUsage().rss;
rssPeak = rssBefore;
latencies.length = 0; // only alerts raised under the measured flood count

// The flood ends when the last frame arrived (the thread's clock, in its stats), not when the
// stats reporting it reach this thread up to 50 ms later.
const workerFlood = async () => {
  const from = processed();
  const start = Date.now();
  void sim.replay({ count: EVENTS / 2, batchSize: BATCH, channel: "liquidationOrders" });
  void sim.replay({ count: EVENTS / 2, batchSize: BATCH, channel: TRADE_CHANNEL });
  await until(() => processed() - from >= EVENTS, "every event");
  const end = worker.stats().lastMessageAt ?? Date.now();
  const rate = ((processed() - from) * 1000) / Math.max(1, end - start);
  await pause(500); // alerts still in flight land
  return rate;
};
const bareRates: number[] = [];
const rates: number[] = [];
for (let round = 1; round <= ROUNDS; round++) {
  bareRates.push(await bareLoop.run(sim, BARE_CHANNELS, EVENTS, BATCH));
  rates.push(await workerFlood());
  console.error(
    `round ${round}: bare ${Math.round(bareRates.at(-1) ?? 0)} events/s, worker ${Math.round(rates.at(-1) ?? 0)} events/s (half liquidations, half trades)`,
  );
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)] as number;
const rate = median(rates);
const bare = median(bareRates);
const ratio = median(rates.map((r, i) => r / (bareRates[i] as number)));
// Peak over the run, not the end value: a collection at the end would hide what the run held.
const rssGrowth = (Math.max(rssPeak, process.memoryUsage().rss) - rssBefore) / 1024 / 1024;
const ms = (p: number) => percentile(latencies, p).toFixed(2);
console.error(`  alerts ${JSON.stringify(worker.stats().alerts)}`);
console.error(`  latency ms over ${latencies.length} alerts: p50 ${ms(50)} p90 ${ms(90)} max ${ms(100)}`);

await worker.stop();
await stores.close();
await core.close();
await deleteByPrefix(redis, prefix);
redis.disconnect();
await bareLoop.close();
await sim.close();

const round = (n: number, d = 2) => Math.round(n * 10 ** d) / 10 ** d;
console.log(
  JSON.stringify({
    suite: "worker",
    metrics: {
      events: EVENTS,
      rounds: ROUNDS,
      events_per_second: Math.round(rate),
      bare_events_per_second: Math.round(bare),
      ratio_to_bare: round(ratio),
      alerts: latencies.length,
      p99_latency_ms: round(percentile(latencies, 99)),
      rss_growth_mb: round(rssGrowth, 1),
    },
  }),
);
process.exit(0);
