import { type AlertWorker, startAlertWorker } from "@teleglas/alert-worker/service";
import { createSimulator, type Simulator } from "@teleglas/coinglass-sim";
import { createFakeTelegram, type FakeTelegram } from "@teleglas/fake-telegram";
import { apiConfig, startGptApi } from "@teleglas/gpt-api/service";
import {
  type Alert,
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

const CHATS = [301, 302, 303];
const API_KEY = "e2e-storm-key-0123456789";
const silent = pino({ level: "silent" });

let sim: Simulator;
let redis: Redis;
let prefix: string;
let core: MarketDataCore;
let stores: Stores;
let tg: FakeTelegram;
let worker: AlertWorker;
let api: { url: string; stop(): Promise<void> };

const startBot = () =>
  startTelegramBot({
    config: loadConfig({
      TELEGRAM_BOT_TOKEN: "42:storm-e2e",
      TELEGRAM_API_ROOT: tg.apiRoot,
      REDIS_URL,
      WORKER_HEALTH_URL: `${worker.url}/health`,
    }),
    logger: silent,
    core,
    stores,
    redis,
    prefix,
  });

beforeAll(async () => {
  sim = await createSimulator({ background: false, rateLimit: false });
  redis = await connectTestRedis({ reconnect: true });
  prefix = uniquePrefix("storm-e2e");
  core = createMarketDataCore({
    apiKey: "k",
    baseUrl: sim.restUrl,
    plan: "standard",
    redis,
    keyPrefix: prefix,
  });
  stores = createStores({ redis, prefix });
  tg = await createFakeTelegram();
  worker = await startAlertWorker({
    config: {
      port: 0,
      host: "127.0.0.1",
      rulesFile: undefined,
      watchlist: [],
      tradeMinUsd: 10_000,
      leaseTtlMs: 2_000,
      keyPrefix: prefix,
    },
    logger: silent,
    core,
    stores,
    wsUrl: sim.wsUrl,
    apiKey: "k",
  });
  api = await startGptApi({
    config: apiConfig({ port: 0, apiKeys: [API_KEY] }),
    logger: silent,
    core,
    stores,
    keyPrefix: prefix,
  });
  for (const chatId of CHATS)
    await stores.subscriptions.upsert(chatId, defaultSubscription(chatId, Date.now()));
}, 60_000);

afterAll(async () => {
  await api?.stop();
  await worker?.stop();
  await stores?.close();
  await core?.close();
  await tg?.close();
  await sim?.close();
  if (redis) {
    await dropPrefix(redis, prefix);
    redis.disconnect();
  }
}, 30_000);

describe("a liquidation storm end to end (simulator, worker, Redis, bot, fake Telegram, API)", () => {
  it("is one message per chat, edited as it grows, ending on the storm's whole totals — across a bot restart", async () => {
    await waitFor(
      async () =>
        ((await (await fetch(`${worker.url}/health`)).json()) as { connected: boolean }).connected ||
        undefined,
      "the worker's stream",
      15_000,
    );
    let bot = await startBot();
    const sse = followAlerts(`${api.url}/gpt/alerts/stream?symbol=ETH&kind=liquidation_storm`);
    await sse.connected;
    const res = await fetch(`${sim.restUrl}/__sim/storm`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ symbol: "ETH", side: "short", totalUsd: 9_000_000, count: 30 }),
    });
    expect(res.status).toBe(200);
    const storm = (chatId: number) =>
      tg.messages(chatId).filter((m) => m.text.includes("Liquidation storm — ETH"));
    // Fires as soon as it crosses $2M, long before the 10 s storm is over.
    await tg.waitUntil(() => CHATS.every((c) => storm(c).length === 1), {
      what: "the first storm messages",
      timeoutMs: 20_000,
    });
    const first = storm(CHATS[0]!)[0]!;
    expect(first.text).toContain("Still going");
    // The bot restarts mid-storm: the one that takes over edits the same messages.
    await bot.stop();
    bot = await startBot();
    const ended = await waitFor(
      async () => {
        const [a] = await stores.alerts.recent({ kind: "liquidation_storm", symbol: "ETH", limit: 1 });
        return a?.status === "ended" ? a : undefined;
      },
      "the storm to end",
      90_000,
    );
    expect(ended.count).toBe(30);
    expect(Math.abs(ended.usd - 9_000_000) / 9_000_000).toBeLessThan(0.01);
    // /gpt/alerts: the same alert id with its final totals and when it was last updated.
    const body = (await (
      await fetch(`${api.url}/gpt/alerts?symbol=ETH&kind=liquidation_storm`, {
        headers: { authorization: `Bearer ${API_KEY}` },
      })
    ).json()) as { data: { alerts: Alert[] } };
    expect(body.data.alerts).toHaveLength(1);
    expect(body.data.alerts[0]).toMatchObject({ id: ended.id, count: 30, status: "ended" });
    expect(body.data.alerts[0]?.usd).toBeCloseTo(ended.usd, 2);
    expect(body.data.alerts[0]?.updated_at).toBeGreaterThan(ended.first_at);
    // /gpt/alerts/stream: every state under the same SSE id, the last one the ended storm.
    await waitFor(
      () => (sse.events.at(-1)?.status === "ended" ? true : undefined),
      "the ended state on the stream",
      10_000,
    );
    sse.close();
    expect(new Set(sse.events.map((e) => e.id))).toEqual(new Set([ended.id]));
    expect(sse.ids).toEqual(sse.events.map(() => ended.id));
    expect(sse.events.map((e) => e.revision)).toEqual(sse.events.map((_, i) => i));
    expect(sse.events.at(-1)).toMatchObject({ count: 30, updated_at: ended.updated_at });
    // Every chat: still one message, now showing the ended storm with its whole totals.
    await tg.waitUntil(() => CHATS.every((c) => storm(c)[0]?.text.includes("✅ Ended")), {
      what: "every message edited to the ended storm",
      timeoutMs: 20_000,
    });
    await new Promise((r) => setTimeout(r, 3_000)); // a second message would show by now
    await bot.stop();
    for (const chatId of CHATS) {
      const messages = storm(chatId);
      expect(messages, `chat ${chatId}`).toHaveLength(1);
      expect(messages[0]?.text).toMatch(/<b>\$(8\.9\d|9(\.0\d)?)M<\/b> in 30 orders/);
      expect(messages[0]?.edits.length).toBeGreaterThanOrEqual(1);
      const at = messages[0]?.editedAt ?? [];
      for (let i = 1; i < at.length; i++) expect(at[i]! - at[i - 1]!).toBeGreaterThanOrEqual(4_900);
    }
  }, 150_000);
});

/** Reads `/gpt/alerts/stream` as a client would: each `event: alert` with its SSE id and data. */
function followAlerts(url: string) {
  const abort = new AbortController();
  const events: Alert[] = [];
  const ids: string[] = [];
  const connected = fetch(url, {
    headers: { authorization: `Bearer ${API_KEY}` },
    signal: abort.signal,
  }).then((res) => {
    const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = "";
    void (async () => {
      for (;;) {
        const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }));
        if (done) return;
        buffer += value;
        for (let end = buffer.indexOf("\n\n"); end >= 0; end = buffer.indexOf("\n\n")) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const id = /^id: (.*)$/m.exec(block)?.[1];
          const data = /^data: (.*)$/m.exec(block)?.[1];
          if (id && data) {
            ids.push(id);
            events.push(JSON.parse(data) as Alert);
          }
        }
      }
    })();
  });
  return { connected, events, ids, close: () => abort.abort() };
}
