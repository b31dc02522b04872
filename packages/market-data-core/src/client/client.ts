import type { z } from "zod";
import type { CachePolicy, MarketCache } from "../cache/types.js";
import { RAW_DATA_SCHEMAS } from "../coinglass/raw/index.js";
import type { CoinGlassPlan } from "../config/env.js";
import { InvalidAnswerError } from "../models/errors.js";
import type { Cached, CallOptions, CoreEvent, Lane } from "../models/result.js";
import type { Quota } from "../quota/types.js";
import { table } from "./endpoints.js";
import { createTransport, type RetryOptions } from "./http.js";
import { REFERENCE_ENDPOINTS } from "./limits.js";
import { dropImplausible } from "./plausible.js";
import { type Mapper, type Params, unavailable } from "./requests.js";
import type { CoinGlassClient } from "./types.js";

/** Options of `createCoinGlassClient`. */
export interface CoinGlassClientOptions {
  apiKey: string;
  baseUrl: string;
  plan: CoinGlassPlan;
  /** Per request, default 10,000 ms. */
  timeoutMs?: number;
  retry?: RetryOptions;
  /** Longest wait for the upstream budget per lane (default 30 s interactive, 120 s background). */
  queueTimeoutMs?: Partial<Record<Lane, number>>;
  cache: MarketCache;
  quota: Quota;
  /** Swap the HTTP layer; default undici on a keep-alive Agent. */
  fetch?: typeof fetch;
  /** Multiply fresh TTLs and stale-while-revalidate windows (tests and benchmarks shrink them). */
  ttlScale?: number;
  onEvent?: (e: CoreEvent) => void;
}

/**
 * The CoinGlass v4 client: one `fetchX` per endpoint, each cached per (endpoint, params),
 * coalesced, admitted by the shared quota, retried on transient failures, and mapped to domain
 * models. The key is only ever sent as the `CG-API-KEY` header.
 */
export function createCoinGlassClient(opts: CoinGlassClientOptions): CoinGlassClient {
  const http = createTransport(opts);
  const scale = opts.ttlScale ?? 1;
  const scaled = (p: CachePolicy): CachePolicy =>
    scale === 1 ? p : { ...p, ttlMs: p.ttlMs * scale, swrMs: (p.swrMs ?? 0) * scale };

  /**
   * Check the payload against the raw schema (numeric strings coerced). On a mismatch the
   * tolerant mapper still reads what is there (absent fields become null) and the drift is
   * reported as an event rather than failing the whole endpoint over one field.
   */
  function validate(endpoint: string, data: unknown): unknown {
    const schema = (RAW_DATA_SCHEMAS as Record<string, z.ZodType>)[endpoint];
    if (!schema) return data;
    const parsed = schema.safeParse(data);
    if (parsed.success) return parsed.data;
    const issue = parsed.error.issues[0];
    opts.onEvent?.({
      type: "schema_mismatch",
      endpoint,
      issue: `${issue?.path.join(".") ?? ""}: ${issue?.message ?? "invalid"}`,
    });
    return data;
  }

  /** Reports each impossible upstream field once per endpoint (bounded), not on every fetch. */
  const flagged = new Set<string>();
  const flag = (endpoint: string) => (field: string, value: string) => {
    const id = `${endpoint}|${field}`;
    if (flagged.has(id) || flagged.size >= 1000) return;
    flagged.add(id);
    opts.onEvent?.({ type: "implausible_value", endpoint, field, value });
  };

  /**
   * Map a payload. A shape the mapper cannot read is a failed answer (stale value or 503), and so is
   * an empty reference list (coins, exchanges, pairs): the last good list stays in use rather than
   * every symbol becoming unknown.
   */
  function mapAnswer<T>(endpoint: string, data: unknown, map: Mapper<T>): T {
    let value: T;
    try {
      value = map(dropImplausible(endpoint, validate(endpoint, data), flag(endpoint)), endpoint);
    } catch (error) {
      opts.onEvent?.({ type: "upstream_rejected", endpoint, reason: "malformed" });
      throw new InvalidAnswerError(
        endpoint,
        "malformed",
        error instanceof Error ? error.message : "unreadable",
      );
    }
    if (REFERENCE_ENDPOINTS.has(endpoint) && Array.isArray(value) && value.length === 0) {
      opts.onEvent?.({ type: "upstream_rejected", endpoint, reason: "empty" });
      throw new InvalidAnswerError(endpoint, "empty", "the list is empty");
    }
    return value;
  }

  function request<T>(
    endpoint: string,
    params: Params,
    policy: CachePolicy,
    map: Mapper<T>,
    o?: CallOptions,
  ) {
    const key = `${endpoint}?${Object.entries(params)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([k, v]) => `${k}=${v}`)
      .join("&")}`;
    const lane = o?.lane ?? "interactive";
    const deadlineAt = o?.deadlineAt;
    return opts.cache
      .get(
        key,
        scaled(policy),
        async () => mapAnswer(endpoint, await http.get(endpoint, params, lane, deadlineAt), map),
        deadlineAt === undefined ? { lane } : { lane, deadlineAt },
      )
      .catch((error: unknown) => {
        throw unavailable(endpoint, error);
      }) as Promise<Cached<T>>;
  }

  /** The client whose calls default to `base` (e.g. one request's deadline). */
  const endpoints = (base: CallOptions): CoinGlassClient => ({
    ...table((endpoint, params, policy, map, o) =>
      request(endpoint, params, policy, map, o ? { ...base, ...o } : base),
    ),
    plan: opts.plan,
    with: (defaults) => endpoints({ ...base, ...defaults }),
    stats: () => http.stats(),
    close: () => http.close(),
  });
  return endpoints({});
}
