import type { Server } from "node:http";
import { hostname } from "node:os";
import type { Readable, Writable } from "node:stream";
import { autoRetry } from "@grammyjs/auto-retry";
import { run } from "@grammyjs/runner";
import { renderChart, renderEtfChart, renderLiqmapChart } from "@teleglas/charts";
import {
  DEFAULT_STORE_PREFIX,
  listenError,
  type MarketDataCore,
  type Stores,
} from "@teleglas/market-data-core";
import { createProcessMetrics, startMetricsServer } from "@teleglas/metrics";
import { Api } from "grammy";
import type { Redis } from "ioredis";
import type { Logger } from "pino";
import type { Registry } from "prom-client";
import { botBackend } from "./backend.js";
import { createBot } from "./bot.js";
import type { BotConfig } from "./config.js";
import { CONSOLE_BOT_INFO, CONSOLE_USER, startConsoleChat } from "./console-chat.js";
import type { WorkerStatus } from "./context.js";
import { BOT_GROUP, startDispatcher } from "./delivery/dispatcher.js";
import type { RouteNotice } from "./delivery/route.js";
import type { Delivery, DeliveryEvent } from "./delivery/types.js";
import { startDigests } from "./digest/start.js";
import type { DigestScheduler } from "./digest/types.js";
import { COMMANDS } from "./features/start.js";
import { formatAlert } from "./format/alert.js";
import { formatRouteNotice } from "./format/routes.js";
import type { Language } from "./format/translate.js";
import { createI18n, translatorFor } from "./i18n/index.js";
import { createBotMetrics } from "./metrics.js";
import { createWebhookListener } from "./webhook.js";

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
  /**
   * Console chat streams (used when no token is configured); charts go to `chartDir` (default a
   * `teleglas-charts` folder in the system temp dir, pruned to the newest 20).
   */
  console?: { input: Readable; output: Writable; chartDir?: string };
  /** How /status learns the worker's state (default: GET config.workerHealthUrl). */
  workerStatus?: () => Promise<WorkerStatus | null>;
  /** Overrides for tests: queue timings. */
  delivery?: {
    concurrency?: number;
    lockDurationMs?: number;
    stalledIntervalMs?: number;
    backoffMs?: number;
    /** At most one edit of a live alert's message per this long (default 5000 ms). */
    editGapMs?: number;
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
  let digests: DigestScheduler | null = null;
  // A console session reads alerts in its own group and only for the local user, so it never
  // takes alerts (or ledger entries) away from the real bot sharing the same Redis.
  const alertGroup = consoleMode ? `${BOT_GROUP}-console-${process.pid}` : BOT_GROUP;
  // The console chat never touches the shared queues: its jobs would be picked up by real bot
  // processes on the same Redis.
  const backend = botBackend(consoleMode ? undefined : deps.redis, deps.prefix ?? DEFAULT_STORE_PREFIX);
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
      get digests() {
        return digests;
      },
      alertGroup,
      startedAt: Date.now(),
      workerStatus: deps.workerStatus ?? httpWorkerStatus(config.workerHealthUrl),
      renderChart,
      renderEtfChart,
      renderLiqmapChart,
    },
    {
      token,
      measure: metrics.middleware,
      ...(consoleMode ? { botInfo: CONSOLE_BOT_INFO } : {}),
      ...(backend.flood ? { flood: backend.flood } : {}),
    },
  );

  let consoleChat: { stop(): void } | null = null;
  if (consoleMode && deps.console)
    consoleChat = startConsoleChat(bot, deps.console.input, deps.console.output, {
      ...(deps.console.chartDir ? { chartDir: deps.console.chartDir } : {}),
    });
  else bot.api.config.use(autoRetry({ maxRetryAttempts: 3, maxDelaySeconds: 30 }));

  // Delivery sends on its own Api without auto-retry: it must see a 429 to pause the whole queue.
  const deliveryApi = consoleMode ? bot.api : new Api(token, { apiRoot: config.apiRoot });
  const onEvent = (e: DeliveryEvent) => {
    metrics.onDelivery(e);
    // The person's own log of what they were sent (the API shows it after an OAuth login).
    if (e.type === "sent")
      deps.stores.received.note(e.chatId, e.alertId, e.kind, Date.now()).catch((err: unknown) => {
        log.warn({ err }, "received log write failed");
      });
    if (e.type === "sent" || e.type === "duplicate_skipped") log.debug(e, "alert delivery");
    else if (e.type === "failed" && e.final) log.error(e, "alert delivery gave up");
    else log.info(e, "alert delivery");
  };
  const i18n = createI18n();
  // A live alert's latest state, as a chat in that language would see it (sends and edits).
  const render = async (alertId: string, lang: Language) => {
    const a = await deps.stores.alerts.latest(alertId);
    return a
      ? { text: formatAlert(a, translatorFor(i18n, lang), Date.now(), lang), revision: a.revision ?? 0 }
      : null;
  };
  // A topic or channel that stops taking alerts: the chat's admin is told once, in its language,
  // through the same queue (paced, retried, exactly once).
  const notify = async (n: RouteNotice) => {
    const lang = (await deps.stores.subscriptions.get(n.chatId))?.language ?? "en";
    const where = n.type === "topic_gone" ? n.threadId : n.channel.id;
    const text = formatRouteNotice(n, translatorFor(i18n, lang));
    await delivery?.enqueue([
      { alertId: `route-${n.type}-${where}-${Date.now()}`, chatId: n.chatId, text, silent: false },
    ]);
  };
  const common = {
    api: deliveryApi,
    routes: { store: deps.stores.routes, notify },
    live: backend.live(render),
    ...(deps.delivery?.editGapMs ? { editGapMs: deps.delivery.editGapMs } : {}),
    ledger: deps.stores.ledger,
    subscriptions: deps.stores.subscriptions,
    ratePerSecond: config.globalRate,
    onEvent,
    ...(deps.delivery?.concurrency ? { concurrency: deps.delivery.concurrency } : {}),
    ...(deps.delivery?.backoffMs ? { backoffMs: deps.delivery.backoffMs } : {}),
  };
  delivery = backend.delivery({
    ...common,
    ...(deps.delivery?.lockDurationMs ? { lockDurationMs: deps.delivery.lockDurationMs } : {}),
    ...(deps.delivery?.stalledIntervalMs ? { stalledIntervalMs: deps.delivery.stalledIntervalMs } : {}),
  });
  delivery.start();
  metrics.watch(delivery);
  const dispatcher = startDispatcher({
    stores: deps.stores,
    delivery,
    translate: (lang) => translatorFor(i18n, lang),
    alertChatIds: consoleMode ? [] : config.alertChatIds,
    consumerName: `${hostname()}-${process.pid}`,
    group: alertGroup,
    ...(consoleMode ? { from: "new" as const, onlyChats: [CONSOLE_USER.id] } : {}),
    onAlert: (alert, recipients) =>
      log.info({ alert_id: alert.id, kind: alert.kind, recipients }, "alert fanned out"),
    onError: (error, alert) =>
      log.error({ err: error, alert_id: alert?.id }, "alert fan-out failed; will retry"),
  });

  digests = startDigests({
    core: deps.core,
    stores: deps.stores,
    delivery,
    translate: (lang) => translatorFor(i18n, lang),
    log,
    backend,
  });
  const stops: Array<() => Promise<void> | void> = [
    () => consoleChat?.stop(),
    () => digests?.close(),
    () => dispatcher.stop(),
    () => delivery?.close(),
  ];
  const stop = async () => {
    for (const s of stops) await s();
  };
  let metricsUrl: string | null = null;
  try {
    const m = config.metrics;
    if (m) {
      const server = await startMetricsServer({ ...m, registry: metrics.registry }).catch(
        (error: unknown) => {
          throw listenError(error, "BOT_METRICS_PORT", m.port, m.host);
        },
      );
      stops.push(() => server.close());
      metricsUrl = server.url;
      log.info({ url: metricsUrl }, "metrics listening");
    }
    if (!consoleMode) stops.unshift(await receiveUpdates(bot, config, log));
  } catch (error) {
    await stop();
    throw error;
  }
  return { metricsUrl, stop };
}

