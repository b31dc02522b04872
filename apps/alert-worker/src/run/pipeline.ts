import type { StreamProblem } from "@teleglas/market-data-core";
import type { WatchEntry } from "../config.js";
import { createDetectorEngine, type DroppedEvents } from "../detect/engine.js";
import { liquidationKey } from "../detect/liquidations.js";
import type { Clock, Detection, LiquidationInput } from "../detect/types.js";
import type { WhalePositionInput } from "../detect/whale-position.js";
import type { Rules } from "../rules/schema.js";
import { createIngest, type StreamTuning } from "./ingest.js";
import { createRecentKeys } from "./recent-keys.js";

/** Everything the hot path needs; plain data, so it can be posted to a worker thread. */
export interface PipelineOptions {
  wsUrl: string;
  apiKey: string;
  watchlist: WatchEntry[];
  tradeMinUsd: number;
  rules: Rules;
  tuning?: StreamTuning;
}

/** Where the pipeline reports; `frameAt` is epoch ms with sub-ms precision (comparable across threads). */
export interface PipelineSink {
  /**
   * A frame's (or a backfill's, or a poll's) detections, together: one thread message each.
   * Settles once they are published (or dropped), which lets the ingest thread yield until then.
   */
  detections(ds: Detection[], frameAt: number): Promise<unknown> | undefined;
  gap(from: number, to: number): void;
  problem(p: StreamProblem): void;
}

export interface PipelineStats {
  connected: boolean;
  reconnects: number;
  lastMessageAt: number | null;
  liquidations: number;
  trades: number;
  /** Stream frames that were not a valid push, items of a push that were not valid (both skipped). */
  malformedFrames: number;
  malformedItems: number;
  /** Events dropped as already seen (replayed after a reconnect). */
  duplicates: number;
  /** Hand-overs whose publishing the ingest thread stopped waiting for (see pipeline-thread.ts). */
  publishWaitsAbandoned: number;
  /** Events the detectors did not take, by reason (see DroppedEvents). */
  dropped: DroppedEvents;
  /** Frames over the stream client's size cap (each closed the socket, which reconnected). */
  oversizeFrames: number;
}

/** Storms are ticked this often, so one that quiets is marked ended within about a second. */
const TICK_MS = 1000;

/** The stream, the detectors and their state, run in this thread or in a worker thread alike. */
export interface Pipeline {
  start(): void;
  stop(): Promise<void>;
  /** Feeds the large liquidations of a gap the stream did not carry; resolves with how many. */
  backfill(rows: LiquidationInput[]): Promise<number>;
  whalePositions(rows: WhalePositionInput[]): void;
  stats(): PipelineStats;
  /** Releases the pipeline for good (ends its thread, if any). */
  close(): Promise<void>;
}

/** Epoch milliseconds with sub-millisecond precision, the same clock in every thread. */
export const preciseNow = () => performance.timeOrigin + performance.now();

/**
 * Stream -> detectors in the current thread. Each input's detections go to the sink together,
 * synchronously; the sink decides where they are published.
 */
export function createPipeline(o: PipelineOptions, sink: PipelineSink, clock?: Clock): Pipeline {
  let frameAt = preciseNow();
  let found: Detection[] = [];
  const handOver = () => {
    if (found.length === 0) return;
    sink.detections(found, frameAt);
    found = [];
  };
  const counts = { liquidations: 0, trades: 0 };
  // Large liquidations the stream carried, so a backfill after a gap skips them.
  const seenLarge = createRecentKeys(20_000);
  const engine = createDetectorEngine({
    rules: o.rules,
    clock,
    emit: (d) => found.push(d),
    onLarge: (e) => seenLarge.add(liquidationKey(e)),
  });
  const ingest = createIngest({
    wsUrl: o.wsUrl,
    apiKey: o.apiKey,
    watchlist: o.watchlist,
    tradeMinUsd: o.tradeMinUsd,
    tuning: o.tuning,
    onEvents(events) {
      frameAt = preciseNow();
      // One frame is one channel, so one event type.
      if (events[0]?.type === "liquidation") counts.liquidations += events.length;
      else counts.trades += events.length;
      engine.onEvents(events);
      handOver();
    },
    onGap: sink.gap,
    onProblem: sink.problem,
  });
  let ticker: NodeJS.Timeout | undefined;
  return {
    start() {
      ingest.start();
      ticker ??= setInterval(() => {
        frameAt = preciseNow();
        engine.tick();
        handOver();
      }, TICK_MS);
    },
    async stop() {
      clearInterval(ticker);
      ticker = undefined;
      await ingest.stop();
    },
    async backfill(rows) {
      let recovered = 0;
      for (const e of rows) {
        if (seenLarge.has(liquidationKey(e))) continue;
        recovered++;
        frameAt = preciseNow();
        engine.onBackfill(e);
        handOver();
      }
      return recovered;
    },
    whalePositions(rows) {
      frameAt = preciseNow();
      engine.onWhalePositions(rows);
      handOver();
    },
    stats: () => {
      const state = ingest.state();
      return {
        connected: ingest.connected(),
        reconnects: ingest.reconnects(),
        lastMessageAt: state?.lastMessageAt ?? null,
        ...counts,
        malformedFrames: state?.malformedFrames ?? 0,
        malformedItems: state?.malformedItems ?? 0,
        duplicates: state?.duplicates ?? 0,
        publishWaitsAbandoned: 0,
        dropped: { ...engine.dropped() },
        oversizeFrames: state?.oversizeFrames ?? 0,
      };
    },
    close: async () => {},
  };
}
