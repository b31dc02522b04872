// Composition root of the gpt-api process: config, logger, Redis, the embedded simulator when no
// CoinGlass key is set, signals and graceful stop.
import { startUpstream } from "@teleglas/coinglass-sim";
import { ConfigError, gracefulStop, openRuntime, watchProcessErrors } from "@teleglas/market-data-core";
import { createProcessMetrics } from "@teleglas/metrics";
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
  // Unhandled rejections are logged and the API keeps serving: requests are independent (Fastify
  // answers a failing handler with a 500 itself), so a stray rejection belongs to one request or
  // one background refresh, and a restart would cut every other request and open SSE stream.
  // An uncaught exception still stops it cleanly (exit 1).
  const errors = watchProcessErrors(process, {
    log: logger,
    onRejection: "log",
    exit: (code) => process.exit(code),
  });
  if (config.requireAuth && config.apiKeys.length === 0) {
    logger.warn("GPT_API_KEYS is empty: every protected route will answer 401");
  }

  const upstream = await startUpstream(env);
  const metrics = createProcessMetrics();
  const runtime = openRuntime({
    redisUrl: env.REDIS_URL,
    upstream,
    log: logger,
    deadlineMs: env.REQUEST_DEADLINE_MS,
    quotaFallbackShare: env.COINGLASS_QUOTA_FALLBACK_SHARE,
    onEvent: (e) => {
      metrics.onCoreEvent(e);
      if (
        e.type === "upstream_error" ||
        e.type === "stale_served" ||
        e.type === "cache_error" ||
        e.type === "deadline_exceeded"
      )
        logger.warn(e, "core event");
      else logger.debug(e, "core event");
    },
  });
  const { core, stores, redis } = runtime;
  metrics.watch(core);
  let api: Awaited<ReturnType<typeof startGptApi>>;
  try {
    api = await startGptApi({ config, logger, core, stores, redis, registry: metrics.registry });
  } catch (error) {
    if (error instanceof ConfigError) console.error(error.message);
    else logger.fatal({ err: error }, "gpt-api failed to start");
    await runtime.close();
    process.exit(error instanceof ConfigError ? 2 : 1);
  }

  const stop = gracefulStop({
    onStop: (signal) => logger.info({ signal }, "stopping"),
    stop: async () => {
      await api.stop();
      await runtime.close();
    },
    exit: (code) => process.exit(code),
  });
  errors.useStop(stop);
  process.once("SIGINT", () => void stop("SIGINT"));
  process.once("SIGTERM", () => void stop("SIGTERM"));
}

await main();
