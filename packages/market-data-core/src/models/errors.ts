import { z } from "zod";

/**
 * Why a value was served stale: CoinGlass did not answer in time (`timeout`), failed (`upstream_error`:
 * HTTP 5xx, network, error code), refused (`quota`: 429 or our budget spent; `plan`), or sent an answer
 * we cannot use (`bad_answer`: oversize, malformed, an empty reference list).
 */
export const StaleReasonSchema = z.enum(["timeout", "upstream_error", "quota", "plan", "bad_answer"]);
export type StaleReason = z.infer<typeof StaleReasonSchema>;

/**
 * Typed errors of the CoinGlass client and the market services. None of them ever carries the
 * API key: messages name the endpoint path (never the URL with its query) and the upstream code.
 */

/** Base class of every error this package throws about CoinGlass data. */
export class CoinGlassError extends Error {
  override name = "CoinGlassError";
  /** The CoinGlass path involved, e.g. `/api/futures/coins-markets`, when there is one. */
  readonly endpoint: string | undefined;
  constructor(message: string, options: { endpoint?: string; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.endpoint = options.endpoint;
  }
}

/** CoinGlass answered with a non-"0" body `code` (bad parameter, bad key, missing resource …). */
export class CoinGlassApiError extends CoinGlassError {
  override name = "CoinGlassApiError";
  constructor(
    readonly code: string,
    readonly msg: string,
    endpoint: string,
  ) {
    super(`CoinGlass ${endpoint} failed: code ${code} (${msg})`, { endpoint });
  }
}

/** CoinGlass (or a proxy in front of it) answered with a non-2xx HTTP status. */
export class CoinGlassHttpError extends CoinGlassError {
  override name = "CoinGlassHttpError";
  constructor(
    readonly status: number,
    endpoint: string,
    cause?: unknown,
  ) {
    super(`CoinGlass ${endpoint} answered HTTP ${status}`, { endpoint, cause });
  }
}

/**
 * The upstream said "too many requests" (HTTP 429 or body code 429), or the local quota could
 * not admit the call in time. `retryAfterMs` is a hint when known.
 */
export class RateLimitError extends CoinGlassError {
  override name = "RateLimitError";
  constructor(
    endpoint: string | undefined,
    readonly retryAfterMs: number | null = null,
    reason = "rate limit reached",
  ) {
    super(`CoinGlass ${endpoint ?? "request"}: ${reason}`, endpoint === undefined ? {} : { endpoint });
  }
}

/** The key's plan does not include this endpoint (or this interval / history depth). */
export class PlanError extends CoinGlassError {
  override name = "PlanError";
  constructor(
    endpoint: string,
    /** The lowest plan known to include the endpoint, or null when CoinGlass did not say. */
    readonly requiredPlan: string | null,
    /** The plan this process was configured with. */
    readonly plan: string,
  ) {
    super(
      `CoinGlass ${endpoint} is not available on the ${plan} plan${requiredPlan ? `; it needs ${requiredPlan} or above` : ""}`,
      { endpoint },
    );
  }
}

/** No answer within the configured timeout. */
export class TimeoutError extends CoinGlassError {
  override name = "TimeoutError";
  constructor(
    endpoint: string,
    readonly timeoutMs: number,
  ) {
    super(`CoinGlass ${endpoint} timed out after ${timeoutMs} ms`, { endpoint });
  }
}

/**
 * CoinGlass answered, but not with something usable: bigger than the endpoint's size cap, or a
 * reference list (supported coins, exchanges, pairs) that is empty or malformed. Treated like an
 * upstream failure (stale value or 503), never as data.
 */
export class InvalidAnswerError extends CoinGlassError {
  override name = "InvalidAnswerError";
  constructor(
    endpoint: string,
    readonly reason: "oversize" | "empty" | "malformed",
    detail: string,
  ) {
    super(`CoinGlass ${endpoint} sent an unusable answer: ${detail}`, { endpoint });
  }
}

/** The upstream failed and there is no cached value (fresh or stale within bounds) to serve. */
export class UpstreamUnavailableError extends CoinGlassError {
  override name = "UpstreamUnavailableError";
  constructor(endpoint: string, cause?: unknown) {
    const why = cause instanceof Error ? `: ${cause.message}` : "";
    super(`CoinGlass ${endpoint} is unavailable and nothing is cached${why}`, { endpoint, cause });
  }
}

/** What someone typed is not a coin CoinGlass supports. */
export class UnknownSymbolError extends CoinGlassError {
  override name = "UnknownSymbolError";
  constructor(
    readonly input: string,
    /** Up to 3 supported coins close to the input, best first. */
    readonly suggestions: string[],
  ) {
    super(
      `Unknown symbol "${input}"${suggestions.length > 0 ? `; did you mean ${suggestions.join(", ")}?` : ""}`,
    );
  }
}

/** Why a value served instead of a fresh one is stale, from the error that stopped the refresh. */
export function staleReasonOf(error: unknown): StaleReason {
  if (error instanceof UpstreamUnavailableError && error.cause !== undefined)
    return staleReasonOf(error.cause);
  if (error instanceof TimeoutError) return "timeout";
  if (error instanceof RateLimitError) return "quota";
  if (error instanceof PlanError) return "plan";
  if (error instanceof InvalidAnswerError) return "bad_answer";
  return "upstream_error";
}

/** How an upstream call ended, in a few fixed words (metrics label them; never a message). */
export type UpstreamOutcome =
  | "ok"
  | "rate_limited"
  | "timeout"
  | "http_error"
  | "network"
  | "api_error"
  | "plan"
  | "bad_payload";

/** The outcome word of an error thrown by one upstream call. */
export function upstreamOutcome(error: unknown): Exclude<UpstreamOutcome, "ok"> {
  if (error instanceof RateLimitError) return "rate_limited";
  if (error instanceof TimeoutError) return "timeout";
  if (error instanceof CoinGlassHttpError) return error.status === 0 ? "network" : "http_error";
  if (error instanceof PlanError) return "plan";
  if (error instanceof CoinGlassApiError) return "api_error";
  return "bad_payload";
}
