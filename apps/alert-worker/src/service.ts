import type { Alert, AlertKind, MarketDataCore, Stores } from "@teleglas/market-data-core";
import type { Redis } from "ioredis";
import type { Logger } from "pino";
import type { WorkerConfig } from "./config.js";
import { createDetectorEngine } from "./detect/engine.js";
import { liquidationKey } from "./detect/liquidations.js";
import type { Clock } from "./detect/types.js";
import { startOpsServer } from "./ops/http.js";
import { createWorkerMetrics } from "./ops/metrics.js";
import { loadRules } from "./rules/load.js";
import { createTierLookup, TIER_NAMES } from "./rules/schema.js";
import { backfillLiquidations } from "./run/backfill.js";
import { createIngest, type StreamTuning } from "./run/ingest.js";
import { createLeaderLease } from "./run/leader.js";
import { createPublisher } from "./run/publisher.js";
import { createRecentKeys } from "./run/recent-keys.js";
import { createWhalePoller } from "./run/whale-poller.js";

export interface AlertWorkerDeps {
  config: WorkerConfig;
  logger: Logger;
  core: MarketDataCore;
  stores: Stores;
  /** With Redis, workers elect one active ingester; without it this worker always leads. */
  redis?: Redis;
  wsUrl: string;
  apiKey: string;
  /** Test and bench knobs: stream heartbeat/backoff, the detectors' clock, the lease retry interval. */
  tuning?: {
    stream?: StreamTuning;
    clock?: Clock;
    leaseIntervalMs?: number;
    /** Every published alert with its latency from frame received (bench). */
    onPublished?: (alert: Alert, latencyMs: number) => void;
  };
}

export interface AlertWorker {
  /** Where /health and /metrics listen. */
  url: string;
  isLeader(): boolean;
  /** Events run through the detectors and alerts published by this process. */
  stats(): { liquidations: number; trades: number; alerts: Record<AlertKind, number> };
  stop(): Promise<void>;
}

/**
 * Starts the alert worker: load the rules (a bad file throws naming the field), serve /health and
 * /metrics, and while holding the lease ingest the stream and Hyperliquid whale alerts, run the
 * detectors and publish each alert once.
 */
export async function startAlertWorker(deps: AlertWorkerDeps): Promise<AlertWorker> {
  const { config, stores, core } = deps;
  const log = deps.logger.child({ unit: "alert-worker" });
  const rules = await loadRules(config.rulesFile);
  const tierOf = createTierLookup(rules);
  let leader = false;

  const metrics = createWorkerMetrics({
    connected: () => ingest.connected(),
    reconnects: () => ingest.reconnects(),
    lastEventAgeMs: () => ingest.lastMessageAgeMs(),
    leader: () => leader,
  });
  const publisher = createPublisher({
    stores,
    onOutcome(outcome, alert, startedAt) {
      metrics.alert(alert.kind, outcome, performance.now() - startedAt);
      if (outcome === "published")
        log.info(
          { alert_id: alert.id, kind: alert.kind, symbol: alert.symbol, usd: alert.usd },
          "alert published",
        );
      else log.debug({ alert_id: alert.id, outcome }, "alert not published");
    },
    onError: (err, alert) => log.error({ err, alert_id: alert.id }, "alert publish failed"),
  });
  // The frame being processed: detections emitted during it measure latency from its arrival.
  let frameAt = performance.now();
  // Large liquidations the stream carried, so a backfill after a gap skips them.
  const seenLarge = createRecentKeys(20_000);
  const engine = createDetectorEngine({
    rules,
    clock: deps.tuning?.clock,
    emit: (d) => publisher.submit(d, frameAt),
    onLarge: (e) => seenLarge.add(liquidationKey(e)),
  });

  const exchanges = [...new Set(config.watchlist.map((w) => w.exchange))];
  const ingest = createIngest({
    wsUrl: deps.wsUrl,
    apiKey: deps.apiKey,
    watchlist: config.watchlist,
    tradeMinUsd: config.tradeMinUsd,
    tuning: deps.tuning?.stream,
    onEvents(events) {
      frameAt = performance.now();
      const counts = metrics.counts;
      for (let i = 0; i < events.length; i++) {
        if ((events[i] as { type: string }).type === "liquidation") counts.liquidation++;
        else counts.trade++;
      }
      try {
        engine.onEvents(events);
      } catch (err) {
        // One bad frame must not take the worker down: log it and carry on with the next.
        log.error({ err }, "detector failed on a frame");
      }
    },
    onGap(from, to) {
      log.info({ from, to, gap_ms: to - from }, "stream back after a gap; backfilling large liquidations");
      backfillLiquidations({
        client: core.client,
        coins: rules.tiers.majors,
        exchanges,
        minUsd: (coin) => rules.large_liquidation[TIER_NAMES[tierOf(coin)]].min_usd,
        from: from - 1_000,
        to,
        seen: (key) => seenLarge.has(key),
        onEvent: (e) => {
          frameAt = performance.now();
          engine.onBackfill(e);
        },
      }).then(
        (r) => {
          metrics.backfilled(r.recovered);
          log.info(r, "backfill done");
        },
        (err: unknown) => log.warn({ err }, "backfill failed"),
      );
    },
    onProblem: (p) => log.warn({ problem: p.kind }, p.message),
  });
  const poller = createWhalePoller({
    client: core.client,
    intervalMs: rules.whale_position.poll_interval_s * 1000,
    onRows: (rows) => {
      frameAt = performance.now();
      engine.onWhalePositions(rows);
    },
    onError: (err) => log.warn({ err }, "whale-alert poll failed"),
  });

  const lead = async (on: boolean) => {
    leader = on;
    log.info({ role: on ? "leader" : "standby" }, on ? "leading: ingesting the stream" : "standing by");
    if (on) {
      ingest.start();
      poller.start();
    } else {
      await Promise.all([ingest.stop(), poller.stop()]);
    }
  };
  let chain: Promise<void> = Promise.resolve();
  let stopped = false;
  const onChange = (on: boolean) => {
    if (stopped) return;
    chain = chain.then(() => lead(on));
  };
  const lease = deps.redis
    ? createLeaderLease({
        redis: deps.redis,
        key: `${config.keyPrefix}worker:leader`,
        ttlMs: config.leaseTtlMs,
        intervalMs: deps.tuning?.leaseIntervalMs,
        onChange,
        onError: (err) => log.warn({ err }, "leader lease check failed"),
      })
    : null;

  const ops = await startOpsServer({
    host: config.host,
    port: config.port,
    metrics,
    health: () => ({
      status: leader && !ingest.connected() ? "degraded" : "ok",
      role: leader ? "leader" : "standby",
      connected: ingest.connected(),
      reconnects: ingest.reconnects(),
      last_event_age_ms: ingest.lastMessageAgeMs(),
      events_per_second: metrics.eventsPerSecond(),
      alerts: metrics.alertsByKind(),
    }),
  });
  if (lease) lease.start();
  else onChange(true);
  log.info(
    { url: ops.url, watch: config.watchlist.length, leaseKey: lease ? "redis" : "none" },
    "alert worker started",
  );

  return {
    url: ops.url,
    isLeader: () => leader,
    stats: () => ({
      liquidations: metrics.counts.liquidation,
      trades: metrics.counts.trade,
      alerts: metrics.alertsByKind(),
    }),
    async stop() {
      // Stop ingesting first, let in-flight alerts land, then hand the lease over.
      onChange(false);
      stopped = true;
      await chain;
      await publisher.drain();
      await lease?.stop();
      await ops.close();
      log.info("alert worker stopped");
    },
  };
}
