// The market-data core under load, against the simulator over real HTTP.
// 1) 10,000 getRaw calls from 200 concurrent callers over 5 coins, all inside one cache TTL:
//    upstream calls should not exceed the distinct (endpoint, params) pairs involved.
// 2) One cold getRaw with every simulator answer delayed 100 ms: nothing may be sequential, so it
//    should take about as long as the slowest single upstream call (goal: within 1.5x). The same
//    for the issue-17 families: a cold getEtf and getOptions (goal: within 1.5x each).
// 3) Warm calls of the new services (ETF, options, funding arbitrage, indicators, exchange
//    balances, whale transfers, calendar, liquidation map) inside their TTLs make no upstream
//    request (goal: 0).
import { createSimulator } from "@teleglas/coinglass-sim";
import { type CoreEvent, createMarketDataCore, type MarketDataCore } from "@teleglas/market-data-core";

const COINS = ["BTC", "eth", "SOLUSDT", "xrp/usdt", "DOGE"];
const CALLS = 10_000;
const CALLERS = 200;

async function throughput() {
  const sim = await createSimulator({ background: false, rateLimit: false });
  const core = createMarketDataCore({ apiKey: "bench", baseUrl: sim.restUrl, plan: "professional" });
  await core.market.listSymbols();
  sim.control.resetCounters();
  let next = 0;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: CALLERS }, async () => {
      while (next < CALLS) {
        const i = next++;
        await core.market.getRaw(COINS[i % COINS.length] as string);
      }
    }),
  );
  const ms = performance.now() - start;
  const upstream = sim.control.counters().total;
  // Every distinct (endpoint, params) the calls touched is one cache entry (plus the two lists).
  const distinct = core.stats().cache.entries;
  console.error(`${CALLS} getRaw in ${ms.toFixed(0)} ms; upstream ${upstream}; distinct pairs ${distinct}`);
  await core.close();
  await sim.close();
  return { ms, upstream, distinct };
}

async function cold(label: string, run: (core: MarketDataCore) => Promise<{ meta: { missing: string[] } }>) {
  const sim = await createSimulator({ background: false, rateLimit: false });
  const upstreamMs: number[] = [];
  let measuring = false;
  const onEvent = (e: CoreEvent) => {
    if (measuring && e.type === "upstream") upstreamMs.push(e.ms);
  };
  const core = createMarketDataCore({ apiKey: "bench", baseUrl: sim.restUrl, plan: "professional", onEvent });
  await core.market.listSymbols(); // the symbol lists are warmed at start in production too
  sim.control.setFaults({ latencyMs: 100 });
  measuring = true;
  const start = performance.now();
  const r = await run(core);
  const coldMs = performance.now() - start;
  measuring = false;
  const slowest = Math.max(...upstreamMs);
  console.error(
    `cold ${label} ${coldMs.toFixed(0)} ms over ${upstreamMs.length} upstream calls (slowest ${slowest.toFixed(0)} ms); missing ${JSON.stringify(r.meta.missing)}`,
  );
  await core.close();
  await sim.close();
  return { coldMs, slowest, calls: upstreamMs.length };
}

/** Each new service once cold, then again: the second round must not reach the simulator. */
async function warmNewServices() {
  const sim = await createSimulator({ background: false, rateLimit: false });
  const core = createMarketDataCore({ apiKey: "bench", baseUrl: sim.restUrl, plan: "professional" });
  await core.market.listSymbols();
  const round = () =>
    Promise.all([
      ...(["BTC", "ETH", "SOL", "XRP"] as const).map((a) => core.market.getEtf(a, { days: 30 })),
      core.market.getOptions("BTC"),
      core.market.getOptions("ETH", { exchange: "OKX" }),
      core.market.getFundingArbitrage({ limit: 10 }),
      core.market.getIndicators("BTC"),
      core.market.getIndicators("ETH"),
      core.market.getOnchain("BTC"),
      core.market.getWhaleTransfers({ limit: 50 }),
      core.market.getCalendar({ days: 7 }),
      core.market.getLiquidationMap("BTC"),
    ]);
  await round();
  sim.control.resetCounters();
  await round();
  const upstream = sim.control.counters().total;
  console.error(`warm round of the new services: ${upstream} upstream calls`);
  await core.close();
  await sim.close();
  return upstream;
}

const t = await throughput();
const c = await cold("getRaw", (core) => core.market.getRaw("BTC"));
const etf = await cold("getEtf", (core) => core.market.getEtf("BTC", { days: 30 }));
const options = await cold("getOptions", (core) => core.market.getOptions("BTC"));
const warmNew = await warmNewServices();
console.log(
  JSON.stringify({
    suite: "core",
    metrics: {
      client_calls: CALLS,
      upstream_calls: t.upstream,
      distinct_pairs: t.distinct,
      raw_calls_per_s: Math.round(CALLS / (t.ms / 1000)),
      phase_ms: Math.round(t.ms),
      cold_raw_ms: Math.round(c.coldMs),
      cold_upstream_calls: c.calls,
      slowest_upstream_ms: Math.round(c.slowest),
      cold_over_slowest: Number((c.coldMs / c.slowest).toFixed(2)),
      cold_etf_ms: Math.round(etf.coldMs),
      cold_etf_over_slowest: Number((etf.coldMs / etf.slowest).toFixed(2)),
      cold_options_ms: Math.round(options.coldMs),
      cold_options_over_slowest: Number((options.coldMs / options.slowest).toFixed(2)),
      warm_new_upstream_calls: warmNew,
    },
  }),
);
