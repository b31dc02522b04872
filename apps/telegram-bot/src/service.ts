import { createServer, type Server } from "node:http";
import { hostname } from "node:os";
import type { Readable, Writable } from "node:stream";
import { autoRetry } from "@grammyjs/auto-retry";
import { run } from "@grammyjs/runner";
import { DEFAULT_STORE_PREFIX, type MarketDataCore, type Stores } from "@teleglas/market-data-core";
import { createProcessMetrics, startMetricsServer } from "@teleglas/metrics";
import { Api, webhookCallback } from "grammy";
import type { Redis } from "ioredis";
import type { Logger } from "pino";
import type { Registry } from "prom-client";
import { createBot } from "./bot.js";
import { renderEtfChart } from "./chart/etf.js";
import { renderChart } from "./chart/render.js";
import type { BotConfig } from "./config.js";
import { CONSOLE_BOT_INFO, CONSOLE_USER, startConsoleChat } from "./console-chat.js";
import type { WorkerStatus } from "./context.js";
import { createBullDelivery } from "./delivery/bullmq.js";
import { BOT_GROUP, startDispatcher } from "./delivery/dispatcher.js";
import { createMemoryDelivery } from "./delivery/memory.js";
import type { Delivery, DeliveryEvent } from "./delivery/types.js";
import { COMMANDS } from "./features/start.js";
import { createI18n, translatorFor } from "./i18n/index.js";
import { createBotMetrics } from "./metrics.js";

export { type BotConfig, botEnvSchema, loadConfig } from "./config.js";

export interface TelegramBotDeps {
  config: BotConfig;
  logger: Logger;
  core: MarketDataCore;
  stores: Stores;
  /** With Redis: the durable BullMQ delivery queue; without: the in-memory path. */
  redis?: Redis;
  /** Key prefix shared with the stores (default `teleglas:`). */
  prefix?: string;
  /** The process registry /metrics serves (main.ts adds the upstream metrics to it). */
  registry?: Registry;
  /** Console chat streams (used when no token is configured). */
  console?: { input: Readable; output: Writable };
  /** How /status learns the worker's state (default: GET config.workerHealthUrl). */
  workerStatus?: () => Promise<WorkerStatus | null>;
  /** Overrides for tests: queue timings. */
  delivery?: {
    concurrency?: number;
    lockDurationMs?: number;
    stalledIntervalMs?: number;
    backoffMs?: number;
  };
}

/** Ask the worker's /health; null when it does not answer. */
export function httpWorkerStatus(url: string): () => Promise<WorkerStatus | null> {
  return async () => {
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(1500) });
      const h = (await res.json()) as {
        connected?: boolean;
        last_event_age_ms?: number | null;
        role?: string;
      };
      return {
        connected: h.connected === true,
        lastEventAgeMs: h.last_event_age_ms ?? null,
        role: h.role ?? null,
      };
    } catch {
      return null;
    }
  };
}

/**
 * Start the bot: commands (long polling, a webhook, or the console chat when there is no token)
 * and alert delivery (consume alerts -> per-chat jobs -> rate-limited sends).
 */
