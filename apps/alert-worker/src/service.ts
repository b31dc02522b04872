import type { Alert, AlertKind, MarketDataCore, Stores } from "@teleglas/market-data-core";
import { createProcessMetrics } from "@teleglas/metrics";
import type { Logger } from "pino";
import type { Registry } from "prom-client";
import type { WorkerConfig } from "./config.js";
import type { Clock } from "./detect/types.js";
import { startOpsServer } from "./ops/http.js";
import { createWorkerMetrics } from "./ops/metrics.js";
import { createProblemLog } from "./ops/problem-log.js";
import { createRuleEvaluator } from "./personal/evaluator.js";
import { loadRules } from "./rules/load.js";
import { createTierLookup } from "./rules/schema.js";
import { gapBackfill } from "./run/backfill.js";
import { createFlowPollers } from "./run/flow-pollers.js";
import { createLeadership } from "./run/leadership.js";
import { createPipeline, type Pipeline, type PipelineSink, preciseNow } from "./run/pipeline.js";
import { createThreadedPipeline } from "./run/pipeline-host.js";
import type { StreamTuning } from "./run/pipeline-types.js";
import { createPublisher } from "./run/publisher.js";
import { createWhalePoller } from "./run/whale-poller.js";

export { loadWorkerConfig, type WorkerConfig } from "./config.js";

export interface AlertWorkerDeps {
  config: WorkerConfig;
  logger: Logger;
  core: MarketDataCore;
  stores: Stores;
  wsUrl: string;
  apiKey: string;
  /** The process registry /metrics serves (main.ts adds the upstream metrics to it). */
  registry?: Registry;
  /**
   * A failure this worker cannot serve through (the ingest thread died): main.ts stops the
   * process cleanly so the process manager restarts it, rather than leave it up and blind.
   */
  onFatal?: (reason: string, error: unknown) => void;
  /** Test and bench knobs. */
  tuning?: {
    /** Stream heartbeat, backoff, duplicate window. */
    stream?: StreamTuning;
    /** The detectors' clock (in-process pipeline only). */
    clock?: Clock;
    leaseIntervalMs?: number;
    /** Every published alert with its latency from frame received (bench). */
    onPublished?: (alert: Alert, latencyMs: number) => void;
    /** How long stream problems are aggregated before one log line per kind (default 60000 ms). */
    problemLogIntervalMs?: number;
  };
}

export interface AlertWorker {
  /** Where /health and /metrics listen. */
  url: string;
  isLeader(): boolean;
  /** Events through the detectors, when the latest frame arrived (epoch ms), alerts published. */
  stats(): {
    liquidations: number;
    trades: number;
    lastMessageAt: number | null;
    alerts: Record<AlertKind, number>;
  };
  stop(): Promise<void>;
}

/**
 * Starts the alert worker: load the rules (a bad file throws naming the field), serve /health and
 * /metrics, and while holding the lease ingest the stream and Hyperliquid whale alerts, run the
 * detectors and publish each alert once. With `config.ingestThread` the stream and detectors run
 * in a worker thread, so a flood of frames cannot hold up publishing.
 */
