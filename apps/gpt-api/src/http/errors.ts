import {
  CoinGlassError,
  PlanError,
  RateLimitError,
  TimeoutError,
  UnknownSymbolError,
  UpstreamUnavailableError,
} from "@teleglas/market-data-core";
import type { ErrorBody } from "./envelope.js";

/** Every error code the API answers with, and its HTTP status. */
export const ERROR_STATUS = {
  UNKNOWN_SYMBOL: 400,
  INVALID_PARAM: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN_IP: 403,
  INSUFFICIENT_SCOPE: 403,
  PLAN_REQUIRED: 403,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  UPSTREAM_UNAVAILABLE: 503,
} as const;
export type ErrorCode = keyof typeof ERROR_STATUS;
export const ERROR_CODES = Object.keys(ERROR_STATUS) as ErrorCode[];

/** An error the API reports to the client as it is (the only class of this app). */
export class ApiError extends Error {
  override name = "ApiError";
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly extra: Omit<ErrorBody, "code" | "message"> & { retryAfterS?: number } = {},
  ) {
    super(message);
    this.status = ERROR_STATUS[code];
  }

  body(): ErrorBody {
    const { retryAfterS: _r, ...rest } = this.extra;
    return { code: this.code, message: this.message, ...rest };
  }
}

/**
 * Translate anything thrown by a route or tool into what the client may see. Core errors carry no key and
 * name only the endpoint path; anything unknown becomes INTERNAL without details.
 */
export function toApiError(error: unknown, surface: "http" | "mcp" = "http"): ApiError {
  if (error instanceof ApiError) return error;
  // Hints name what the client can call: a route over HTTP, a tool over MCP.
  const mcp = surface === "mcp";
  if (error instanceof UnknownSymbolError) {
    const list = mcp
      ? "The listSymbols tool lists every supported coin."
      : "GET /symbols lists every supported coin.";
    return new ApiError("UNKNOWN_SYMBOL", `Unknown symbol "${error.input}".`, {
      hint: error.suggestions.length > 0 ? `Did you mean ${error.suggestions.join(", ")}? ${list}` : list,
      suggestions: error.suggestions,
    });
  }
  if (error instanceof PlanError) {
    const needs = error.requiredPlan ? ` It needs the CoinGlass ${error.requiredPlan} plan or above.` : "";
    return new ApiError(
      "PLAN_REQUIRED",
      `The CoinGlass plan of this server (${error.plan}) does not include this data.${needs}`,
      {
        hint: `${mcp ? "The getApiInfo tool" : "GET /info"} lists what this server's plan includes; ask the operator to upgrade.`,
      },
    );
  }
  if (error instanceof RateLimitError) {
    const retryAfterS = Math.max(1, Math.ceil((error.retryAfterMs ?? 5000) / 1000));
    return new ApiError(
      "UPSTREAM_UNAVAILABLE",
      "The upstream data budget is exhausted and nothing is cached.",
      {
        hint: `Retry in about ${retryAfterS} s.`,
        retryAfterS,
      },
    );
  }
  if (
    error instanceof UpstreamUnavailableError ||
    error instanceof TimeoutError ||
    error instanceof CoinGlassError
  ) {
    return new ApiError(
      "UPSTREAM_UNAVAILABLE",
      "Market data is temporarily unavailable and nothing is cached.",
      {
        hint: "Retry in a few seconds.",
        retryAfterS: 5,
      },
    );
  }
  return new ApiError("INTERNAL", "Internal error.", { hint: "The error was logged; retry later." });
}
