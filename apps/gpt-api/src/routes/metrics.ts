import { createProcessMetrics, mirroredCounter, readGauge, seriesHistogram } from "@teleglas/metrics";
import type { FastifyInstance } from "fastify";
import { Counter, type Registry } from "prom-client";
import { z } from "zod";
import type { ApiDeps } from "../deps.js";
import { ERROR_RESPONSES } from "../schemas/envelope.js";

/**
 * The API's Prometheus metrics, added to the process registry main.ts made (with the upstream
 * metrics in it); a test's app gets a registry of its own. Labels are bounded: `route` is the
 * registered route pattern (or "unmatched"), `status` an HTTP code, `tool` an operation id.
 */
export function createMetrics(deps: ApiDeps) {
  const registry: Registry = deps.registry ?? createProcessMetrics(deps.core).registry;
  // Counted in plain maps on the hot path and copied into the counter at scrape time: a labelled
  // inc() per request hashes its labels, which showed up in the hot path's profile.
  const counts = new Map<string, Map<number, number>>();
  new Counter({
    name: "teleglas_api_requests_total",
    help: "HTTP requests answered, by route pattern and status code",
    labelNames: ["route", "status"] as const,
    registers: [registry],
    collect() {
      this.reset();
      for (const [route, byStatus] of counts) {
        for (const [status, n] of byStatus) this.inc({ route, status }, n);
      }
    },
  });
  mirroredCounter(
    registry,
    "teleglas_api_rate_limited_total",
    "Requests refused with 429 (a key's rate limit or too many open streams)",
    () => {
      let n = 0;
      for (const byStatus of counts.values()) n += byStatus.get(429) ?? 0;
      return n;
    },
  );
  // One observation per request: series resolved once per route (seriesHistogram's why).
  const duration = seriesHistogram(registry, {
    name: "teleglas_api_request_duration_seconds",
    help: "Time from request received to response sent, by route pattern",
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  });
  const tools = new Counter({
    name: "teleglas_api_mcp_tool_calls_total",
    help: "MCP tool calls, by tool and outcome (ok, error)",
    labelNames: ["tool", "outcome"] as const,
    registers: [registry],
  });
  let openStreams: () => number = () => 0;
  readGauge(registry, "teleglas_api_alert_streams_open", "Alert event streams (SSE) open now", () =>
    openStreams(),
  );

  /** A counter function for one route, resolved once when the route is registered. */
  const requestCounter = (route: string) => {
    let byStatus = counts.get(route);
    if (byStatus === undefined) {
      byStatus = new Map();
      counts.set(route, byStatus);
    }
    const map = byStatus;
    const observe = duration.series({ route });
    return (status: number, ms: number) => {
      map.set(status, (map.get(status) ?? 0) + 1);
      observe(ms / 1000);
    };
  };
  return {
    registry,
    requestCounter,
    toolCalled: (tool: string, ok: boolean) => tools.inc({ tool, outcome: ok ? "ok" : "error" }),
    watchStreams(read: () => number) {
      openStreams = read;
    },
  };
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
          "Request counters and latency, the CoinGlass quota, upstream and cache metrics and process metrics in the Prometheus text format.",
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