export async function startAlertWorker(deps: AlertWorkerDeps): Promise<AlertWorker> {
  const { config, stores, core } = deps;
  const log = deps.logger.child({ unit: "alert-worker" });
  const rules = await loadRules(config.rulesFile);
  const tierOf = createTierLookup(rules);

  const metrics = createWorkerMetrics(
    {
      connected: () => pipeline.stats().connected,
      reconnects: () => pipeline.stats().reconnects,
      lastEventAgeMs: () => {
        const at = pipeline.stats().lastMessageAt;
        return at === null ? null : Date.now() - at;
      },
      leader: () => leader(),
      events: () => pipeline.stats(),
    },
    deps.registry ?? createProcessMetrics(core).registry,
  );
  const publisher = createPublisher({
    stores,
    now: preciseNow,
    onOutcome(outcome, alert, startedAt) {
      const latencyMs = preciseNow() - startedAt;
      metrics.alert(alert.kind, outcome, latencyMs);
      if (outcome !== "published") {
        log.debug({ alert_id: alert.id, outcome }, "alert not published");
        return;
      }
      deps.tuning?.onPublished?.(alert, latencyMs);
      log.info(
        { alert_id: alert.id, kind: alert.kind, symbol: alert.symbol, usd: alert.usd },
        "alert published",
      );
    },
    onError: (err, alert) => log.error({ err, alert_id: alert.id }, "alert publish failed"),
  });

  const problems = createProblemLog(log, deps.tuning?.problemLogIntervalMs);
  const sink: PipelineSink = {
    detections: (ds, frameAt) => Promise.all(ds.map((d) => publisher.submit(d, frameAt))),
    gap: gapBackfill({
      client: core.client,
      rules,
      tierOf,
      exchanges: [...new Set(config.watchlist.map((w) => w.exchange))],
      feed: (rows) => pipeline.backfill(rows),
      onRecovered: (n) => metrics.backfilled(n),
      log,
    }),
    problem: (p) => problems.report(p),
  };
  const options = {
    wsUrl: deps.wsUrl,
    apiKey: deps.apiKey,
    watchlist: config.watchlist,
    tradeMinUsd: config.tradeMinUsd,
    rules,
    tuning: deps.tuning?.stream,
  };
  // The ingest thread stays for the worker's latency goal: under the bench's flood the in-process
  // pipeline keeps each publish behind the frames of the same event-loop turn. `npm run bench --
  // worker` (300,000 events, one round, 2026-12-03): p99 frame-to-published 8.95 ms and 308,642
  // events/s with the thread, 50.66 ms and 238,854 events/s without (BENCH_THREAD=0). Tests and
  // the local stack run in process.
  const pipeline: Pipeline = config.ingestThread
    ? createThreadedPipeline(options, sink, (err) => {
        log.error({ err }, "ingest thread failed");
        deps.onFatal?.("ingest thread failed", err);
      })
    : createPipeline(options, sink, deps.tuning?.clock);

  const poller = createWhalePoller({
    client: core.client,
    intervalMs: rules.whale_position.poll_interval_s * 1000,
    onRows: (rows) => pipeline.whalePositions(rows),
    onError: (err) => log.warn({ err }, "whale-alert poll failed"),
  });

  const personal = createRuleEvaluator({
    stores,
    client: core.client,
    cadenceMs: config.personalRules?.cadenceMs,
    maxWallets: config.personalRules?.maxWallets,
    onFired: (chat_id, alert_id) => log.info({ chat_id, alert_id }, "personal rule fired"),
    onError: (err, where) => log.warn({ err, where }, "personal rules problem"),
  });

  // Daily ETF flows and on-chain whale transfers: REST polls on the main thread, no stream.
  const flows = createFlowPollers({ core, rules, log, submit: (d) => void publisher.submit(d) });

  const leadership = createLeadership({
    leases: stores.leases,
    key: "worker:leader",
    ttlMs: config.leaseTtlMs,
    intervalMs: deps.tuning?.leaseIntervalMs,
    log,
    parts: [
      pipeline,
      poller,
      flows,
      {
        start: () =>
          void personal.start().catch((err: unknown) => log.error({ err }, "personal rules failed to load")),
        stop: () => personal.stop(),
      },
    ],
  });
  const leader = () => leadership.isLeader();

  const ops = await startOpsServer({
    host: config.host,
    port: config.port,
    metrics,
    health: () => {
      const s = pipeline.stats();
      return {
        status: leader() && !s.connected ? "degraded" : "ok",
        role: leader() ? "leader" : "standby",
        connected: s.connected,
        reconnects: s.reconnects,
        last_event_age_ms: s.lastMessageAt === null ? null : Date.now() - s.lastMessageAt,
        events_per_second: metrics.eventsPerSecond(),
        alerts: metrics.alertsByKind(),
        events_dropped: s.dropped,
        frames_refused: { malformed: s.malformedFrames, oversize: s.oversizeFrames },
      };
    },
  });
  leadership.start();
  log.info(
    { url: ops.url, watch: config.watchlist.length, thread: Boolean(config.ingestThread) },
    "alert worker started",
  );

  return {
    url: ops.url,
    isLeader: leader,
    stats: () => {
      const s = pipeline.stats();
      return {
        liquidations: s.liquidations,
        trades: s.trades,
        lastMessageAt: s.lastMessageAt,
        alerts: metrics.alertsByKind(),
      };
    },
    async stop() {
      // Stop ingesting first, let in-flight alerts land, then hand the lease over.
      await leadership.stop(() => publisher.drain());
      await pipeline.close();
      problems.flush();
      await ops.close();
      log.info("alert worker stopped");
    },
  };
}
