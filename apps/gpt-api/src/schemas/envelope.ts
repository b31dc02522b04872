import { ResultMetaSchema } from "@teleglas/market-data-core";
import { z } from "zod";
import { ERROR_CODES } from "../http/errors.js";
import { snakeObject } from "../http/snake-case.js";

/**
 * The core's result meta, snake_cased: one description of the freshness fields for the services,
 * the bot and this envelope. Only `as_of` differs: the envelope writes it as ISO 8601 text
 * (http/envelope.ts), where the core keeps epoch ms like every other time it holds.
 */
export const MetaSchema = snakeObject(ResultMetaSchema)
  .extend({
    as_of: z.string().meta({
      description: "When CoinGlass gave the oldest part, ISO 8601 UTC (response time minus age_ms).",
      examples: ["2026-01-01T00:00:00.000Z"],
    }),
  })
  .meta({ ...z.globalRegistry.get(ResultMetaSchema), id: "Meta" });

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