export async function startTelegramBot(
  deps: TelegramBotDeps,
): Promise<{ metricsUrl: string | null; stop(): Promise<void> }> {
  const { config, logger } = deps;
  const log = logger.child({ component: "telegram-bot" });
  const consoleMode = !config.token;
  if (consoleMode && !deps.console)
    throw new Error("TELEGRAM_BOT_TOKEN is unset and no console streams were given");
  const token = config.token ?? "0:console";

  let delivery: Delivery | null = null;
  const metrics = createBotMetrics(deps.registry ?? createProcessMetrics(deps.core).registry);
  const bot = createBot(
    {
      config,
      logger: log,
      core: deps.core,
      stores: deps.stores,
      get delivery() {
        return delivery;
      },
      startedAt: Date.now(),
      workerStatus: deps.workerStatus ?? httpWorkerStatus(config.workerHealthUrl),
      renderChart,
      renderEtfChart,
    },
    {
      token,
      measure: metrics.middleware,
      ...(consoleMode ? { botInfo: CONSOLE_BOT_INFO } : {}),
      ...(deps.redis && !consoleMode
        ? { flood: { redis: deps.redis, prefix: deps.prefix ?? DEFAULT_STORE_PREFIX } }
        : {}),
    },
  );

  let consoleChat: { stop(): void } | null = null;
  if (consoleMode && deps.console)
    consoleChat = startConsoleChat(bot, deps.console.input, deps.console.output);
  else bot.api.config.use(autoRetry({ maxRetryAttempts: 3, maxDelaySeconds: 30 }));

  // Delivery sends on its own Api without auto-retry: it must see a 429 to pause the whole queue.
  const deliveryApi = consoleMode ? bot.api : new Api(token, { apiRoot: config.apiRoot });
  const onEvent = (e: DeliveryEvent) => {
    metrics.onDelivery(e);
    if (e.type === "sent" || e.type === "duplicate_skipped") log.debug(e, "alert delivery");
    else if (e.type === "failed" && e.final) log.error(e, "alert delivery gave up");
    else log.info(e, "alert delivery");
  };
  const common = {
    api: deliveryApi,
    ledger: deps.stores.ledger,
    subscriptions: deps.stores.subscriptions,
    ratePerSecond: config.globalRate,
    onEvent,
    ...(deps.delivery?.concurrency ? { concurrency: deps.delivery.concurrency } : {}),
    ...(deps.delivery?.backoffMs ? { backoffMs: deps.delivery.backoffMs } : {}),
  };
  // The console chat never touches the shared queue: its jobs would be picked up by real bot
  // processes on the same Redis.
  delivery =
    deps.redis && !consoleMode
      ? createBullDelivery({
          ...common,
          redis: deps.redis,
          prefix: deps.prefix ?? DEFAULT_STORE_PREFIX,
          ...(deps.delivery?.lockDurationMs ? { lockDurationMs: deps.delivery.lockDurationMs } : {}),
          ...(deps.delivery?.stalledIntervalMs ? { stalledIntervalMs: deps.delivery.stalledIntervalMs } : {}),
        })
      : createMemoryDelivery(common);
  delivery.start();
  metrics.watch(delivery);
  const metricsServer = config.metrics
    ? await startMetricsServer({ ...config.metrics, registry: metrics.registry })
    : null;
  if (metricsServer) log.info({ url: metricsServer.url }, "metrics listening");
  const i18n = createI18n();
  const dispatcher = startDispatcher({
    stores: deps.stores,
    delivery,
    translate: (lang) => translatorFor(i18n, lang),
    alertChatIds: consoleMode ? [] : config.alertChatIds,
    consumerName: `${hostname()}-${process.pid}`,
    // A console session reads alerts in its own group and only for the local user, so it never
    // takes alerts (or ledger entries) away from the real bot sharing the same Redis.
    ...(consoleMode
      ? { group: `${BOT_GROUP}-console-${process.pid}`, from: "new" as const, onlyChats: [CONSOLE_USER.id] }
      : {}),
    onAlert: (alert, recipients) =>
      log.info({ alert_id: alert.id, kind: alert.kind, recipients }, "alert fanned out"),
    onError: (error, alert) =>
      log.error({ err: error, alert_id: alert?.id }, "alert fan-out failed; will retry"),
  });

  let runner: ReturnType<typeof run> | null = null;
  let server: Server | null = null;
  if (!consoleMode) {
    await bot.init();
    await bot.api
      .setMyCommands(COMMANDS)
      .catch((error: unknown) => log.warn({ err: error }, "setMyCommands failed"));
    if (config.webhook) {
      const w = config.webhook;
      const handle = webhookCallback(bot, "http", w.secret ? { secretToken: w.secret } : {});
      const path = new URL(w.url).pathname;
      server = createServer((req, res) => {
        if (req.method === "POST" && req.url === path) return void handle(req, res);
        res.writeHead(404).end();
      });
      await new Promise<void>((resolve) => server!.listen(w.port, w.host, resolve));
      await bot.api.setWebhook(w.url, {
        ...(w.secret ? { secret_token: w.secret } : {}),
        allowed_updates: ["message", "callback_query", "my_chat_member"],
      });
      log.info({ url: w.url }, "webhook mode");
    } else {
      await bot.api.deleteWebhook();
      runner = run(bot, {
        runner: { fetch: { allowed_updates: ["message", "callback_query", "my_chat_member"] } },
      });
      log.info({ username: bot.botInfo.username }, "long polling");
    }
  }

  return {
    metricsUrl: metricsServer?.url ?? null,
    async stop() {
      consoleChat?.stop();
      if (runner?.isRunning()) await runner.stop();
      if (server) await new Promise<void>((resolve) => server!.close(() => resolve()));
      await dispatcher.stop();
      await delivery?.close();
      await metricsServer?.close();
    },
  };
}
