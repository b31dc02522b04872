import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import { type AlertWorker, startAlertWorker } from "@teleglas/alert-worker/service";
import { createSimulator, type Simulator } from "@teleglas/coinglass-sim";
import { createFakeTelegram, type FakeTelegram } from "@teleglas/fake-telegram";
import {
  type AlertKind,
  type CoinGlassPlan,
  type CoreEvent,
  createMarketDataCore,
  createStores,
  defaultSubscription,
  type MarketDataCore,
  type Stores,
} from "@teleglas/market-data-core";
import { connectTestRedis, waitFor } from "@teleglas/market-data-core/testing";
import { loadConfig, startTelegramBot } from "@teleglas/telegram-bot/service";
import type { Redis } from "ioredis";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dropPrefix, REDIS_URL, uniquePrefix } from "./helpers/redis.js";

// Chats: one follows ETF flows, one whale transfers of LINK (a coin the simulator's own seeded
// whale moves never use), one only liquidation storms (it must receive neither).
const ETF_CHAT = 501;
const WHALE_CHAT = 502;
const OTHER_CHAT = 503;
const silent = pino({ level: "silent" });

let sim: Simulator;
let redis: Redis;
let prefix: string;
let stores: Stores;
let tg: FakeTelegram;
let dir: string;
let rulesFile: string;
let botCore: MarketDataCore;
let bot: { stop(): Promise<void> };
const running: Array<{ worker: AlertWorker; core: MarketDataCore }> = [];

/** A worker with its own core (as its own process would have) on `plan`; upstream events counted. */
async function startWorker(plan: CoinGlassPlan, logger = silent, keyPrefix = prefix) {
  const events: CoreEvent[] = [];
  const core = createMarketDataCore({
    apiKey: "k",
    baseUrl: sim.restUrl,
    plan,
    redis,
    keyPrefix,
    // Daily ETF figures are cached for an hour; here for about 2 s, so a new day shows soon.
    ttlScale: 0.0005,
    onEvent: (e) => events.push(e),
  });
  const worker = await startAlertWorker({
    config: {
      port: 0,
      host: "127.0.0.1",
      rulesFile,
      watchlist: [],
      tradeMinUsd: 10_000,
      leaseTtlMs: 1_500,
      keyPrefix,
    },
    logger,
    core,
    stores,
    wsUrl: sim.wsUrl,
    apiKey: "k",
    tuning: { leaseIntervalMs: 200 },
  });
  running.push({ worker, core });
  const calls = (path: string) =>
    events.filter((e) => e.type === "upstream" && e.endpoint.includes(path)).length;
  return { worker, calls, stop: () => worker.stop() };
}

async function outcome(workerUrl: string, kind: AlertKind, what: string): Promise<number> {
  const text = await (await fetch(`${workerUrl}/metrics`)).text();
  const line = text
    .split("\n")
    .find((l) => l.startsWith(`teleglas_worker_alerts_total{kind="${kind}",outcome="${what}"}`));
  return Number(line?.split(" ").at(-1) ?? 0);
}

