// Simulator throughput, so other benchmarks know it is not their bottleneck: REST requests/s on a
// cheap endpoint and on coins-markets (autocannon, 50 connections), and WebSocket events/s when
// replaying 1,000,000 liquidation events in frames of 100 to a bare `ws` client.
import autocannon from "autocannon";
import WebSocket from "ws";
import { startBareHttp, startSimCli } from "../lib/sim-cli.js";

const DURATION = Number(process.env["BENCH_DURATION_S"] ?? 5);
const EVENTS = 1_000_000;
const BATCH = 100;
const headers = { "CG-API-KEY": "bench" };

const sim = await startSimCli(["--no-rate-limit", "--no-background", "--seed", "42"]);

async function rps(path: string, base = sim.restUrl): Promise<number> {
  const url = `${base}${path}`;
  await autocannon({ url, connections: 50, duration: 1, headers });
  const r = await autocannon({ url, connections: 50, duration: DURATION, headers });
  if (r.non2xx > 0 || r.errors > 0) throw new Error(`${path}: ${r.non2xx} non-2xx, ${r.errors} errors`);
  console.error(`  ${path}: ${Math.round(r.requests.average)} req/s, p99 ${r.latency.p99} ms`);
  return Math.round(r.requests.average);
}

async function wsEventsPerSecond(): Promise<{ perSecond: number; serverMs: number }> {
  const ws = new WebSocket(`${sim.wsUrl}?cg-api-key=bench`);
  await new Promise((resolve, reject) => {
    ws.once("open", resolve);
    ws.once("error", reject);
  });
  let frames = 0;
  let pongs = 0;
  const expected = Math.ceil(EVENTS / BATCH);
  let done: () => void = () => {};
  const all = new Promise<void>((resolve) => {
    done = resolve;
  });
  ws.on("message", (data) => {
    // Bare client: count frames without parsing (each carries BATCH events).
    if ((data as Buffer).length === 4) pongs++;
    else if (++frames === expected) done();
  });
  ws.send(JSON.stringify({ method: "subscribe", channels: ["bench"] }));
  ws.send("ping");
  while (pongs === 0) await new Promise((r) => setTimeout(r, 10));
  const start = performance.now();
  const result = await sim.control<{ sent: number; ms: number }>("replay", {
    count: EVENTS,
    batchSize: BATCH,
    channel: "bench",
  });
  await all;
  const ms = performance.now() - start;
  ws.terminate();
  console.error(
    `  replay: ${result.sent} events, server ${Math.round(result.ms)} ms, client saw all after ${Math.round(ms)} ms`,
  );
  return { perSecond: Math.round(EVENTS / (ms / 1000)), serverMs: Math.round(result.ms) };
}

try {
  console.error("REST (autocannon, 50 connections)…");
  const bare = await startBareHttp();
  const baseline = await rps("/", bare.url);
  bare.stop();
  const cheap = await rps("/api/futures/supported-coins");
  const markets = await rps("/api/futures/coins-markets");
  const pairs = await rps("/api/futures/pairs-markets?symbol=BTC");
  console.error("WebSocket replay…");
  const ws = await wsEventsPerSecond();
  console.log(
    JSON.stringify({
      suite: "sim",
      metrics: {
        rest_rps_bare_node_http: baseline,
        rest_rps_supported_coins: cheap,
        rest_ratio_supported_coins_to_bare: Math.round((cheap / baseline) * 100) / 100,
        rest_rps_coins_markets: markets,
        rest_rps_pairs_markets: pairs,
        ws_events_per_second: ws.perSecond,
        ws_replay_server_ms: ws.serverMs,
      },
    }),
  );
} finally {
  await sim.stop();
}
