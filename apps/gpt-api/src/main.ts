// Composition root of the gpt-api process: config, logger, Redis, the embedded simulator when no
// CoinGlass key is set, signals and graceful stop.
import { ConfigError, createMarketDataCore, createStores } from "@teleglas/market-data-core";
import { Redis } from "ioredis";
import pino from "pino";
import { loadApiConfig } from "./config.js";
import { REDACT } from "./log.js";
import { startGptApi } from "./service.js";

async function main(): Promise<void> {
  let loaded: ReturnType<typeof loadApiConfig>;
  try {
    loaded = loadApiConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError || error instanceof Error) {
      console.error(error.message);
      process.exit(2);
    }
    throw error;
  }
  const { env, config } = loaded;
  const logger = pino({
    level: env.LOG_LEVEL,
    redact: { paths: REDACT, censor: "[redacted]" },
    ...(process.stdout.isTTY ? { transport: { target: "pino-pretty" } } : {}),
  });
  if (config.requireAuth && config.apiKeys.length === 0) {
    logger.warn("GPT_API_KEYS is empty: every protected route will answer 401");
  }

  const redis = env.REDIS_URL ? new Redis(env.REDIS_URL, { lazyConnect: false }) : undefined;
  redis?.on("error", (err) => logger.warn({ err: err.message }, "redis error"));

  let apiKey = env.COINGLASS_API_KEY;
  let baseUrl = env.COINGLASS_BASE_URL;
  // Loaded only when used, so a production process does not carry the simulator.
  const sim = apiKey
    ? undefined
    : await (await import("@teleglas/coinglass-sim")).createSimulator({ port: 0, plan: env.COINGLASS_PLAN });
  if (sim) {
    apiKey = "local-simulator";
    baseUrl = sim.restUrl;
    logger.info(
      { restUrl: sim.restUrl },
      "COINGLASS_API_KEY unset: serving the built-in CoinGlass simulator",
    );
  }

  const core = createMarketDataCore({
    apiKey: apiKey as string,
    baseUrl,
    plan: env.COINGLASS_PLAN,
    redis,
    onEvent: (e) => {
      if (e.type === "upstream_error" || e.type === "stale_served" || e.type === "cache_error")
        logger.warn(e, "core event");
      else logger.debug(e, "core event");
    },
  });
  const stores = createStores({ redis });
  const api = await startGptApi({ config, logger, core, stores, redis });

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "stopping");
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    await api.stop();
    await stores.close();
    await core.close();
    await sim?.close();
    await redis?.quit();
    process.exit(0);
  };
  process.once("SIGINT", () => void stop("SIGINT"));
  process.once("SIGTERM", () => void stop("SIGTERM"));
}

await main();
