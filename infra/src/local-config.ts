import { bool, commonEnvSchema, csv, parseEnv } from "@teleglas/market-data-core";
import { z } from "zod";

const port = z.coerce.number().int().min(0).max(65_535);

/**
 * Variables of the one-process local stack. The bot's config comes from its own exported loader;
 * the API's and the worker's loaders are not exported (only their start functions are), so the
 * local stack reads the variables it passes to them itself, with local defaults: quieter logs
 * (the console chat shares the terminal) and a generated API key when none is set.
 */
export const localStackEnvSchema = commonEnvSchema.extend({
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("warn"),
  /** Port of the embedded CoinGlass simulator (REST and WebSocket share it); 0 = any free port. */
  SIM_PORT: port.default(8787),
  /** Seed of the simulator's market model: the same seed replays the same market. */
  SIM_SEED: z.coerce.number().int().default(42),
  PORT: port.default(8000),
  HOST: z.string().default("127.0.0.1"),
  GPT_API_KEYS: csv.default([]),
  GPT_API_REQUIRE_AUTH: bool.default(true),
  GPT_API_RATE_LIMIT: z.coerce.number().int().positive().default(120),
  GPT_API_CORS_ORIGINS: csv.default(["https://chat.openai.com", "https://chatgpt.com"]),
  PUBLIC_URL: z.url().optional(),
  WORKER_PORT: port.default(8081),
  ALERT_RULES_FILE: z.string().optional(),
  WORKER_WATCHLIST: csv.default(["BTC", "ETH", "SOL"]),
  TELEGRAM_BOT_TOKEN: z.string().optional(),
});
export type LocalStackEnv = z.infer<typeof localStackEnvSchema>;

/** Parses the local stack's variables; throws a ConfigError naming the first bad variable. */
export function loadLocalStackEnv(env: Record<string, string | undefined>): LocalStackEnv {
  return parseEnv(localStackEnvSchema, env);
}

/** Exchanges a bare coin of WORKER_WATCHLIST is watched on (the worker's own default set). */
const WATCH_EXCHANGES = ["Binance", "OKX", "Bybit"];

/** `BTC` -> BTCUSDT on each exchange; `Bybit_SOLUSDT` as written. */
export function watchEntries(list: readonly string[]): Array<{ exchange: string; pair: string }> {
  return list.flatMap((entry) => {
    const sep = entry.indexOf("_");
    if (sep > 0) return [{ exchange: entry.slice(0, sep), pair: entry.slice(sep + 1).toUpperCase() }];
    return WATCH_EXCHANGES.map((exchange) => ({ exchange, pair: `${entry.toUpperCase()}USDT` }));
  });
}
