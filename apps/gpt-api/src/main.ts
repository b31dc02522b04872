// Composition root of the gpt-api process: config, logger, Redis, the embedded simulator when no
// CoinGlass key is set, signals and graceful stop.
import { startUpstream } from "@teleglas/coinglass-sim";
import { ConfigError, gracefulStop, openRuntime } from "@teleglas/market-data-core";
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

  const upstream = await startUpstream(env);
  const runtime = openRuntime({
    redisUrl: env.REDIS_URL,
    upstream,
    log: logger,
    deadlineMs: env.REQUEST_DEADLINE_MS,
    quotaFallbackShare: env.COINGLASS_QUOTA_FALLBACK_SHARE,
    onEvent: (e) => {
      if (
        e.type === "upstream_error" ||
        e.type === "stale_served" ||
        e.type === "cache_error" ||
        e.type === "upstream_rejected" ||
        e.type === "deadline_exceeded"
      )
        logger.warn(e, "core event");
      else logger.debug(e, "core event");
    },
  });
  const { core, stores, redis } = runtime;
  const api = await startGptApi({ config, logger, core, stores, redis });

  const stop = gracefulStop({
    onStop: (signal) => logger.info({ signal }, "stopping"),
    stop: async () => {
      await api.stop();
      await runtime.close();
    },
    exit: (code) => process.exit(code),
  });
  process.once("SIGINT", () => void stop("SIGINT"));
  process.once("SIGTERM", () => void stop("SIGTERM"));
}

await main();
