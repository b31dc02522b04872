import type { CoinGlassPlan } from "../config/env.js";
import type { UpstreamOutcome } from "./errors.js";

/**
 * Who is waiting for a call: `interactive` (a person, e.g. a bot command or an API request) is
 * admitted by the upstream quota ahead of `background` (pollers, warmers).
 */
export type Lane = "interactive" | "background";

/** Options every market service and client function accepts as its last argument. */
export interface CallOptions {
  /** Default `interactive`. */
  lane?: Lane;
}

/** How fresh a result is and which parts CoinGlass did not give. */
export interface ResultMeta {
  /** True when every upstream part came from the cache rather than a call made for this request. */
  cached: boolean;
  /** True when at least one part is older than its TTL (served because the upstream failed or while refreshing). */
  stale: boolean;
  /** Age in milliseconds of the oldest part used. */
  ageMs: number;
  /**
   * Dotted paths of the parts that are `null` because CoinGlass did not give them (plan lacks the
   * endpoint, upstream error, field absent), e.g. `"rsi"`, `"price.high24hUsd"`. Never filled with 0.
   */
  missing: string[];
}

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
  stale: boolean;
  ageMs: number;
}

/** Counters the apps show on /status, /info and /metrics. */
export interface CoreStats {
  plan: CoinGlassPlan;
  quota: {
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
  | { type: "stale_served"; key: string; ageMs: number; error: string }
  | { type: "cache_error"; key: string; error: string }
  /** An upstream payload did not match its raw schema (the mapper still read what was there). */
  | { type: "schema_mismatch"; endpoint: string; issue: string }
  /**
   * CoinGlass sent a value no market can have (negative price or OI, RSI or fear & greed outside
   * 0–100, ±1e308, non-finite); it was treated as missing. Emitted once per endpoint and field.
   */
  | { type: "implausible_value"; endpoint: string; field: string; value: string };
