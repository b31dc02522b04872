import { createSimulator, type Simulator } from "@teleglas/coinglass-sim";
import { createFakeTelegram, type FakeTelegram, type SentMessage } from "@teleglas/fake-telegram";
import {
  createMarketDataCore,
  createStores,
  type MarketDataCore,
  type Stores,
} from "@teleglas/market-data-core";
import { waitFor } from "@teleglas/market-data-core/testing";
import { Queue } from "bullmq";
import type { Redis } from "ioredis";
import pino from "pino";
import { loadConfig } from "../src/config.js";
import type { WorkerStatus } from "../src/context.js";
import { BOT_GROUP } from "../src/delivery/dispatcher.js";
import { startTelegramBot } from "../src/service.js";
import { cleanup, connectRedis, REDIS_URL, uniquePrefix } from "./helpers.js";

export const ADMIN_ID = 1999;
export const REFUSED_ID = 666;
/** Users 1001..1060 are allowed; each test speaks as its own user so flood limits never mix. */
export const ALLOWED = Array.from({ length: 60 }, (_, i) => 1001 + i);

export interface Harness {
  sim: Simulator;
  tg: FakeTelegram;
  core: MarketDataCore;
  stores: Stores;
  redis: Redis;
  prefix: string;
  /** Where the fake Bot API listens and what the bot was configured with (child processes). */
  env: Record<string, string>;
  /** A user types `text`; resolves with the bot's new messages in that chat (at least `min`). */
  ask(userId: number, text: string, o?: { min?: number; chatId?: number }): Promise<SentMessage[]>;
  /** A user presses a button under a bot message; resolves with new messages or edits. */
  press(userId: number, messageId: number, data: string): Promise<void>;
  /** The running bot's /metrics URL (BOT_METRICS_PORT set), else null. */
  metricsUrl(): string | null;
  /**
   * Resolves once the bot has taken every published alert off the queue and its delivery queue
   * holds no job: any message those alerts would make has been sent by then.
   */
  settled(): Promise<void>;
  restartBot(): Promise<void>;
  stopBot(): Promise<void>;
  close(): Promise<void>;
}

export interface HarnessOptions {
  plan?: "hobbyist" | "startup" | "standard" | "professional";
  env?: Record<string, string>;
  workerStatus?: () => Promise<WorkerStatus | null>;
  delivery?: { lockDurationMs?: number; stalledIntervalMs?: number };
  /** Messages per second the fake allows in one private chat (default 1, Telegram's figure). */
  perChatPerSecond?: number;
  /** Shrink the core's cache TTLs (default 1). */
  ttlScale?: number;
  /** Start the bot right away (default true). */
  startBot?: boolean;
}

/** Simulator + core + Redis stores + fake Bot API + the bot on long polling, all on real sockets. */
export async function startHarness(o: HarnessOptions = {}): Promise<Harness> {
  const redis = await connectRedis();
  const prefix = uniquePrefix("e2e");
  const plan = o.plan ?? "standard";
  const sim = await createSimulator({ plan, background: false });
  const tg = await createFakeTelegram({ globalPerSecond: 30, perChatPerSecond: o.perChatPerSecond ?? 1 });
  const env: Record<string, string> = {
    TELEGRAM_BOT_TOKEN: "123456:test-token",
    TELEGRAM_API_ROOT: tg.apiRoot,
    TELEGRAM_ALLOWED_USERS: ALLOWED.join(","),
    TELEGRAM_ADMIN_IDS: String(ADMIN_ID),
    REDIS_URL,
    COINGLASS_PLAN: plan,
    WORKER_HEALTH_URL: "http://127.0.0.1:9/health",
    ...o.env,
  };
  const config = loadConfig(env);
  // As main.ts wires it: the answer deadline comes from the bot's config.
  const core = createMarketDataCore({
    apiKey: "test-key",
    baseUrl: sim.restUrl,
    plan,
    redis,
    keyPrefix: prefix,
    deadlineMs: config.deadlineMs,
    ...(o.ttlScale ? { ttlScale: o.ttlScale } : {}),
  });
  const stores = createStores({ redis, prefix });
  const start = () =>
    startTelegramBot({
      config,
      logger: pino({ level: process.env["TEST_LOG"] ?? "silent" }),
      core,
      stores,
      redis,
      prefix,
      ...(o.workerStatus ? { workerStatus: o.workerStatus } : {}),
      delivery: { backoffMs: 200, ...o.delivery },
    });
  let bot: Awaited<ReturnType<typeof startTelegramBot>> | null = o.startBot === false ? null : await start();

  const h: Harness = {
    sim,
    tg,
    core,
    stores,
    redis,
    prefix,
    env,
    async ask(userId, text, a = {}) {
      const chatId = a.chatId ?? userId;
      const before = tg.messages(chatId).length;
      tg.injectMessage({ userId, text, chatId, firstName: `Ana${userId}` });
      const min = a.min ?? 1;
      await tg.waitUntil(() => tg.messages(chatId).length >= before + min, {
        timeoutMs: 15_000,
        what: `the reply to "${text}"`,
      });
      return tg.messages(chatId).slice(before);
    },
    async press(userId, messageId, data) {
      const answered = tg.callbackAnswers().length;
      tg.injectCallbackQuery({ userId, messageId, data });
      await tg.waitUntil(() => tg.callbackAnswers().length > answered, { what: `the answer to ${data}` });
    },
    metricsUrl: () => bot?.metricsUrl ?? null,
    async settled() {
      const connection = redis.duplicate();
      const queue = new Queue("alert-delivery", { connection, prefix: `${prefix}bull` });
      try {
        await waitFor(async () => {
          if ((await stores.alerts.depth(BOT_GROUP)) > 0) return false;
          const counts = await queue.getJobCounts("waiting", "delayed", "active", "prioritized");
          return Object.values(counts).every((n) => n === 0);
        }, "the bot to deliver every published alert");
      } finally {
        await queue.close();
        connection.disconnect();
      }
    },
    async restartBot() {
      await bot?.stop();
      bot = await start();
    },
    async stopBot() {
      await bot?.stop();
      bot = null;
    },
    async close() {
      await bot?.stop();
      await stores.close();
      await core.close();
      await tg.close();
      await sim.close();
      await cleanup(redis, prefix);
      redis.disconnect();
    },
  };
  return h;
}
