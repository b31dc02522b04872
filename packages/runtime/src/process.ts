// The one shape of the three composition roots: read the environment, then open the logger, the
// upstream, Redis, the core and the stores, start the app, and stop it all once on a signal.
import { type CommonEnv, ConfigError, commonEnvSchema, parseEnv } from "@teleglas/market-data-core";
import { createProcessMetrics } from "@teleglas/metrics";
import { type Logger, pino } from "pino";
import { gracefulStop } from "./graceful-stop.js";
import { watchProcessErrors } from "./process-errors.js";
import { openRuntime, type Runtime } from "./runtime.js";
import { openUpstream, type Upstream } from "./upstream.js";

/** What the runtime hands an app's start function. */
export interface AppDeps<C> extends Pick<Runtime, "core" | "stores" | "redis"> {
  config: C;
  env: CommonEnv;
  logger: Logger;
  upstream: Upstream;
  registry: ReturnType<typeof createProcessMetrics>["registry"];
  /** Ends the process cleanly with exit 1 (e.g. a dead worker thread). */
  onFatal(reason: string, error: unknown): void;
}

/** A composition root, described. */
export interface ProcessSpec<C, A extends { stop(): Promise<void> }> {
  /** Used in the "failed to start" line. */
  name: string;
  /** The app's own variables; throws ConfigError naming the variable. */
  loadConfig(env: NodeJS.ProcessEnv): C;
  /** Set when the app cannot run alone without Redis: the message says why and what to do. */
  requiresRedis?: string;
  /** Log paths holding secrets (tokens, keys). */
  redact: string[];
  /** What an unhandled rejection does; each main.ts says why it chose. */
  onRejection: "log" | "stop";
  /** Logs to stderr (fd 2) when stdout belongs to something else, e.g. the bot's console chat. */
  logToStderr?(config: C): boolean;
  /** Checks before anything is opened (e.g. a rules file); throws ConfigError to stop with 2. */
  check?(config: C): Promise<void>;
  start(deps: AppDeps<C>): Promise<A>;
}

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

/** Runs one app as its own process; exit 2 on a bad configuration, 1 on a failed start. */
export async function runProcess<C, A extends { stop(): Promise<void> }>(
  spec: ProcessSpec<C, A>,
): Promise<void> {
  let env: CommonEnv;
  let config: C;
  try {
    env = parseEnv(commonEnvSchema, process.env);
    config = spec.loadConfig(process.env);
    await spec.check?.(config);
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error));
  }
  if (spec.requiresRedis && !env.REDIS_URL) fail(spec.requiresRedis);
  const logger = pino(
    {
      level: env.LOG_LEVEL,
      redact: { paths: spec.redact, censor: "[redacted]" },
      ...(process.stdout.isTTY && !spec.logToStderr?.(config)
        ? { transport: { target: "pino-pretty" } }
        : {}),
    },
    ...(spec.logToStderr?.(config) ? [pino.destination(2)] : []),
  );
  const errors = watchProcessErrors(process, {
    log: logger,
    onRejection: spec.onRejection,
    exit: (code) => process.exit(code),
  });
  let upstream: Upstream;
  try {
    upstream = await openUpstream(env);
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error));
  }
  const metrics = createProcessMetrics();
  const runtime = openRuntime({
    redisUrl: env.REDIS_URL,
    upstream,
    log: logger,
    deadlineMs: env.REQUEST_DEADLINE_MS,
    quotaFallbackShare: env.COINGLASS_QUOTA_FALLBACK_SHARE,
    onEvent: (e) => {
      metrics.onCoreEvent(e);
      const trouble = ["upstream_error", "stale_served", "cache_error", "deadline_exceeded"];
      if (trouble.includes(e.type)) logger.warn(e, "core event");
      else logger.debug(e, "core event");
    },
  });
  const { core, stores, redis } = runtime;
  metrics.watch(core);
  let app: A;
  try {
    app = await spec.start({
      config,
      env,
      logger,
      upstream,
      core,
      stores,
      redis,
      registry: metrics.registry,
      onFatal: (reason, error) => errors.fatal(reason, error),
    });
  } catch (error) {
    if (error instanceof ConfigError) console.error(error.message);
    else logger.fatal({ err: error }, `${spec.name} failed to start`);
    await runtime.close();
    process.exit(error instanceof ConfigError ? 2 : 1);
  }
  const stop = gracefulStop({
    onStop: (signal) => logger.info({ signal }, "stopping"),
    stop: async () => {
      await app.stop();
      await runtime.close();
    },
    exit: (code) => process.exit(code),
  });
  errors.useStop(stop);
  process.once("SIGINT", () => void stop("SIGINT"));
  process.once("SIGTERM", () => void stop("SIGTERM"));
}
