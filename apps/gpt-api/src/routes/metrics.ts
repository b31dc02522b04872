import type { FastifyInstance } from "fastify";
import { Counter, collectDefaultMetrics, Gauge, Registry } from "prom-client";
import { z } from "zod";
import type { ApiDeps } from "../deps.js";
import { ERROR_RESPONSES } from "../schemas/envelope.js";

/**
 * Prometheus metrics on a registry of this app (several apps can live in one process): requests
 * by route and status, and the core's quota, cache and upstream counters read at scrape time.
 */
export function createMetrics(deps: ApiDeps) {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "gpt_api_" });
  // Counted in plain maps on the hot path and copied into the counter at scrape time: a labelled
  // inc() per request hashes its labels, which showed up in the hot path's profile.
  const counts = new Map<string, Map<number, number>>();
  new Counter({
    name: "gpt_api_requests_total",
    help: "HTTP requests answered, by route and status code.",
    labelNames: ["route", "status"] as const,
    registers: [registry],
    collect() {
      this.reset();
      for (const [route, byStatus] of counts) {
        for (const [status, n] of byStatus) this.inc({ route, status }, n);
      }
    },
  });
  /** A counter function for one route, resolved once when the route is registered. */
  const requestCounter = (route: string) => {
    let byStatus = counts.get(route);
    if (byStatus === undefined) {
      byStatus = new Map();
      counts.set(route, byStatus);
    }
    const map = byStatus;
    return (status: number) => map.set(status, (map.get(status) ?? 0) + 1);
  };
  const gauge = (name: string, help: string, read: () => number) =>
    new Gauge({
      name,
      help,
      registers: [registry],
      collect() {
        this.set(read());
      },
    });
  gauge(
    "teleglas_upstream_calls",
    "CoinGlass requests sent by this process.",
    () => deps.core.stats().upstream.calls,
  );
  gauge(
    "teleglas_upstream_errors",
    "CoinGlass requests that failed.",
    () => deps.core.stats().upstream.errors,
  );
  gauge(
    "teleglas_quota_used_last_minute",
    "Upstream quota used in the last minute.",
    () => deps.core.stats().quota.usedLastMinute,
  );
  gauge(
    "teleglas_quota_limit_per_minute",
    "Upstream quota of the plan per minute.",
    () => deps.core.stats().quota.limitPerMinute,
  );
  gauge("teleglas_cache_hit_rate", "Core cache hit rate (0..1).", () => deps.core.stats().cache.hitRate);
  return { registry, requestCounter };
}

export type Metrics = ReturnType<typeof createMetrics>;

export function registerMetrics(app: FastifyInstance, metrics: Metrics): void {
  app.get(
    "/metrics",
    {
      schema: {
        operationId: "getMetrics",
        summary: "Prometheus metrics",
        description:
          "Request counters, the CoinGlass quota and cache counters in the Prometheus text format.",
        tags: ["service"],
        security: [{ bearerAuth: [] }],
        produces: ["text/plain"],
        response: {
          200: z.string().meta({ description: "Prometheus text exposition format." }),
          ...ERROR_RESPONSES,
        },
      },
    },
    async (_request, reply) => {
      reply.type(metrics.registry.contentType);
      return metrics.registry.metrics();
    },
  );
}
