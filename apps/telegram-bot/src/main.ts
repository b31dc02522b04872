// Composition root of the telegram-bot process: config, logger, Redis, the embedded simulator when
// no CoinGlass key is set, signals and graceful stop.
import { startUpstream } from "@teleglas/coinglass-sim";
import { ConfigError, gracefulStop, openRuntime, watchProcessErrors } from "@teleglas/market-data-core";
import { createProcessMetrics } from "@teleglas/metrics";
import pino from "pino";
import { type BotConfig, loadConfig } from "./config.js";
import { startTelegramBot } from "./service.js";

/** The bot token rides in every Bot API URL and the CoinGlass key in headers: never log either. */
const REDACT = ["token", "*.token", "apiKey", "*.apiKey", "headers['cg-api-key']", "*.headers['cg-api-key']"];

async function main(): Promise<void> {
  let config: BotConfig;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    console.error(error instanceof ConfigError ? error.message : String(error));
    process.exit(2);
  }
  if (!config.redisUrl) {
    console.error(
      "REDIS_URL is not set. Run as its own process, the bot shares subscriptions, alerts and the delivery " +
        "queue with the alert worker through Redis, so it needs REDIS_URL (e.g. redis://127.0.0.1:6379). " +
        "Without Redis, use the one-process local stack (npm start), which shares in-memory stores.",
    );
    process.exit(2);
  }
  const consoleMode = !config.token;
  const logger = pino(
    { level: config.logLevel, redact: { paths: REDACT, censor: "[redacted]" } },
    // The console chat owns stdout; logs go to stderr then.
    pino.destination(consoleMode ? 2 : 1),
  );
  // Unhandled rejections are logged and the bot keeps serving: each update is handled on its own
  // (a failure costs one reply), and alerts wait in the durable queue either way, so a restart
  // would only pause every other chat. An uncaught exception still stops it cleanly (exit 1).
  const errors = watchProcessErrors(process, {
    log: logger,
    onRejection: "log",
    exit: (code) => process.exit(code),
  });
  const upstream = await startUpstream({
    COINGLASS_API_KEY: config.coinglass.apiKey,
    COINGLASS_BASE_URL: config.coinglass.baseUrl,
    COINGLASS_PLAN: config.coinglass.plan,
  });
  const metrics = createProcessMetrics();
  const runtime = openRuntime({
    redisUrl: config.redisUrl,
    upstream,
    log: logger,
    deadlineMs: config.deadlineMs,
    quotaFallbackShare: config.quotaFallbackShare,
    onEvent: metrics.onCoreEvent,
  });
  const { core, stores, redis } = runtime;
  metrics.watch(core);

  let bot: Awaited<ReturnType<typeof startTelegramBot>>;
  try {
    bot = await startTelegramBot({
      config,
      logger,
      core,
      stores,
      redis,
      registry: metrics.registry,
      ...(consoleMode ? { console: { input: process.stdin, output: process.stdout } } : {}),
    });
  } catch (error) {
    if (error instanceof ConfigError) console.error(error.message);
    else logger.fatal({ err: error }, "telegram bot failed to start");
    await runtime.close();
    process.exit(error instanceof ConfigError ? 2 : 1);
  }

  const stop = gracefulStop({
    onStop: (signal) => logger.info({ signal }, "stopping"),
    stop: async () => {
      await bot.stop();
      await runtime.close();
    },
    exit: (code) => process.exit(code),
  });
  errors.useStop(stop);
  process.once("SIGINT", () => void stop("SIGINT"));
  process.once("SIGTERM", () => void stop("SIGTERM"));
}

void main();
