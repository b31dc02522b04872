// Composition root of the alert-worker process: config, logger, Redis, the embedded simulator when
// no CoinGlass key is set, signals and graceful stop.
import { startUpstream } from "@teleglas/coinglass-sim";
import { ConfigError, gracefulStop, openRuntime, watchProcessErrors } from "@teleglas/market-data-core";
import { createProcessMetrics } from "@teleglas/metrics";
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
  // An unhandled rejection stops the worker cleanly (exit 1, and the process manager restarts it):
  // the worker is one long pipeline, and a rejection nobody awaited may mean a part of it (the
  // stream, a detector, the publisher) quietly stopped. A worker that looks alive but is blind is
  // worse than a restart: its lease passes to the standby (or back to it), and alert ids dedupe.
  const errors = watchProcessErrors(process, {
    log: logger,
    onRejection: "stop",
    exit: (code) => process.exit(code),
  });
  try {
    // Checked before anything is opened, so a bad file fails fast and alone in the output.
    await loadRules(config.rulesFile);
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(2);
  }
  const upstream = await startUpstream(env);
  const metrics = createProcessMetrics();
  const runtime = openRuntime({
    redisUrl: env.REDIS_URL,
    upstream,
    log: logger,
    quotaFallbackShare: env.COINGLASS_QUOTA_FALLBACK_SHARE,
    onEvent: metrics.onCoreEvent,
  });
  const { core, stores, redis } = runtime;
  metrics.watch(core);

  let worker: Awaited<ReturnType<typeof startAlertWorker>>;
  try {
    worker = await startAlertWorker({
      config,
      logger,
      core,
      stores,
      redis,
      wsUrl: upstream.wsUrl,
      apiKey: upstream.apiKey,
      onFatal: (reason, error) => errors.fatal(reason, error),
      registry: metrics.registry,
    });
  } catch (error) {
    if (error instanceof ConfigError) console.error(error.message);
    else
      logger.fatal(
        { err: error },
        error instanceof RulesError ? error.message : "alert worker failed to start",
      );
    await runtime.close();
    process.exit(error instanceof RulesError || error instanceof ConfigError ? 2 : 1);
  }

  const stop = gracefulStop({
    onStop: (signal) => logger.info({ signal }, "stopping"),
    stop: async () => {
      await worker.stop();
      await runtime.close();
    },
    exit: (code) => process.exit(code),
  });
  errors.useStop(stop);
  process.once("SIGINT", () => void stop("SIGINT"));
  process.once("SIGTERM", () => void stop("SIGTERM"));
}

void main();