const post = (op: string, body: unknown) =>
  fetch(`${sim.restUrl}/__sim/${op}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  }).then((r) => {
    expect(r.status).toBe(200);
  });

beforeAll(async () => {
  sim = await createSimulator({ background: false, rateLimit: false });
  redis = await connectTestRedis({ reconnect: true });
  prefix = uniquePrefix("flow-alerts");
  stores = createStores({ redis, prefix });
  tg = await createFakeTelegram();
  dir = await mkdtemp(join(tmpdir(), "teleglas-flows-"));
  rulesFile = join(dir, "rules.json");
  await writeFile(
    rulesFile,
    JSON.stringify({
      etf_flow: { assets: ["BTC"], poll_interval_s: 0.3 },
      whale_transfer: { min_usd: 20_000_000, poll_interval_s: 0.3 },
    }),
  );
  const now = Date.now();
  const sub = (chatId: number, kinds: AlertKind[], symbols: string[] | "all" = "all") =>
    stores.subscriptions.upsert(chatId, { ...defaultSubscription(chatId, now), kinds, symbols });
  await sub(WHALE_CHAT, ["whale_transfer"], ["LINK"]);
  await sub(OTHER_CHAT, ["liquidation_storm", "whale_trade"]);
  botCore = createMarketDataCore({
    apiKey: "k",
    baseUrl: sim.restUrl,
    plan: "standard",
    redis,
    keyPrefix: prefix,
  });
  bot = await startTelegramBot({
    config: loadConfig({ TELEGRAM_BOT_TOKEN: "42:flows-e2e", TELEGRAM_API_ROOT: tg.apiRoot, REDIS_URL }),
    logger: silent,
    core: botCore,
    stores,
    redis,
    prefix,
  });
}, 60_000);

afterAll(async () => {
  for (const r of running) await r.worker.stop().catch(() => {});
  await Promise.allSettled(running.map((r) => r.core.close()));
  await bot?.stop();
  await botCore?.close();
  await stores?.close();
  await tg?.close();
  await sim?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
  if (redis) {
    await dropPrefix(redis, prefix);
    redis.disconnect();
  }
}, 30_000);

describe("ETF flow and whale transfer alerts end to end (simulator, worker, Redis, bot, fake Telegram)", () => {
  it("sends each ETF day and each large exchange transfer once, only to their subscribers, across a worker restart", async () => {
    // The ETF chat opts in as a person would: /subscribe, then the "ETF flows" button.
    tg.injectMessage({ userId: ETF_CHAT, text: "/subscribe" });
    const menu = await tg.waitForMessage((m) => m.chat_id === ETF_CHAT && m.text.includes("Subscribed"));
    expect(JSON.stringify(menu.reply_markup)).toContain("▫️ ETF flows");
    tg.injectCallbackQuery({ userId: ETF_CHAT, messageId: menu.message_id, data: "sub:k:etf_flow" });
    await waitFor(
      async () => (await stores.subscriptions.get(ETF_CHAT))?.kinds.includes("etf_flow"),
      "the opt-in",
    );
    const first = await startWorker("standard");
    const today = new Date().toISOString().slice(0, 10);
    const etfToday = () => tg.messages(ETF_CHAT).filter((m) => m.text.includes(`on ${today}`));
    const link = () => tg.messages(WHALE_CHAT).filter((m) => m.text.includes("Whale transfer — LINK"));

    await post("etf-flow", {
      asset: "BTC",
      flows: { IBIT: 412_500_000, FBTC: 96_100_000, GBTC: -37_800_000 },
    });
    // Below the $20M minimum (CoinGlass lists it: it is over $10M), then above it.
    await post("whale-transfer", { symbol: "LINK", usd: 15_000_000, to: "Binance" });
    await post("whale-transfer", { symbol: "LINK", usd: 31_250_000, to: "Binance" });
    await tg.waitUntil(() => etfToday().length === 1 && link().length === 1, {
      what: "the ETF day and the whale transfer messages",
      timeoutMs: 30_000,
    });
    const etf = etfToday()[0]!.text;
    expect(etf).toContain("Spot ETF flow — BTC");
    expect(etf).toContain(`Net inflow <b>$470.8M</b> on ${today}`);
    expect(etf).toContain("IBIT +$412.5M · FBTC +$96.1M · GBTC -$37.8M");
    const whale = link()[0]!.text;
    expect(whale).toContain("<b>$31.25M</b> onto Binance");
    expect(whale).toContain("unknown wallet → Binance");
    expect(whale).toContain("possible sell pressure");
    expect(whale).toMatch(/🕒 \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC/);
    expect(tg.messages(WHALE_CHAT).some((m) => m.text.includes("$15M"))).toBe(false);

    // A restart: the new leader polls the same day and the same transfers, and the store refuses both.
    await first.stop();
    const second = await startWorker("standard");
    const url = second.worker.url;
    await waitFor(
      async () =>
        (await outcome(url, "etf_flow", "cooling")) >= 1 &&
        (await outcome(url, "whale_transfer", "seen")) >= 1,
      "the restarted worker to poll both",
    );
    expect(await outcome(url, "etf_flow", "published")).toBe(0);
    expect(await outcome(url, "whale_transfer", "published")).toBe(0);
    // A second transfer still gets through: the restarted worker is not simply deaf.
    await post("whale-transfer", { symbol: "LINK", usd: 22_000_000, from: "Coinbase" });
    await tg.waitUntil(() => link().length === 2, { what: "the second transfer", timeoutMs: 30_000 });
    expect(link()[1]!.text).toContain("<b>$22M</b> off Coinbase");
    expect(etfToday()).toHaveLength(1);
    // Each ETF day at most once; the other chat got none of either kind.
    const days = tg
      .messages(ETF_CHAT)
      .filter((m) => m.text.includes("Spot ETF flow"))
      .map((m) => /on (\d{4}-\d\d-\d\d)/.exec(m.text)?.[1]);
    expect(days.length).toBeGreaterThanOrEqual(1);
    expect(new Set(days).size).toBe(days.length);
    expect(tg.messages(OTHER_CHAT)).toHaveLength(0);
    await second.stop();
  }, 120_000);

  it("on a plan without whale transfers: logs once, makes no such call, keeps polling ETF flows", async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _enc, done) {
        lines.push(String(chunk));
        done();
      },
    });
    // Its own prefix: a fresh quota window (30 calls a minute on this plan) and lease.
    const own = uniquePrefix("flow-alerts-hobbyist");
    const w = await startWorker("hobbyist", pino({ level: "info" }, sink), own);
    await waitFor(() => w.calls("/api/etf/bitcoin/flow-history") >= 3, "three ETF polls");
    const off = lines.filter((l) => l.includes("whale_transfer alerts are off"));
    expect(off).toHaveLength(1);
    expect(off[0]).toContain("startup");
    expect(w.calls("/api/chain/v2/whale-transfer")).toBe(0);
    const health = (await (await fetch(`${w.worker.url}/health`)).json()) as { role: string };
    expect(health.role).toBe("leader");
    await w.stop();
    await dropPrefix(redis, own);
  }, 60_000);
});