/** Long polling, or the webhook listener when TELEGRAM_WEBHOOK_URL is set; resolves with its stop. */
async function receiveUpdates(
  bot: ReturnType<typeof createBot>,
  config: BotConfig,
  log: Logger,
): Promise<() => Promise<void>> {
  await bot.init();
  await bot.api
    .setMyCommands(COMMANDS)
    .catch((error: unknown) => log.warn({ err: error }, "setMyCommands failed"));
  const allowed_updates = ["message", "callback_query", "my_chat_member"] as const;
  if (config.webhook) {
    const w = config.webhook;
    const webhook = createWebhookListener({
      path: new URL(w.url).pathname,
      secret: w.secret,
      handleUpdate: (update) => bot.handleUpdate(update),
      log,
    });
    await listen(webhook.server, w.port, w.host);
    await bot.api
      .setWebhook(w.url, { secret_token: w.secret, allowed_updates })
      .catch(async (error: unknown) => {
        await webhook.close();
        throw error;
      });
    log.info({ url: w.url }, "webhook mode");
    return () => webhook.close();
  }
  await bot.api.deleteWebhook();
  const runner = run(bot, { runner: { fetch: { allowed_updates } } });
  log.info({ username: bot.botInfo.username }, "long polling");
  return async () => {
    if (runner.isRunning()) await runner.stop();
  };
}

/** Listens, or fails naming TELEGRAM_WEBHOOK_PORT when the port is taken. */
function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once("error", (error) => reject(listenError(error, "TELEGRAM_WEBHOOK_PORT", port, host)));
    server.listen(port, host, resolve);
  });
}
