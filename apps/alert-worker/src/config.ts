import { bool, commonEnvSchema, csv, parseEnv } from "@teleglas/market-data-core";
import { z } from "zod";

const DEFAULT_EXCHANGES = ["Binance", "OKX", "Bybit"];
/** The majors and large caps of the default rules. */
const DEFAULT_COINS = ["BTC", "ETH", "SOL", "BNB", "XRP", "ADA", "DOGE", "AVAX", "DOT"];

/** One `futures_trades` subscription target. */
export interface WatchEntry {
  exchange: string;
  pair: string;
}

/**
 * WORKER_WATCHLIST entries: a coin (`BTC`, watched as `{COIN}USDT` on Binance, OKX and Bybit) or an
 * explicit `Exchange_PAIR` (`Bybit_SOLUSDT`), the channel's own spelling.
 */
export function expandWatchlist(entries: readonly string[]): WatchEntry[] {
  const out = new Map<string, WatchEntry>();
  for (const raw of entries) {
    const sep = raw.indexOf("_");
    const list =
      sep > 0
        ? [{ exchange: raw.slice(0, sep), pair: raw.slice(sep + 1).toUpperCase() }]
        : DEFAULT_EXCHANGES.map((exchange) => ({ exchange, pair: `${raw.toUpperCase()}USDT` }));
    for (const e of list) out.set(`${e.exchange}_${e.pair}`, e);
  }
  return [...out.values()];
}

export const workerEnvSchema = commonEnvSchema.extend({
  WORKER_PORT: z.coerce.number().int().min(0).max(65535).default(8081),
  WORKER_HOST: z.string().default("127.0.0.1"),
  ALERT_RULES_FILE: z.string().optional(),
  WORKER_WATCHLIST: csv
    .pipe(
      z
        .array(z.string().regex(/^[A-Za-z0-9]+(_[A-Za-z0-9-]+)?$/, "entries are COIN or Exchange_PAIR"))
        .min(1),
    )
    .default(DEFAULT_COINS),
  /** `minVol` of the trade channels: smaller trades are not sent at all. */
  WORKER_TRADE_MIN_USD: z.coerce.number().nonnegative().default(10_000),
  /** Leader lease; a standby takes over at most TTL + renew interval after the leader dies. */
  WORKER_LEASE_TTL_MS: z.coerce.number().int().min(100).default(6_000),
  /** Stream + detectors in a worker thread; publishing stays responsive under a flood. */
  WORKER_INGEST_THREAD: bool.default(true),
  /** Personal rules: seconds between source reads (one call per source per round). */
  RULES_POLL_S: z.coerce.number().int().min(5).max(3600).default(30),
  /** Personal rules: Hyperliquid wallets read per round at most (one call each). */
  RULES_MAX_WALLETS: z.coerce.number().int().min(0).max(200).default(20),
});

export type WorkerEnv = z.infer<typeof workerEnvSchema>;

/** What `startAlertWorker` needs from the environment (everything else comes as deps). */
export interface WorkerConfig {
  port: number;
  host: string;
  rulesFile: string | undefined;
  watchlist: WatchEntry[];
  tradeMinUsd: number;
  leaseTtlMs: number;
  /** Redis key prefix of the lease and the worker's own keys. */
  keyPrefix: string;
  /**
   * Run the stream and the detectors in a worker thread (default in the worker process), so a
   * flood of frames cannot delay publishing. Off: everything in the caller's thread.
   */
  ingestThread?: boolean;
  /** Personal rules (issue 15): source read cadence and the per-round wallet bound. */
  personalRules?: { cadenceMs: number; maxWallets: number };
}

export function loadWorkerConfig(env: Record<string, string | undefined>): {
  env: WorkerEnv;
  config: WorkerConfig;
} {
  const e = parseEnv(workerEnvSchema, env);
  return {
    env: e,
    config: {
      port: e.WORKER_PORT,
      host: e.WORKER_HOST,
      rulesFile: e.ALERT_RULES_FILE,
      watchlist: expandWatchlist(e.WORKER_WATCHLIST),
      tradeMinUsd: e.WORKER_TRADE_MIN_USD,
      leaseTtlMs: e.WORKER_LEASE_TTL_MS,
      keyPrefix: "teleglas:",
      ingestThread: e.WORKER_INGEST_THREAD,
      personalRules: { cadenceMs: e.RULES_POLL_S * 1000, maxWallets: e.RULES_MAX_WALLETS },
    },
  };
}
