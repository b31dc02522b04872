import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createFakeTelegram, type FakeTelegram } from "@teleglas/fake-telegram";
import { type AlertKind, createStores, type Stores } from "@teleglas/market-data-core";
import { waitFor } from "@teleglas/market-data-core/testing";
import { Redis } from "ioredis";
import { repoRoot } from "../../test/helpers/paths.js";
import { appMain, freePort, type Managed, managed, stopAll } from "./processes.js";

/** Distinctive secrets, so a leak into any log line is found by a plain search. */
export const SECRETS = {
  coinglassKey: "cgkey-fault-0123456789abcdef0123456789abcdef",
  botToken: "7000000001:AAfault-token-Zx9Qw8Er7Ty6Ui5Op4As3Df2Gh1",
  apiKey: "gptkey-fault-fedcba9876543210fedcba9876543210",
  webhookSecret: "whsecret-fault-00112233445566778899aabbccddeeff",
} as const;

export interface FaultStack {
  logDir: string;
  redisUrl: string;
  redis: Managed;
  sim: Managed & { restUrl: string; control(op: string, body?: unknown): Promise<unknown> };
  fake: FakeTelegram;
  api: Managed & { url: string; get(path: string): Promise<{ status: number; body: ApiBody }> };
  worker: Managed & { url: string };
  bot: Managed & { metricsUrl: string };
  /** The test's own view of the shared state (subscriptions, alert log), over the same Redis. */
  stores: Stores;
  client: Redis;
  /** Starts a second worker, which stands by while the first holds the lease. */
  startStandbyWorker(): Promise<Managed & { url: string }>;
  /** Starts a bot in webhook mode (stop `bot` first: Telegram has one webhook or polling). */
  startWebhookBot(): Promise<Managed & { url: string }>;
  /** Every crash of any process so far. */
  crashes(): string[];
  stop(): Promise<void>;
}

export interface ApiBody {
  success: boolean;
  data?: unknown;
  meta?: { stale: boolean; stale_reason: string | null; cached: boolean; age_ms: number; as_of: string };
  error?: { code: string };
}

/**
 * The deployment shape of the fault suite: a dedicated redis-server (append-only file, its own
 * port and directory), the simulator from its CLI, the fake Telegram Bot API, and the three apps
 * as separate processes on their built JavaScript, all wired through the environment only.
 */
