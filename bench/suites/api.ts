// The GPT API's hot path in its production shape (REDIS_URL set, bearer auth and per-key rate
// limiting on, warm cache), side by side with a bare Fastify hello-world on the same machine:
// autocannon, 50 connections, 10 s each. For context, a third target: bare Fastify sending the
// API's own response bytes and headers, the ceiling for an answer of that size on this machine,
// and a fourth: the same bytes through the API's Fastify lifecycle with no work in it.
// Then 20 symbols asked many times, counting the CoinGlass calls the simulator received against
// the client calls made.
import { createSimulator } from "@teleglas/coinglass-sim";
import autocannon from "autocannon";

type Result = Awaited<ReturnType<typeof autocannon>>;

import { Redis } from "ioredis";
import { type Proc, startApiProcess, startBareFastify } from "../lib/api-procs.js";
import { oauthToken } from "../lib/oauth-token.js";

const REDIS_URL = process.env["REDIS_URL"] ?? "redis://127.0.0.1:6379";
const DURATION = Number(process.env["BENCH_DURATION_S"] ?? 10);
const ROUNDS = Number(process.env["BENCH_ROUNDS"] ?? 3);
const KEY = "bench-key-0123456789abcdef";
const SYMBOLS = [
  "BTC",
  "ETH",
  "SOL",
  "XRP",
  "BNB",
  "DOGE",
  "ADA",
  "AVAX",
  "LINK",
  "DOT",
  "LTC",
  "TRX",
  "BCH",
  "NEAR",
  "APT",
  "ARB",
  "OP",
  "SUI",
  "ATOM",
  "FIL",
];

const probe = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1, retryStrategy: () => null });
try {
  await probe.connect();
  await probe.ping();
} catch {
  console.error(`Redis is not reachable at ${REDIS_URL}. Start it with: redis-server --daemonize yes`);
  process.exit(1);
}

function run(url: string, headers: Record<string, string> = {}) {
  return autocannon({ url, connections: 50, duration: DURATION, headers });
}

/** A run, and the server's CPU time per request answered in it (µs). */
async function measured(proc: Proc, url: string, headers: Record<string, string> = {}) {
  const before = proc.cpuUs();
  const result = await run(url, headers);
  return { result, cpuUs: (proc.cpuUs() - before) / Math.max(1, result.requests.total) };
}

const sim = await createSimulator({ port: 0, plan: "professional", background: false });
const bare = await startBareFastify();
const api = await startApiProcess({
  COINGLASS_API_KEY: "bench-sim",
  COINGLASS_BASE_URL: sim.restUrl,
  COINGLASS_PLAN: "professional",
  REDIS_URL,
  GPT_API_KEYS: KEY,
  GPT_API_RATE_LIMIT: "1000000000",
});
const auth = { authorization: `Bearer ${KEY}` };
let same: Awaited<ReturnType<typeof startBareFastify>> | undefined;
let lifecycle: Awaited<ReturnType<typeof startBareFastify>> | undefined;
const hot = `${api.url}/gpt/raw?symbol=BTC`;

