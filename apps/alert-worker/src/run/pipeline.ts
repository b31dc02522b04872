// The alert worker's hot path, top to bottom: the CoinGlass stream (frames parsed and
// de-duplicated by core's stream client) -> the detectors -> one hand-over of a frame's detections
// to the sink (the publisher, on the main thread). Runs in the current thread (tests, the local
// stack) or inside the ingest thread (pipeline-thread.ts) in the worker process.
import {
  createStreamClient,
  futuresTradesChannel,
  LIQUIDATION_CHANNEL,
  type StreamClient,
  type StreamEvent,
  type StreamState,
} from "@teleglas/market-data-core";
import type { WatchEntry } from "../config.js";
import { createDetectorEngine } from "../detect/engine.js";
import { eventKey } from "../detect/single-event.js";
import type { Clock, Detection } from "../detect/types.js";
import type { Pipeline, PipelineOptions, PipelineSink } from "./pipeline-types.js";
import { createRecentKeys } from "./recent-keys.js";

export type { Pipeline, PipelineOptions, PipelineSink, PipelineStats } from "./pipeline-types.js";

/** Storms are ticked this often, so one that quiets is marked ended within about a second. */
const TICK_MS = 1000;

/** Epoch milliseconds with sub-millisecond precision, the same clock in every thread. */
export const preciseNow = () => performance.timeOrigin + performance.now();

/** The channels of a watchlist: liquidations of every pair, plus large trades of each watched pair. */
export function ingestChannels(watchlist: readonly WatchEntry[], tradeMinUsd: number): string[] {
  return [
    LIQUIDATION_CHANNEL,
    ...watchlist.map((w) => futuresTradesChannel(w.exchange, w.pair, tradeMinUsd)),
  ];
}

/**
 * Stream -> detectors -> sink. Each input's detections go to the sink together, synchronously.
 * A gap (the stream back after being down) is reported from the newest event time before it went
 * down, so a backfill asks REST for exactly the time the stream missed.
 */
export function createPipeline(o: PipelineOptions, sink: PipelineSink, clock?: Clock): Pipeline {
  // 1. Detectors: what one input found is handed over in one piece.
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
    onLarge: (e) => seenLarge.add(eventKey(e)),
  });

  // 2. The stream, while this worker leads: one call per frame.
  let client: StreamClient | null = null;
  let lastEventTime: number | null = null;
  let wasConnected = false;
  let downSince: number | null = null;
  const onEvents = (events: StreamEvent[]) => {
    frameAt = preciseNow();
    const last = events[events.length - 1];
    // Capped at the clock: a future-dated event must not push a gap's start past its end.
    const t = last ? Math.min(last.time, Date.now()) : null;
    if (t !== null && (lastEventTime === null || t > lastEventTime)) lastEventTime = t;
    // One frame is one channel, so one event type.
    if (events[0]?.type === "liquidation") counts.liquidations += events.length;
    else counts.trades += events.length;
    engine.onEvents(events);
    handOver();
  };
  const onState = (s: StreamState) => {
    if (!s.connected && wasConnected && downSince === null) downSince = Date.now();
    if (s.connected) {
      if (wasConnected && downSince !== null) sink.gap(lastEventTime ?? downSince, Date.now());
      wasConnected = true;
      downSince = null;
    }
  };
  let ticker: NodeJS.Timeout | undefined;

  return {
    start() {
      if (!client) {
        // The client's duplicate filter (core's stream/dedupe.ts) stays on: a reconnect replays
        // events, and an alert must not come from a replay. Its hash table is what keeps the filter
        // cheap: ~120–220 ns per new event against ~250–350 ns for the keyed table it replaced
        // (docs/benchmarks.md, stream-client), where the filter had been a seventh of the ingest
        // thread's time; the worker bench runs with it on (1,039,501 events/s, 0.58 of a bare
        // receive + JSON.parse on the latest full run).
        client = createStreamClient({
          ...o.tuning,
          url: o.wsUrl,
          apiKey: o.apiKey,
          channels: ingestChannels(o.watchlist, o.tradeMinUsd),
        });
        client.onEvents(onEvents);
        client.onState(onState);
        client.onProblem(sink.problem);
        client.start();
      }
      ticker ??= setInterval(() => {
        frameAt = preciseNow();
        engine.tick();
        handOver();
      }, TICK_MS);
    },
    async stop() {
      clearInterval(ticker);
      ticker = undefined;
      const c = client;
      client = null;
      wasConnected = false;
      downSince = null;
      await c?.close();
    },
    async backfill(rows) {
      let recovered = 0;
      for (const e of rows) {
        if (seenLarge.has(eventKey(e))) continue;
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
      const state = client?.state() ?? null;
      return {
        connected: state?.connected ?? false,
        reconnects: state?.reconnects ?? 0,
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
