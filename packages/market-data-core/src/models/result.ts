import { z } from "zod";
import type { CoinGlassPlan } from "../config/env.js";
import { type StaleReason, StaleReasonSchema, type UpstreamOutcome } from "./errors.js";
import { msReq } from "./fields.js";

export type { StaleReason } from "./errors.js";

/**
 * Who is waiting for a call: `interactive` (a person, e.g. a bot command or an API request) is
 * admitted by the upstream quota ahead of `background` (pollers, warmers).
 */
export type Lane = "interactive" | "background";

/** Options every market service and client function accepts as its last argument. */
export interface CallOptions {
  /** Default `interactive`. */
  lane?: Lane;
  /**
   * When the caller stops waiting (epoch ms), shared by every upstream call and retry made for it.
   * Past it the answer is a stale value when there is one, else `UpstreamUnavailableError`.
   * The market services set it from their `deadlineMs` for the interactive lane.
   */
  deadlineAt?: number;
}

/**
 * How fresh a result is and which parts CoinGlass did not give. The descriptions are also the
 * API's (its envelope's `meta`, snake_cased), hence `stale_reason` and `age_ms` in them.
 */
export const ResultMetaSchema = z
  .object({
    cached: z
      .boolean()
      .meta({ description: "True when every part came from the cache rather than a fresh CoinGlass call." }),
    stale: z.boolean().meta({
      description:
        "True only when a part was served because CoinGlass failed, timed out or refused (see stale_reason). Data within its refresh interval is not stale, however old age_ms says it is.",
    }),
    /** The first stale part's reason. */
    staleReason: StaleReasonSchema.nullable().meta({
      description:
        "Why the data is stale: timeout (CoinGlass did not answer in time), upstream_error (HTTP 5xx or network), quota (request limit reached), plan (not in the CoinGlass plan), bad_answer (oversize or invalid answer). Null when not stale.",
      examples: [null],
    }),
    ageMs: z.number().meta({ description: "Age of the oldest part, in milliseconds.", examples: [1200] }),
    asOf: msReq("When CoinGlass gave the oldest part"),
    /**
     * The parts CoinGlass did not give (plan lacks the endpoint, upstream error, field absent),
     * e.g. `"rsi"`, `"price.high24hUsd"`: null, never filled with 0.
     */
    missing: z.array(z.string()).meta({
      description: "Dotted paths of fields that are null because CoinGlass did not give them.",
      examples: [["rsi.1w"]],
    }),
  })
  .meta({ description: "Freshness of the data." });
export type ResultMeta = z.infer<typeof ResultMetaSchema>;

/** Every market service answers with this envelope. */
export interface MarketResult<T> {
  /** The resolved coin (e.g. `BTC`) when the call was about one. */
  symbol?: string;
  data: T;
  meta: ResultMeta;
}

/** A value read through the cache, with its freshness. */
export interface Cached<T> {
  value: T;
  cached: boolean;
  /** Served because the upstream failed (see `staleReason`), never merely because it is old. */
  stale: boolean;
  staleReason: StaleReason | null;
  ageMs: number;
  /** When the upstream gave this value (epoch ms). */
  asOf: number;
}

/** Counters the apps show on /status, /info and /metrics. */
export interface CoreStats {
  plan: CoinGlassPlan;
  quota: {
    /** Set while Redis is down and this process admits calls on its own share of the budget. */
    fallback: { cause: string; limitPerWindow: number } | null;
    /** The plan's requests per minute. */
    limitPerMinute: number;
    /** Admitted in the last quota window (whole process group when on Redis). */
    usedLastMinute: number;
    queuedInteractive: number;
    queuedBackground: number;
  };
  cache: {
    hits: number;
    misses: number;
    /** hits / (hits + misses), 0 when nothing was asked yet. */
    hitRate: number;
    staleServed: number;
    entries: number;
  };
  upstream: {
    /** HTTP requests actually sent to CoinGlass by this process (retries included). */
    calls: number;
    errors: number;
  };
}

/** Hooks the core emits instead of logging (the apps log them). Never contains the key. */
export type CoreEvent =
  | { type: "upstream"; endpoint: string; status: number; ms: number; lane: Lane; attempt: number }
  | {
      type: "upstream_error";
      endpoint: string;
      error: string;
      /** The error in one of a few fixed words (for metrics). */
      outcome: Exclude<UpstreamOutcome, "ok">;
      ms: number;
      attempt: number;
      willRetry: boolean;
    }
  | { type: "quota_sync"; used: number; limit: number }
  | { type: "stale_served"; key: string; ageMs: number; reason: StaleReason; error: string }
  /** An answer refused before parsing (over its size cap) or after (an empty or invalid reference list). */
  | {
      type: "upstream_rejected";
      endpoint: string;
      reason: "oversize" | "empty" | "malformed";
      bytes?: number;
    }
  /** A caller's deadline passed before the upstream answered (served stale or failed). */
  | { type: "deadline_exceeded"; key: string; waitedMs: number; served: "stale" | "none" }
  /**
   * The shared quota's store (Redis) is unreachable: this process admits calls on its own share
   * of the budget until it is back (`active: false`).
   */
  | { type: "quota_fallback"; active: boolean; limitPerWindow: number; cause: string }
  | { type: "cache_error"; key: string; error: string }
  /** An upstream payload did not match its raw schema (the mapper still read what was there). */
  | { type: "schema_mismatch"; endpoint: string; issue: string }
  /**
   * CoinGlass sent a value no market can have (negative price or OI, RSI or fear & greed outside
   * 0–100, ±1e308, non-finite); it was treated as missing. Emitted once per endpoint and field.
   */
  | { type: "implausible_value"; endpoint: string; field: string; value: string };