try {
  const warm = await fetch(hot, { headers: auth });
  if (warm.status !== 200) throw new Error(`warm-up answered ${warm.status}: ${await warm.text()}`);
  const perConnection = new Set(["connection", "content-length", "date", "keep-alive"]);
  const response = {
    body: await warm.text(),
    headers: Object.fromEntries([...warm.headers].filter(([name]) => !perConnection.has(name))),
  };
  same = await startBareFastify(response);
  lifecycle = await startBareFastify(response, true);
  const lifecycleUrl = `${lifecycle.url}/?symbol=BTC`;
  // Alternate the targets so a burst of load from elsewhere on the machine hits them alike.
  await autocannon({ url: bare.url, connections: 50, duration: 2 });
  await autocannon({ url: same.url, connections: 50, duration: 2 });
  await autocannon({ url: lifecycleUrl, connections: 50, duration: 2 });
  await autocannon({ url: hot, connections: 50, duration: 2, headers: auth });
  // The same hot call with an OAuth access token instead of the bearer key (opaque token: one
  // Redis lookup per request, which the key path does not make).
  const oauth = { authorization: `Bearer ${await oauthToken(api.url, KEY)}` };
  const bareRuns: Result[] = [];
  const sameRuns: Result[] = [];
  const lifecycleRuns: Result[] = [];
  const lifecycleCpu: number[] = [];
  const apiRuns: Result[] = [];
  const oauthRuns: Result[] = [];
  const sameCpu: number[] = [];
  const apiCpu: number[] = [];
  for (let round = 1; round <= ROUNDS; round++) {
    const b = await run(bare.url);
    console.error(`round ${round}: bare fastify hello-world ${Math.round(b.requests.average)} req/s`);
    const { result: f, cpuUs: fCpu } = await measured(same, same.url);
    console.error(`round ${round}: bare fastify, the API's response ${Math.round(f.requests.average)} req/s`);
    const { result: l, cpuUs: lCpu } = await measured(lifecycle, lifecycleUrl);
    console.error(
      `round ${round}: bare fastify, the API's response through the API's lifecycle ${Math.round(l.requests.average)} req/s`,
    );
    lifecycleRuns.push(l);
    lifecycleCpu.push(lCpu);
    const { result: r, cpuUs: rCpu } = await measured(api, hot, auth);
    console.error(
      `round ${round}: gpt-api /gpt/raw?symbol=BTC ${Math.round(r.requests.average)} req/s, p99 ${r.latency.p99} ms, non-2xx ${r.non2xx}`,
    );
    console.error(
      `round ${round}: CPU per request: API ${rCpu.toFixed(1)} µs, same bytes ${fCpu.toFixed(1)} µs, through the lifecycle ${lCpu.toFixed(1)} µs`,
    );
    sameCpu.push(fCpu);
    apiCpu.push(rCpu);
    const o = await run(hot, oauth);
    console.error(
      `round ${round}: gpt-api /gpt/raw?symbol=BTC with an OAuth token ${Math.round(o.requests.average)} req/s, p99 ${o.latency.p99} ms, non-2xx ${o.non2xx}`,
    );
    bareRuns.push(b);
    sameRuns.push(f);
    apiRuns.push(r);
    oauthRuns.push(o);
  }
  const mean = (runs: Result[]) => runs.reduce((sum, r) => sum + r.requests.average, 0) / runs.length;
  const avg = (xs: number[]) => xs.reduce((sum, x) => sum + x, 0) / xs.length;
  const rpsBare = mean(bareRuns);
  const rpsSame = mean(sameRuns);
  const rpsApi = mean(apiRuns);
  const p99 = Math.max(...apiRuns.map((r) => r.latency.p99));
  const non2xx = [...apiRuns, ...oauthRuns].reduce((sum, r) => sum + r.non2xx, 0);
  if (non2xx > 0) console.error(`warning: ${non2xx} non-2xx answers during the API runs`);
  const rss = api.rss();

  console.error("20 symbols, 25 concurrent requests each…");
  sim.control.resetCounters();
  let clientCalls = 0;
  await Promise.all(
    SYMBOLS.map(async (s) => {
      await Promise.all(
        Array.from({ length: 25 }, async () => {
          clientCalls++;
          await (await fetch(`${api.url}/gpt/raw?symbol=${s}`, { headers: auth })).text();
        }),
      );
    }),
  );
  const upstream = sim.control.counters();
  console.error(
    `  ${upstream.total} upstream calls for ${clientCalls} client calls: ${JSON.stringify(upstream.byEndpoint)}`,
  );

  const metrics = {
    rps_api: Math.round(rpsApi),
    rps_bare_fastify: Math.round(rpsBare),
    throughput_ratio: Number((rpsApi / rpsBare).toFixed(3)),
    // Context, not a goal: the same ratio for bare Fastify sending the API's response.
    rps_bare_same_response: Math.round(rpsSame),
    same_response_ratio: Number((rpsSame / rpsBare).toFixed(3)),
    // The goal (issue 14): the API against bare Fastify sending the same bytes, per round and mean.
    same_response_ratio_api: Number((rpsApi / rpsSame).toFixed(3)),
    same_response_ratio_api_rounds: apiRuns.map((r, i) =>
      Number((r.requests.average / (sameRuns[i]?.requests.average ?? 1)).toFixed(3)),
    ),
    // CPU time per request of each server (µs), which the machine's load barely moves, and its
    // ratio (bare ÷ API, read like same_response_ratio_api): the figure to trust on a busy machine.
    cpu_us_per_req_api: Number(avg(apiCpu).toFixed(1)),
    cpu_us_per_req_bare_same_response: Number(avg(sameCpu).toFixed(1)),
    cpu_ratio_api: Number((avg(sameCpu) / avg(apiCpu)).toFixed(3)),
    cpu_ratio_api_rounds: apiCpu.map((c, i) => Number(((sameCpu[i] ?? 0) / c).toFixed(3))),
    // Context for the goal: the same bytes through the API's Fastify lifecycle with no work in it
    // (its hooks, CORS, zod query validation, an async handler), against the bare same bytes. The
    // API cannot do better than this share; what is left below it is the API's own work.
    rps_bare_lifecycle: Math.round(mean(lifecycleRuns)),
    lifecycle_ratio: Number((mean(lifecycleRuns) / rpsSame).toFixed(3)),
    cpu_us_per_req_bare_lifecycle: Number(avg(lifecycleCpu).toFixed(1)),
    cpu_ratio_lifecycle: Number((avg(sameCpu) / avg(lifecycleCpu)).toFixed(3)),
    rps_api_oauth: Math.round(mean(oauthRuns)),
    oauth_over_key: Number((mean(oauthRuns) / rpsApi).toFixed(3)),
    p99_ms_api: p99,
    rss_mb_api: Number(rss.peakMb.toFixed(1)),
    upstream_calls: upstream.total,
    client_calls: clientCalls,
  };
  console.log(JSON.stringify({ suite: "api", metrics }));
} finally {
  await same?.stop();
  await lifecycle?.stop();
  await api.stop();
  await bare.stop();
  await sim.close();
  probe.disconnect();
}
