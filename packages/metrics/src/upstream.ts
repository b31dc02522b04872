import type { CoreEvent, MarketDataCore } from "@teleglas/market-data-core";
import { Counter, Histogram, type Registry } from "prom-client";
import { mirroredCounter, readGauge } from "./registry.js";

/** The upstream (CoinGlass) metrics of one process: what its core did, from the core's events. */
export interface UpstreamMetrics {
  /** Pass as the core's `onEvent` (or call from it). */
  onCoreEvent(e: CoreEvent): void;
  /** Quota and cache gauges read from this core at each scrape. */
  watch(core: Pick<MarketDataCore, "stats">): void;
}

/**
 * Core emits events and keeps counters; it does not measure (house rule: core emits, apps
 * measure). This turns them into `teleglas_upstream_*` and `teleglas_cache_*` series. Labels are
 * bounded: `endpoint` is one of the client's fixed CoinGlass paths, `outcome` one of a few words.
 */
export function createUpstreamMetrics(registry: Registry): UpstreamMetrics {
  const requests = new Counter({
    name: "teleglas_upstream_requests_total",
    help: "CoinGlass HTTP requests sent, by endpoint and outcome (ok, rate_limited, timeout, http_error, network, api_error, plan, bad_payload)",
    labelNames: ["endpoint", "outcome"] as const,
    registers: [registry],
  });
  const duration = new Histogram({
    name: "teleglas_upstream_request_duration_seconds",
    help: "CoinGlass request time, answered or failed, by endpoint",
    labelNames: ["endpoint"] as const,
    buckets: [0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const rateLimited = new Counter({
    name: "teleglas_upstream_rate_limited_total",
    help: "CoinGlass answers that said too many requests (HTTP 429 or body code 429)",
    registers: [registry],
  });
  let core: Pick<MarketDataCore, "stats"> | null = null;
  const stats = () => core?.stats() ?? null;
  readGauge(
    registry,
    "teleglas_upstream_quota_used",
    "CoinGlass requests counted in the current quota window (shared across processes with Redis)",
    () => stats()?.quota.usedLastMinute ?? null,
  );
  readGauge(
    registry,
    "teleglas_upstream_quota_limit",
    "CoinGlass requests the plan allows per quota window",
    () => stats()?.quota.limitPerMinute ?? null,
  );
  mirroredCounter(
    registry,
    "teleglas_cache_hits_total",
    "Market cache lookups answered from the cache",
    () => stats()?.cache.hits ?? 0,
  );
  mirroredCounter(
    registry,
    "teleglas_cache_misses_total",
    "Market cache lookups that went to CoinGlass",
    () => stats()?.cache.misses ?? 0,
  );
  mirroredCounter(
    registry,
    "teleglas_cache_stale_served_total",
    "Answers served from an expired cache entry because CoinGlass failed",
    () => stats()?.cache.staleServed ?? 0,
  );
  return {
    onCoreEvent(e) {
      if (e.type === "upstream") {
        requests.inc({ endpoint: e.endpoint, outcome: "ok" });
        duration.observe({ endpoint: e.endpoint }, e.ms / 1000);
      } else if (e.type === "upstream_error") {
        requests.inc({ endpoint: e.endpoint, outcome: e.outcome });
        duration.observe({ endpoint: e.endpoint }, e.ms / 1000);
        if (e.outcome === "rate_limited") rateLimited.inc();
      }
    },
    watch(c) {
      core = c;
    },
  };
}
