import type { OpenAPIV3_1 } from "openapi-types";
import type { ErrorBody } from "../http/envelope.js";

type Example = { summary: string; error: ErrorBody };

/**
 * What each error status looks like, word for word as the API sends it (tests compare them with
 * real answers). Shown per status in the OpenAPI document instead of one example for all.
 */
export const ERROR_EXAMPLES: Record<string, { name: string; description: string; examples: Example[] }> = {
  "400": {
    name: "BadRequest",
    description: "UNKNOWN_SYMBOL or INVALID_PARAM.",
    examples: [
      {
        summary: "Unknown symbol",
        error: {
          code: "UNKNOWN_SYMBOL",
          message: 'Unknown symbol "BTX".',
          hint: "Did you mean BTC, STX, BCH? GET /symbols lists every supported coin.",
          suggestions: ["BTC", "STX", "BCH"],
        },
      },
      {
        summary: "Invalid parameter",
        error: { code: "INVALID_PARAM", message: "symbol is required, e.g. BTC.", param: "symbol" },
      },
    ],
  },
  "401": {
    name: "Unauthorized",
    description: "UNAUTHORIZED: missing or wrong bearer key.",
    examples: [
      {
        summary: "No key",
        error: {
          code: "UNAUTHORIZED",
          message: "A bearer API key is required.",
          hint: "Send Authorization: Bearer <key>.",
        },
      },
    ],
  },
  "403": {
    name: "Forbidden",
    description: "FORBIDDEN_IP or PLAN_REQUIRED.",
    examples: [
      {
        summary: "Address not allowed",
        error: {
          code: "FORBIDDEN_IP",
          message: "This address is not allowed.",
          hint: "Ask the operator to add it to the allowlist.",
        },
      },
      {
        summary: "CoinGlass plan too low",
        error: {
          code: "PLAN_REQUIRED",
          message:
            "The CoinGlass plan of this server (hobbyist) does not include this data. It needs the CoinGlass startup plan or above.",
          hint: "GET /info lists what this server's plan includes; ask the operator to upgrade.",
        },
      },
    ],
  },
  "429": {
    name: "TooManyRequests",
    description: "RATE_LIMITED: see Retry-After.",
    examples: [
      {
        summary: "Per-key limit reached",
        error: {
          code: "RATE_LIMITED",
          message: "Rate limit of 120 requests per 60 s reached.",
          hint: "Retry in 42 s.",
        },
      },
    ],
  },
  "500": {
    name: "InternalError",
    description: "INTERNAL.",
    examples: [
      {
        summary: "Unexpected failure",
        error: { code: "INTERNAL", message: "Internal error.", hint: "The error was logged; retry later." },
      },
    ],
  },
  "503": {
    name: "ServiceUnavailable",
    description: "UPSTREAM_UNAVAILABLE: no fresh or stale data.",
    examples: [
      {
        summary: "CoinGlass failed, nothing cached",
        error: {
          code: "UPSTREAM_UNAVAILABLE",
          message: "Market data is temporarily unavailable and nothing is cached.",
          hint: "Retry in a few seconds.",
        },
      },
    ],
  },
};

const TIMESTAMP = "2026-01-01T00:00:00.000Z";
const ERROR_REF = { $ref: "#/components/schemas/Error" };

/**
 * The OpenAPI document with one shared response per error status (`components.responses`, each
 * with its own examples) referenced by every operation, in place of an inline copy per operation.
 */
export function withErrorResponses<T extends object>(doc: T): T {
  const d = doc as OpenAPIV3_1.Document;
  const responses: Record<string, OpenAPIV3_1.ResponseObject> = {};
  for (const { name, description, examples } of Object.values(ERROR_EXAMPLES)) {
    responses[name] = {
      description,
      content: {
        "application/json": {
          schema: ERROR_REF,
          examples: Object.fromEntries(
            examples.map((e) => [
              e.error.code,
              { summary: e.summary, value: { success: false, timestamp: TIMESTAMP, error: e.error } },
            ]),
          ),
        },
      },
    };
  }
  for (const item of Object.values(d.paths ?? {})) {
    for (const op of Object.values(item ?? {})) {
      const r = (op as OpenAPIV3_1.OperationObject | undefined)?.responses;
      if (r === undefined || typeof r !== "object") continue;
      for (const status of Object.keys(r)) {
        const shared = ERROR_EXAMPLES[status];
        if (shared !== undefined) r[status] = { $ref: `#/components/responses/${shared.name}` };
      }
    }
  }
  d.components = { ...d.components, responses: { ...d.components?.responses, ...responses } };
  return doc;
}
