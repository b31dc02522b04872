import { ConfigError, commonEnvSchema, csv, parseEnv } from "@teleglas/market-data-core";
import { z } from "zod";

const ids = csv.pipe(
  z.array(
    z
      .string()
      .regex(/^-?\d+$/, "expected numeric ids")
      .transform(Number),
  ),
);

export const botEnvSchema = commonEnvSchema.extend({
  TELEGRAM_BOT_TOKEN: z
    .string()
    .regex(/^\d+:[\w-]+$/, "expected <digits>:<secret>")
    .optional(),
  TELEGRAM_API_ROOT: z.url().default("https://api.telegram.org"),
  /** `*` or a comma list of user ids. */
  TELEGRAM_ALLOWED_USERS: z
    .string()
    .default("*")
    .transform((s, ctx) => {
      if (s.trim() === "*") return "*" as const;
      const list = s
        .split(",")
        .map((x) => x.trim())
        .filter(Boolean)
        .map(Number);
      if (list.some((n) => !Number.isInteger(n))) {
        ctx.addIssue({ code: "custom", message: "must be * or a comma list of user ids" });
        return z.NEVER;
      }
      return list;
    }),
  TELEGRAM_ADMIN_IDS: ids.default([]),
  TELEGRAM_ALERT_CHAT_IDS: ids.default([]),
  TELEGRAM_WEBHOOK_URL: z.url().optional(),
  TELEGRAM_WEBHOOK_SECRET: z
    .string()
    .regex(/^[A-Za-z0-9_-]{16,256}$/, "16-256 characters of A-Z a-z 0-9 _ - (e.g. openssl rand -hex 32)")
    .optional(),
  /** Where the webhook server listens (behind the proxy that terminates HTTPS). */
  TELEGRAM_WEBHOOK_PORT: z.coerce.number().int().min(0).max(65535).default(8082),
  TELEGRAM_WEBHOOK_HOST: z.string().default("127.0.0.1"),
  /** Messages per second across every bot process (Telegram allows about 30). */
  BOT_GLOBAL_RATE: z.coerce.number().positive().max(1000).default(25),
  /** Commands per user per 10 s before the polite "slow down" reply. */
  BOT_USER_RATE: z.coerce.number().int().positive().default(8),
  /** The worker's /health, shown on /status. */
  WORKER_HEALTH_URL: z.url().optional(),
  WORKER_PORT: z.coerce.number().int().min(0).max(65535).default(8081),
  /** Prometheus /metrics of the bot on a port of its own; unset = off. */
  BOT_METRICS_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  BOT_METRICS_HOST: z.string().default("127.0.0.1"),
  /** Personal alerts (/alert) one chat may have; the next one is refused with a plain message. */
  PERSONAL_ALERTS_PER_CHAT: z.coerce.number().int().min(1).max(1000).default(50),
});

/** Everything the bot needs from the environment. */
export interface BotConfig {
  token: string | undefined;
  apiRoot: string;
  allowedUsers: "*" | number[];
  adminIds: number[];
  alertChatIds: number[];
  /** Webhook mode; its secret is always set (loadConfig refuses a webhook URL without one). */
  webhook: { url: string; secret: string; port: number; host: string } | null;
  globalRate: number;
  userRatePer10s: number;
  workerHealthUrl: string;
  /** Where /metrics listens; null = off. */
  metrics: { port: number; host: string } | null;
  redisUrl: string | undefined;
  coinglass: {
    apiKey: string | undefined;
    baseUrl: string;
    plan: z.infer<typeof botEnvSchema>["COINGLASS_PLAN"];
  };
  logLevel: z.infer<typeof botEnvSchema>["LOG_LEVEL"];
  /** Longest a command waits for its market data (ms): past it, stale data or "CoinGlass is not answering". */
  deadlineMs: number;
  /** Share of the CoinGlass budget this process uses alone while Redis is down. */
  quotaFallbackShare: number;
  /** Personal alerts one chat may have (PERSONAL_ALERTS_PER_CHAT). */
  rulesPerChat: number;
}

/** Parse the bot's environment; a bad value throws a ConfigError naming the variable. */
export function loadConfig(env: Record<string, string | undefined>): BotConfig {
  const e = parseEnv(botEnvSchema, env);
  return {
    token: e.TELEGRAM_BOT_TOKEN,
    apiRoot: e.TELEGRAM_API_ROOT,
    allowedUsers: e.TELEGRAM_ALLOWED_USERS,
    adminIds: e.TELEGRAM_ADMIN_IDS,
    alertChatIds: e.TELEGRAM_ALERT_CHAT_IDS,
    webhook: e.TELEGRAM_WEBHOOK_URL
      ? {
          url: e.TELEGRAM_WEBHOOK_URL,
          secret: requireSecret(e.TELEGRAM_WEBHOOK_SECRET),
          port: e.TELEGRAM_WEBHOOK_PORT,
          host: e.TELEGRAM_WEBHOOK_HOST,
        }
      : null,
    globalRate: e.BOT_GLOBAL_RATE,
    userRatePer10s: e.BOT_USER_RATE,
    workerHealthUrl: e.WORKER_HEALTH_URL ?? `http://127.0.0.1:${e.WORKER_PORT}/health`,
    metrics: e.BOT_METRICS_PORT === undefined ? null : { port: e.BOT_METRICS_PORT, host: e.BOT_METRICS_HOST },
    redisUrl: e.REDIS_URL,
    coinglass: { apiKey: e.COINGLASS_API_KEY, baseUrl: e.COINGLASS_BASE_URL, plan: e.COINGLASS_PLAN },
    logLevel: e.LOG_LEVEL,
    deadlineMs: e.REQUEST_DEADLINE_MS,
    quotaFallbackShare: e.COINGLASS_QUOTA_FALLBACK_SHARE,
    rulesPerChat: e.PERSONAL_ALERTS_PER_CHAT,
  };
}

/**
 * Webhook mode always has a secret. Refused rather than generated per start: webhook replicas
 * share one URL, and a secret made by each at start would let the last one's setWebhook lock the
 * others out.
 */
function requireSecret(secret: string | undefined): string {
  if (secret) return secret;
  throw new ConfigError(
    "TELEGRAM_WEBHOOK_SECRET",
    "is required when TELEGRAM_WEBHOOK_URL is set: Telegram sends it with every update and the bot " +
      "refuses calls without it (make one with: openssl rand -hex 32)",
  );
}
