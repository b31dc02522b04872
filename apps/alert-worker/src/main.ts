// Composition root of the alert-worker process: config, logger, Redis, the embedded simulator when
// no CoinGlass key is set, signals and graceful stop.
import { createSimulator } from "@teleglas/coinglass-sim";
import { ConfigError, createMarketDataCore, createStores } from "@teleglas/market-data-core";
import { Redis } from "ioredis";
import pino from "pino";
import { loadWorkerConfig } from "./config.js";
import { loadRules, RulesError } from "./rules/load.js";
import { startAlertWorker } from "./service.js";

/** The CoinGlass key rides in the WebSocket URL query and in request headers: never log either. */
const REDACT = ["apiKey", "*.apiKey", "headers['cg-api-key']", "*.headers['cg-api-key']"];

async function main(): Promise<void> {
  let loaded: ReturnType<typeof loadWorkerConfig>;
  try {
    loaded = loadWorkerConfig(process.env);
  } catch (error) {
    console.error(error instanceof ConfigError ? error.message : String(error));
    process.exit(2);
  }
  const { env, config } = loaded;
  if (!env.REDIS_URL) {
    console.error(
      "REDIS_URL is not set. The alert worker hands its alerts to the Telegram bot through Redis; run as " +
        "a separate process it needs REDIS_URL (e.g. redis://127.0.0.1:6379). Without Redis, use the " +
        "one-process local stack (npm start), which shares in-memory stores.",
    );
    process.exit(2);
  }
  const logger = pino({
    level: env.LOG_LEVEL,
    redact: { paths: REDACT, censor: "[redacted]" },
    ...(process.stdout.isTTY ? { transport: { target: "pino-pretty" } } : {}),
  });
  try {
    // Checked before anything is opened, so a bad file fails fast and alone in the output.
    await loadRules(config.rulesFile);
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(2);
  }
  const redis = new Redis(env.REDIS_URL);
  redis.on("error", (err) => logger.warn({ err: err.message }, "redis error"));

  let apiKey = env.COINGLASS_API_KEY;
  let baseUrl = env.COINGLASS_BASE_URL;
  let wsUrl = env.COINGLASS_WS_URL;
  const sim = apiKey ? undefined : await createSimulator({ port: 0, plan: env.COINGLASS_PLAN });
  if (sim) {
    apiKey = "local-simulator";
    baseUrl = sim.restUrl;
    wsUrl = sim.wsUrl;
    logger.info({ sim: sim.restUrl }, "COINGLASS_API_KEY unset: using the built-in CoinGlass simulator");
  }
  const core = createMarketDataCore({ apiKey: apiKey as string, baseUrl, plan: env.COINGLASS_PLAN, redis });
  const stores = createStores({ redis });

  let worker: Awaited<ReturnType<typeof startAlertWorker>>;
  try {
    worker = await startAlertWorker({ config, logger, core, stores, redis, wsUrl, apiKey: apiKey as string });
  } catch (error) {
    logger.fatal(
      { err: error },
      error instanceof RulesError ? error.message : "alert worker failed to start",
    );
    await Promise.allSettled([stores.close(), core.close(), sim?.close(), redis.quit()]);
    process.exit(error instanceof RulesError ? 2 : 1);
  }

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "stopping");
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    await worker.stop();
    await Promise.allSettled([stores.close(), core.close()]);
    await sim?.close();
    await redis.quit();
    process.exit(0);
  };
  process.once("SIGINT", () => void stop("SIGINT"));
  process.once("SIGTERM", () => void stop("SIGTERM"));
}

void main();
