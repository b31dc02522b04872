// Composition root of the telegram-bot process: config, logger, Redis, the embedded simulator when
// no CoinGlass key is set, signals and graceful stop.
import { createSimulator } from "@teleglas/coinglass-sim";
import { ConfigError, createMarketDataCore, createStores } from "@teleglas/market-data-core";
import { Redis } from "ioredis";
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
  // Default retry settings: a command fails (and is answered) when Redis is down rather than
  // hanging; the delivery queue duplicates this connection with the settings BullMQ needs.
  const redis = new Redis(config.redisUrl);
  redis.on("error", (err) => logger.warn({ err: err.message }, "redis error"));

  let apiKey = config.coinglass.apiKey;
  let baseUrl = config.coinglass.baseUrl;
  const sim = apiKey ? undefined : await createSimulator({ port: 0, plan: config.coinglass.plan });
  if (sim) {
    apiKey = "local-simulator";
    baseUrl = sim.restUrl;
    logger.info({ sim: sim.restUrl }, "COINGLASS_API_KEY unset: using the built-in CoinGlass simulator");
  }
  const core = createMarketDataCore({
    apiKey: apiKey as string,
    baseUrl,
    plan: config.coinglass.plan,
    redis,
  });
  const stores = createStores({ redis });

  let bot: Awaited<ReturnType<typeof startTelegramBot>>;
  try {
    bot = await startTelegramBot({
      config,
      logger,
      core,
      stores,
      redis,
      ...(consoleMode ? { console: { input: process.stdin, output: process.stdout } } : {}),
    });
  } catch (error) {
    logger.fatal({ err: error }, "telegram bot failed to start");
    await Promise.allSettled([stores.close(), core.close(), sim?.close(), redis.quit()]);
    process.exit(1);
  }

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "stopping");
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    await bot.stop();
    await Promise.allSettled([stores.close(), core.close()]);
    await sim?.close();
    await redis.quit();
    process.exit(0);
  };
  process.once("SIGINT", () => void stop("SIGINT"));
  process.once("SIGTERM", () => void stop("SIGTERM"));
}

void main();