export async function startFaultStack(): Promise<FaultStack> {
  const logDir = mkdtempSync(join(tmpdir(), "teleglas-faults-"));
  const [redisPort, simPort, apiPort, workerPort, botMetricsPort] = await Promise.all([
    freePort(),
    freePort(),
    freePort(),
    freePort(),
    freePort(),
  ]);
  const redisUrl = `redis://127.0.0.1:${redisPort}`;
  const started: Managed[] = [];

  // Redis: append-only with fsync on every write, so a restart loses nothing the apps were told was written.
  const redis = managed({
    name: "redis",
    command: "redis-server",
    args: [
      "--port",
      String(redisPort),
      "--bind",
      "127.0.0.1",
      "--save",
      "",
      "--appendonly",
      "yes",
      "--appendfsync",
      "always",
      "--dir",
      logDir,
    ],
    logDir,
    ready: (out) =>
      waitFor(() => /Ready to accept connections/.test(out()), "redis to accept connections", 15_000),
  });
  await redis.start();
  started.push(redis);

  const simBase = managed({
    name: "coinglass-sim",
    command: process.execPath,
    args: [
      join(repoRoot, "packages", "coinglass-sim", "dist", "cli.js"),
      "--port",
      String(simPort),
      "--plan",
      "professional",
      "--keys",
      SECRETS.coinglassKey,
      "--no-background",
    ],
    logDir,
    ready: (out) => waitFor(() => /rest=\S+ ws=\S+/.test(out()), "the simulator's URL line", 15_000),
  });
  await simBase.start();
  started.push(simBase);
  const restUrl = `http://127.0.0.1:${simPort}`;
  const sim = Object.assign(simBase, {
    restUrl,
    async control(op: string, body: unknown = {}) {
      const res = await fetch(`${restUrl}/__sim/${op}`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
      });
      if (!res.ok) throw new Error(`simulator control ${op} answered ${res.status}: ${await res.text()}`);
      return res.json();
    },
  });

  const fake = await createFakeTelegram({ token: SECRETS.botToken });

  const common = {
    COINGLASS_API_KEY: SECRETS.coinglassKey,
    COINGLASS_BASE_URL: restUrl,
    COINGLASS_WS_URL: `ws://127.0.0.1:${simPort}/ws-api`,
    COINGLASS_PLAN: "professional",
    REDIS_URL: redisUrl,
    LOG_LEVEL: "debug",
  };

  const apiBase = managed({
    name: "gpt-api",
    command: process.execPath,
    args: [appMain("gpt-api")],
    env: {
      ...common,
      PORT: String(apiPort),
      HOST: "127.0.0.1",
      GPT_API_KEYS: SECRETS.apiKey,
      GPT_API_RATE_LIMIT: "100000",
    },
    logDir,
    ready: () =>
      waitFor(async () => (await fetch(`http://127.0.0.1:${apiPort}/health`)).ok, "gpt-api /health", 30_000),
  });
  const apiUrl = `http://127.0.0.1:${apiPort}`;
  const api = Object.assign(apiBase, {
    url: apiUrl,
    async get(path: string) {
      const res = await fetch(`${apiUrl}${path}`, { headers: { authorization: `Bearer ${SECRETS.apiKey}` } });
      return { status: res.status, body: (await res.json()) as ApiBody };
    },
  });

  const workerAt = (name: string, port: number, ready: (url: string) => Promise<unknown>) => {
    const url = `http://127.0.0.1:${port}`;
    return Object.assign(
      managed({
        name,
        command: process.execPath,
        args: [appMain("alert-worker")],
        env: { ...common, WORKER_PORT: String(port) },
        logDir,
        ready: () => ready(url),
      }),
      { url },
    );
  };
  const worker = workerAt("alert-worker", workerPort, (url) =>
    waitFor(() => workerConnected(url), "alert-worker streaming", 30_000),
  );

  const botEnv = {
    ...common,
    TELEGRAM_BOT_TOKEN: SECRETS.botToken,
    TELEGRAM_API_ROOT: fake.apiRoot,
    BOT_GLOBAL_RATE: "25",
    BOT_METRICS_PORT: String(botMetricsPort),
  };
  const botBase = managed({
    name: "telegram-bot",
    command: process.execPath,
    args: [appMain("telegram-bot")],
    env: botEnv,
    logDir,
    ready: async () => {
      const before = fake.stats().byMethod.getUpdates ?? 0;
      await waitFor(
        () => (fake.stats().byMethod.getUpdates ?? 0) > before,
        "the bot to poll for updates",
        30_000,
      );
    },
  });

  const bot = Object.assign(botBase, { metricsUrl: `http://127.0.0.1:${botMetricsPort}/metrics` });

  try {
    for (const m of [api, worker, bot]) {
      await m.start();
      started.push(m);
    }
  } catch (error) {
    await stopAll(started);
    await fake.close();
    throw error;
  }

  const extra: Managed[] = [];
  const client = new Redis(redisUrl, { maxRetriesPerRequest: null });
  // Redis is restarted on purpose; the client reconnects on its own, the errors meanwhile are expected.
  client.on("error", () => undefined);
  const stores = createStores({ redis: client });
  return {
    logDir,
    redisUrl,
    redis,
    sim,
    fake,
    api,
    worker,
    bot,
    stores,
    client,
    async startStandbyWorker() {
      const standby = workerAt("alert-worker-standby", await freePort(), (url) =>
        waitFor(() => workerRole(url, "standby"), "the second worker to stand by", 30_000),
      );
      await standby.start();
      extra.push(standby);
      return standby;
    },
    async startWebhookBot() {
      const port = await freePort();
      const url = `http://127.0.0.1:${port}/telegram/webhook`;
      const hook = managed({
        name: "telegram-bot-webhook",
        command: process.execPath,
        args: [appMain("telegram-bot")],
        env: {
          ...botEnv,
          // Its own /metrics port (the first bot holds botMetricsPort).
          BOT_METRICS_PORT: "0",
          TELEGRAM_WEBHOOK_URL: url,
          TELEGRAM_WEBHOOK_SECRET: SECRETS.webhookSecret,
          TELEGRAM_WEBHOOK_PORT: String(port),
        },
        logDir,
        ready: () => waitFor(() => fake.webhook()?.url === url, "the webhook to be registered", 30_000),
      });
      await hook.start();
      extra.push(hook);
      return Object.assign(hook, { url });
    },
    crashes: () => [redis, sim, api, worker, bot, ...extra].flatMap((m) => m.crashes()),
    async stop() {
      await stores.close();
      client.disconnect();
      await stopAll([redis, sim, api, worker, bot, ...extra]);
      await fake.close();
    },
  };
}

/** True once the worker's /health says its stream is connected. */
export async function workerConnected(url: string): Promise<boolean> {
  const text = await (await fetch(`${url}/health`)).text();
  return /"connected":\s*true/.test(text);
}

/** True once the worker's /health names this role ("leader" or "standby"). */
export async function workerRole(url: string, role: "leader" | "standby"): Promise<boolean> {
  const h = (await (await fetch(`${url}/health`)).json()) as { role?: string };
  return h.role === role;
}

/** Subscribes chats to storms of the given coins only, straight in the shared store. */
export async function subscribeChats(
  stores: Stores,
  chatIds: number[],
  symbols: string[],
  kinds: AlertKind[] = ["liquidation_storm"],
): Promise<void> {
  await Promise.all(
    chatIds.map((chatId) => stores.subscriptions.upsert(chatId, { symbols, kinds, minUsd: 0, active: true })),
  );
}

/** Injects a liquidation storm well above every tier's threshold. */
export function injectStorm(stack: FaultStack, symbol: string): Promise<unknown> {
  return stack.sim.control("storm", { symbol, side: "long", totalUsd: 8_000_000, count: 24, overSeconds: 2 });
}

/** Messages of one chat that are about a coin (the alert text names the coin). */
export function messagesAbout(fake: FakeTelegram, chatId: number, symbol: string): number {
  const re = new RegExp(`\\b${symbol}\\b`);
  return fake.messages(chatId).filter((m) => re.test(m.text ?? "")).length;
}
