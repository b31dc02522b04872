import { z } from "zod";
import { ERROR_CODES } from "../http/errors.js";

export const MetaSchema = z
  .object({
    cached: z
      .boolean()
      .meta({ description: "True when every part came from the cache rather than a fresh CoinGlass call." }),
    stale: z.boolean().meta({
      description:
        "True only when a part was served because CoinGlass failed, timed out or refused (see stale_reason). Data within its refresh interval is not stale, however old age_ms says it is.",
    }),
    stale_reason: z
      .enum(["timeout", "upstream_error", "quota", "plan", "bad_answer"])
      .nullable()
      .meta({
        description:
          "Why the data is stale: timeout (CoinGlass did not answer in time), upstream_error (HTTP 5xx or network), quota (request limit reached), plan (not in the CoinGlass plan), bad_answer (oversize or invalid answer). Null when not stale.",
        examples: [null],
      }),
    age_ms: z.number().meta({ description: "Age of the oldest part, in milliseconds.", examples: [1200] }),
    as_of: z.string().meta({
      description: "When CoinGlass gave the oldest part, ISO 8601 UTC (response time minus age_ms).",
      examples: ["2026-01-01T00:00:00.000Z"],
    }),
    missing: z.array(z.string()).meta({
      description: "Dotted paths of fields that are null because CoinGlass did not give them.",
      examples: [["rsi.1w"]],
    }),
  })
  .meta({ id: "Meta", description: "Freshness of the data." });

const timestamp = z
  .string()
  .meta({ description: "Response time, ISO 8601 UTC.", examples: ["2026-01-01T00:00:00.000Z"] });

/** `{ success: true, timestamp, symbol?, data, meta }`. */
export function successEnvelope<T extends z.ZodType>(data: T, withSymbol: boolean) {
  const base = { success: z.literal(true), timestamp };
  const symbol = { symbol: z.string().meta({ description: "Resolved coin symbol.", examples: ["BTC"] }) };
  return z
    .object({ ...base, ...(withSymbol ? symbol : {}), data, meta: MetaSchema })
    .meta({ description: "Success: `data`, with its freshness in `meta`." });
}

export const ErrorEnvelopeSchema = z
  .object({
    success: z.literal(false),
    timestamp,
    error: z.object({
      code: z
        .enum(ERROR_CODES as [string, ...string[]])
        .meta({ description: "Machine-readable error code." }),
      // No examples here: each error response shows its own (error-responses.ts).
      message: z.string().meta({ description: "What went wrong, in plain words." }),
      hint: z.string().optional().meta({ description: "What to do about it." }),
      param: z
        .string()
        .optional()
        .meta({ description: "The parameter at fault (INVALID_PARAM).", examples: ["range"] }),
      suggestions: z
        .array(z.string())
        .optional()
        .meta({ description: "Close supported symbols (UNKNOWN_SYMBOL).", examples: [["BTC"]] }),
    }),
  })
  .meta({ id: "Error", description: "Error envelope." });

const errorResponse = (description: string) => ({
  description,
  content: { "application/json": { schema: ErrorEnvelopeSchema } },
});

/** The error responses every protected data route can give. */
export const ERROR_RESPONSES = {
  400: errorResponse("UNKNOWN_SYMBOL or INVALID_PARAM."),
  401: errorResponse("UNAUTHORIZED: missing or wrong bearer key."),
  403: errorResponse("FORBIDDEN_IP or PLAN_REQUIRED."),
  429: errorResponse("RATE_LIMITED: see Retry-After."),
  500: errorResponse("INTERNAL."),
  503: errorResponse("UPSTREAM_UNAVAILABLE: no fresh or stale data."),
} as const;
