import { randomBytes } from "node:crypto";
import type { Readable, Writable } from "node:stream";
import { startAlertWorker } from "@teleglas/alert-worker/service";
import { apiConfig as gptApiConfig, oauthIssuer, startGptApi } from "@teleglas/gpt-api/service";
import { listenError } from "@teleglas/market-data-core";
import { openRuntime, openUpstream } from "@teleglas/runtime";
import {
  httpWorkerStatus,
  loadConfig as loadBotConfig,
  startTelegramBot,
} from "@teleglas/telegram-bot/service";
import pino, { type Logger } from "pino";
import { type LocalStackEnv, loadLocalStackEnv, watchEntries } from "./local-config.js";
import { formatAlertLine } from "./local-format.js";

type ApiConfig = Parameters<typeof startGptApi>[0]["config"];
type WorkerConfig = Parameters<typeof startAlertWorker>[0]["config"];

/** Everything the local stack needs from its caller; only the caller reads `process.env`. */
export interface LocalStackOptions {
  /** The environment (process.env in `npm start`); a bad value throws a ConfigError naming it. */
  env: Record<string, string | undefined>;
  /** The console chat's input (default: none — no console chat). */
  input?: Readable;
  /** Where the banner, the console chat and alerts go (default: process.stdout). */
  output?: Writable;
  /** Where log lines go (default: stderr, pretty when it is a terminal). */
  logger?: Logger;
  /** Prefix of every Redis key (default `teleglas:`); tests use their own. */
  redisPrefix?: string;
}

/** A running local stack. */
export interface LocalStack {
  /** The embedded simulator, or null when a real COINGLASS_API_KEY is configured. */
  simulator: { restUrl: string; wsUrl: string } | null;
  /** The GPT API's origin, e.g. http://127.0.0.1:8000 */
  apiUrl: string;
  /** A key the API accepts (GPT_API_KEYS' first, or one generated for this run). */
  apiKey: string;
  /** Where the worker's /health and /metrics listen. */
  workerUrl: string;
  /** Stops every part, newest first; resolves when all sockets are closed. */
  stop(): Promise<void>;
}

/**
 * Starts, in this process, the CoinGlass simulator (unless a real key is set), the GPT API, the
 * alert worker and the Telegram bot, all sharing ONE market-data core and ONE set of stores:
 * in-process memory, or Redis when REDIS_URL is set. Alerts are echoed to `output` as they fire.
 * Parts are stopped in reverse order of start, so a failure half-way still releases what started.
 */
