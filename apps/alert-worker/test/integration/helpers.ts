import { createSimulator, type Simulator } from "@teleglas/coinglass-sim";
import {
  type Alert,
  createMarketDataCore,
  createStores,
  deleteByPrefix,
  type MarketDataCore,
  type Stores,
} from "@teleglas/market-data-core";
import { connectTestRedis, testKeyPrefix } from "@teleglas/market-data-core/testing";

export { waitFor } from "@teleglas/market-data-core/testing";

import type { Redis } from "ioredis";
import pino, { type Logger } from "pino";
import { expandWatchlist, type WorkerConfig } from "../../src/config.js";
import type { StreamTuning } from "../../src/run/pipeline-types.js";
import { type AlertWorker, startAlertWorker } from "../../src/service.js";

export interface Fixture {
  sim: Simulator;
  prefix: string;
  redis: Redis;
  /** Stores of the test itself (reads what the workers published). */
  stores: Stores;
  startWorker(o?: WorkerOverrides): Promise<RunningWorker>;
  alerts(kind: Alert["kind"]): Promise<Alert[]>;
  cleanup(): Promise<void>;
}

export interface WorkerOverrides {
  rulesFile?: string;
  /** Stream and detectors in a worker thread, as the worker process runs them. */
  ingestThread?: boolean;
  leaseTtlMs?: number;
  stream?: StreamTuning;
  /** Where the worker logs (default: silent). */
  logger?: Logger;
  problemLogIntervalMs?: number;
}

export interface RunningWorker {
  worker: AlertWorker;
  /** The worker's own Redis connection (a test may cut it to play a crash). */
  redis: Redis;
  stop(): Promise<void>;
}

/** A quiet simulator (no background flow), a unique Redis prefix, and workers started on demand. */
export async function createFixture(): Promise<Fixture> {
  const redis = await connectTestRedis();
  const sim = await createSimulator({ background: false, rateLimit: false });
  const prefix = testKeyPrefix("worker");
  const stores = createStores({ redis, prefix });
  const running: RunningWorker[] = [];
  const config = (o: WorkerOverrides): WorkerConfig => ({
    port: 0,
    host: "127.0.0.1",
    rulesFile: o.rulesFile,
    watchlist: expandWatchlist(["BTC", "ETH"]),
    tradeMinUsd: 10_000,
    leaseTtlMs: o.leaseTtlMs ?? 1_500,
    keyPrefix: prefix,
    ingestThread: o.ingestThread ?? false,
  });
  return {
    sim,
    prefix,
    redis,
    stores,
    async startWorker(o = {}) {
      const own = await connectTestRedis();
      const core: MarketDataCore = createMarketDataCore({
        apiKey: "test",
        baseUrl: sim.restUrl,
        plan: "professional",
        redis: own,
        keyPrefix: prefix,
      });
      const workerStores = createStores({ redis: own, prefix });
      let worker: AlertWorker;
      try {
        worker = await startAlertWorker({
          config: config(o),
          logger: o.logger ?? pino({ level: "silent" }),
          core,
          stores: workerStores,
          wsUrl: sim.wsUrl,
          apiKey: "test",
          tuning: {
            stream: {
              backoff: { initialMs: 50, maxMs: 200 },
              pingIntervalMs: 1_000,
              pongTimeoutMs: 1_000,
              ...o.stream,
            },
            leaseIntervalMs: 200,
            ...(o.problemLogIntervalMs ? { problemLogIntervalMs: o.problemLogIntervalMs } : {}),
          },
        });
      } catch (error) {
        await Promise.allSettled([workerStores.close(), core.close()]);
        own.disconnect();
        throw error;
      }
      let stopped = false;
      const r: RunningWorker = {
        worker,
        redis: own,
        async stop() {
          if (stopped) return;
          stopped = true;
          await worker.stop();
          await Promise.allSettled([workerStores.close(), core.close()]);
          own.disconnect();
        },
      };
      running.push(r);
      return r;
    },
    alerts: (kind) => stores.alerts.recent({ kind, limit: 100 }),
    async cleanup() {
      await Promise.allSettled(running.map((r) => r.stop()));
      await stores.close();
      await sim.close();
      await deleteByPrefix(redis, prefix);
      redis.disconnect();
    },
  };
}
