import { z } from "zod";

/** A configuration value that stops the process at start; the message names the variable. */
export class ConfigError extends Error {
  override name = "ConfigError";
  constructor(
    readonly variable: string,
    reason: string,
  ) {
    super(`Invalid configuration: ${variable} ${reason}`);
  }
}

/**
 * A failed `listen` as the error an operator can act on: a port already in use becomes a
 * ConfigError naming the variable that moves it; any other error is returned as it is.
 */
export function listenError(error: unknown, variable: string, port: number, host: string): unknown {
  if ((error as { code?: unknown } | null)?.code !== "EADDRINUSE") return error;
  return new ConfigError(
    variable,
    `= ${port}, but that port is already in use on ${host}: stop what listens there or set ${variable} to a free port`,
  );
}

/**
 * Parse an environment object with a zod schema whose keys are variable names.
 * Empty strings count as unset, so `FOO=` in an env file falls back to the default.
 * Values are never echoed back: a variable may hold a secret.
 */
export function parseEnv<S extends z.ZodObject>(
  schema: S,
  env: Record<string, string | undefined>,
): z.infer<S> {
  const cleaned: Record<string, string> = {};
  for (const [key, value] of Object.entries(env)) {
    if (value !== undefined && value.trim() !== "") cleaned[key] = value.trim();
  }
  const result = schema.safeParse(cleaned);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const variable = String(issue?.path[0] ?? "environment");
  throw new ConfigError(variable, issue?.message ? `is invalid: ${issue.message}` : "is invalid");
}

/** A comma-separated list variable (`a,b, c`) as a trimmed string array. */
export const csv = z.string().transform((s) =>
  s
    .split(",")
    .map((part) => part.trim())
    .filter((part) => part.length > 0),
);

/** `true/false/1/0/yes/no` as a boolean. */
export const bool = z.string().transform((s, ctx) => {
  const v = s.toLowerCase();
  if (["true", "1", "yes", "on"].includes(v)) return true;
  if (["false", "0", "no", "off"].includes(v)) return false;
  ctx.addIssue({ code: "custom", message: "must be true or false" });
  return z.NEVER;
});

export const COINGLASS_PLANS = ["hobbyist", "startup", "standard", "professional"] as const;
export type CoinGlassPlan = (typeof COINGLASS_PLANS)[number];

/** The variables every process shares (design.md). */
export const commonEnvSchema = z.object({
  COINGLASS_API_KEY: z.string().optional(),
  COINGLASS_BASE_URL: z.url().default("https://open-api-v4.coinglass.com"),
  COINGLASS_WS_URL: z.url().default("wss://open-ws.coinglass.com/ws-api"),
  COINGLASS_PLAN: z.enum(COINGLASS_PLANS).default("standard"),
  REDIS_URL: z.url().optional(),
  /** Longest a person waits for one answer (API request, bot command), retries included. */
  REQUEST_DEADLINE_MS: z.coerce.number().int().min(1_000).max(60_000).default(8_000),
  /** Share of the CoinGlass budget this process uses alone while Redis is down (3 processes share one key). */
  COINGLASS_QUOTA_FALLBACK_SHARE: z.coerce
    .number()
    .gt(0)
    .max(1)
    .default(1 / 3),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
});
export type CommonEnv = z.infer<typeof commonEnvSchema>;
