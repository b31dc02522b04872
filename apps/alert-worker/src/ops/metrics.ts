import { ALERT_KINDS, type AlertKind } from "@teleglas/market-data-core";
import { mirroredCounter, readGauge } from "@teleglas/metrics";
import { Counter, Gauge, Histogram, Registry } from "prom-client";
import type { PipelineStats } from "../run/pipeline.js";

/** What the metrics read when scraped; the hot path only bumps plain numbers. */
export interface WorkerGauges {
  connected(): boolean;
  reconnects(): number;
  lastEventAgeMs(): number | null;
  leader(): boolean;
  /** Events run through the detectors since start, skipped ones, publish waits given up. */
  events(): Omit<PipelineStats, "connected" | "reconnects" | "lastMessageAt">;
}

/**
 * The worker's Prometheus metrics, added to the process registry main.ts made (a test's worker
 * gets one of its own: two workers in one test process must not share one). Event counts are plain
 * numbers kept by the pipeline, turned into counters at scrape.
 */
export function createWorkerMetrics(g: WorkerGauges, registry: Registry = new Registry()) {
  // events/s over a sliding 10 s: (count now - count 10 s ago) / elapsed.
  const rate = { at: performance.now(), total: 0, perSecond: 0, sampled: false };

  new Counter({
    name: "teleglas_worker_events_total",
    help: "Stream events received, by type",
    labelNames: ["type"],
    registers: [registry],
    collect() {
      // Mirrors the pipeline's running totals: set to them at each scrape.
      const e = g.events();
      this.reset();
      // Both series exist from the start (at 0), so "no events for 2 minutes" can be told.
      this.inc({ type: "liquidation" }, e.liquidations);
      this.inc({ type: "trade" }, e.trades);
    },
  });
  new Counter({
    name: "teleglas_worker_events_skipped_total",
    help: "Stream input skipped, by reason (malformed_frame, malformed_item, duplicate, oversize_frame: closed and reconnected)",
    labelNames: ["reason"],
    registers: [registry],
    collect() {
      const e = g.events();
      this.reset();
      this.inc({ reason: "malformed_frame" }, e.malformedFrames);
      this.inc({ reason: "malformed_item" }, e.malformedItems);
      this.inc({ reason: "duplicate" }, e.duplicates);
      this.inc({ reason: "oversize_frame" }, e.oversizeFrames);
    },
  });
  new Counter({
    name: "teleglas_worker_events_dropped_total",
    help: "Events the detectors did not take: stale (arrived too late), future (dated ahead of the clock), late (behind the window)",
    labelNames: ["reason"],
    registers: [registry],
    collect() {
      const d = g.events().dropped;
      this.reset();
      for (const reason of ["stale", "future", "late"] as const) this.inc({ reason }, d[reason]);
    },
  });
  mirroredCounter(
    registry,
    "teleglas_worker_publish_waits_abandoned_total",
    "Frames whose alerts the ingest thread stopped waiting to see published (slow publisher or Redis)",
    () => g.events().publishWaitsAbandoned,
  );
  new Gauge({
    name: "teleglas_worker_events_per_second",
    help: "Stream events per second over the last 10 s or more",
    registers: [registry],
    collect() {
      this.set(eventsPerSecond());
    },
  });
  const alerts = new Counter({
    name: "teleglas_worker_alerts_total",
    help: "Detections by alert kind and outcome (published; not published: duplicate, seen, cooling; storm updates: updated, stale, unknown)",
    labelNames: ["kind", "outcome"],
    registers: [registry],
  });
  for (const kind of ALERT_KINDS) alerts.inc({ kind, outcome: "published" }, 0);
  const latency = new Histogram({
    name: "teleglas_worker_alert_latency_seconds",
    help: "From the frame received to the alert published",
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.5, 1],
    registers: [registry],
  });
  const backfilled = new Counter({
    name: "teleglas_worker_backfilled_events_total",
    help: "Large liquidations recovered from REST after a stream gap (not carried by the stream)",
    registers: [registry],
  });
  const gauge = (name: string, help: string, read: () => number | null) =>
    readGauge(registry, name, help, read);
  gauge("teleglas_worker_stream_connected", "1 when the CoinGlass stream is connected", () =>
    g.connected() ? 1 : 0,
  );
  mirroredCounter(
    registry,
    "teleglas_worker_stream_reconnects_total",
    "Reconnects of the CoinGlass stream",
    g.reconnects,
  );
  gauge(
    "teleglas_worker_last_event_age_seconds",
    "Seconds since the last frame of the CoinGlass stream (pongs included)",
    () => {
      const ms = g.lastEventAgeMs();
      return ms === null ? null : ms / 1000;
    },
  );
  gauge("teleglas_worker_leader", "1 when this worker holds the ingest lease", () => (g.leader() ? 1 : 0));

  const total = () => {
    const e = g.events();
    return e.liquidations + e.trades;
  };
  const eventsPerSecond = () => {
    const t = performance.now();
    const elapsed = t - rate.at;
    const current = ((total() - rate.total) * 1000) / Math.max(1, elapsed);
    if (elapsed < 10_000) return rate.sampled ? rate.perSecond : current; // first 10 s: since start
    rate.perSecond = current;
    rate.sampled = true;
    rate.at = t;
    rate.total = total();
    return current;
  };
  const published: Record<string, number> = Object.fromEntries(ALERT_KINDS.map((k) => [k, 0]));

  return {
    registry,
    eventsPerSecond,
    alertsByKind: () => ({ ...published }) as Record<AlertKind, number>,
    backfilled: (n: number) => backfilled.inc(n),
    alert(kind: AlertKind, outcome: string, latencyMs: number | null) {
      alerts.inc({ kind, outcome });
      if (outcome === "published") {
        published[kind] = (published[kind] ?? 0) + 1;
        if (latencyMs !== null) latency.observe(latencyMs / 1000);
      }
    },
  };
}
export type WorkerMetrics = ReturnType<typeof createWorkerMetrics>;