export async function startLocalStack(opts: LocalStackOptions): Promise<LocalStack> {
  const env = loadLocalStackEnv(opts.env);
  const botConfig = loadBotConfig(opts.env);
  const out = opts.output ?? process.stdout;
  const logger = opts.logger ?? createLocalLogger(env.LOG_LEVEL);
  const prefix = opts.redisPrefix ?? "teleglas:";
  const stops: Array<() => Promise<unknown>> = [];
  const stop = async () => {
    for (const s of stops.splice(0).reverse()) await s().catch(() => undefined);
  };
  try {
    const upstream = await openUpstream(env, { port: env.SIM_PORT, seed: env.SIM_SEED }).catch(
      (error: unknown) => {
        throw listenError(error, "SIM_PORT", env.SIM_PORT, "127.0.0.1");
      },
    );
    stops.push(() => upstream.close());
    const { simulator, apiKey, wsUrl } = upstream;
    const runtime = openRuntime({
      redisUrl: env.REDIS_URL,
      // Closed by its own entry above, in reverse start order with the rest.
      upstream: { apiKey, baseUrl: upstream.baseUrl, plan: upstream.plan },
      keyPrefix: prefix,
      log: logger,
      deadlineMs: env.REQUEST_DEADLINE_MS,
      quotaFallbackShare: env.COINGLASS_QUOTA_FALLBACK_SHARE,
      // The core does not log; upstream trouble is worth a line, the rest only at debug.
      onEvent: (e) =>
        e.type === "upstream_error" || e.type === "stale_served" || e.type === "deadline_exceeded"
          ? logger.warn(e, "core event")
          : logger.debug(e, "core event"),
    });
    stops.push(() => runtime.close());
    const { core, stores, redis } = runtime;

    const keys =
      env.GPT_API_KEYS.length > 0 ? env.GPT_API_KEYS : [`local-${randomBytes(12).toString("hex")}`];
    const api = await startGptApi({
      config: apiConfig(env, keys),
      logger,
      core,
      stores,
      redis,
      keyPrefix: prefix,
    });
    stops.push(() => api.stop());

    const worker = await startAlertWorker({
      config: workerConfig(env, prefix),
      logger,
      core,
      stores,
      wsUrl,
      apiKey,
    });
    stops.push(() => worker.stop());

    // Without a token the bot is a console chat on these streams; with one it talks to Telegram.
    const input = opts.input ?? null;
    if (botConfig.token || input) {
      const bot = await startTelegramBot({
        config: botConfig,
        logger,
        core,
        stores,
        redis,
        prefix,
        workerStatus: httpWorkerStatus(`${worker.url}/health`),
        ...(!botConfig.token && input ? { console: { input, output: out } } : {}),
      });
      stops.push(() => bot.stop());
    }

    const unfollow = stores.alerts.follow((alert) => out.write(`${formatAlertLine(alert)}\n`));
    stops.push(async () => unfollow());

    out.write(
      banner({
        env,
        simulator,
        apiUrl: api.url,
        workerUrl: worker.url,
        keys,
        console: !botConfig.token && input !== null,
      }),
    );
    return { simulator, apiUrl: api.url, apiKey: keys[0]!, workerUrl: worker.url, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** The API's settings that the local stack's environment names; the rest are the API's defaults. */
function apiConfig(env: LocalStackEnv, keys: string[]): ApiConfig {
  return gptApiConfig({
    port: env.PORT,
    host: env.HOST,
    apiKeys: keys,
    requireAuth: env.GPT_API_REQUIRE_AUTH,
    rateLimitPerMinute: env.GPT_API_RATE_LIMIT,
    corsOrigins: env.GPT_API_CORS_ORIGINS,
    publicUrl: env.PUBLIC_URL,
    // OAuth runs when REDIS_URL is set too (its state lives in Redis), as in the API's own process.
    oauthIssuer: oauthIssuer(env.PUBLIC_URL, env.HOST, env.PORT),
  });
}

function workerConfig(env: LocalStackEnv, keyPrefix: string): WorkerConfig {
  return {
    port: env.WORKER_PORT,
    host: "127.0.0.1",
    rulesFile: env.ALERT_RULES_FILE,
    watchlist: watchEntries(env.WORKER_WATCHLIST),
    tradeMinUsd: 10_000,
    leaseTtlMs: 6_000,
    keyPrefix,
  };
}

/** One pino logger for the whole stack, on stderr so it does not mix into the chat on stdout. */
export function createLocalLogger(level: string): Logger {
  const redact = {
    paths: [
      "apiKey",
      "*.apiKey",
      "authorization",
      "*.authorization",
      "*.headers.authorization",
      "token",
      "*.token",
    ],
    censor: "[redacted]",
  };
  if (process.stderr.isTTY) {
    return pino({ level, redact, transport: { target: "pino-pretty", options: { destination: 2 } } });
  }
  return pino({ level, redact }, pino.destination(2));
}

function banner(o: {
  env: LocalStackEnv;
  simulator: LocalStack["simulator"];
  apiUrl: string;
  workerUrl: string;
  keys: string[];
  console: boolean;
}): string {
  const generated = o.env.GPT_API_KEYS.length === 0;
  const lines = [
    "",
    "TELEGLAS local stack",
    o.simulator
      ? `  CoinGlass simulator  REST ${o.simulator.restUrl}  WebSocket ${o.simulator.wsUrl}`
      : `  CoinGlass            ${o.env.COINGLASS_BASE_URL} (COINGLASS_API_KEY set)`,
    `  API docs             ${o.apiUrl}/docs/`,
    `  MCP                  ${o.apiUrl}/mcp`,
    `  Alert worker         ${o.workerUrl}/health`,
    `  Stores               ${o.env.REDIS_URL ? "Redis (REDIS_URL)" : "in this process (set REDIS_URL for Redis)"}`,
    generated
      ? `  API key (this run)   ${o.keys[0]}\n  Try                  curl -H 'Authorization: Bearer ${o.keys[0]}' '${o.apiUrl}/gpt/raw?symbol=BTC'`
      : "  API key              from GPT_API_KEYS",
    o.env.TELEGRAM_BOT_TOKEN ? "  Telegram bot         on Telegram (TELEGRAM_BOT_TOKEN set)" : "",
    "",
    ...(o.console
      ? [
          "Console chat: you are talking to the bot. Try /raw BTC, /liq ETH, /whale, /subscribe, /help.",
          "Alerts appear here as they fire. Ctrl-C stops everything.",
          "",
        ]
      : []),
  ];
  return `${lines.filter((l, i) => l !== "" || lines[i - 1] !== "").join("\n")}\n`;
}
