// The pipeline's shapes, shared by the in-thread pipeline (pipeline.ts), its thread host
// (pipeline-host.ts) and the thread entry (pipeline-thread.ts).
import type { StreamClientOptions, StreamProblem } from "@teleglas/market-data-core";
import type { WatchEntry } from "../config.js";
import type { DroppedEvents } from "../detect/engine.js";
import type { Detection, LiquidationInput } from "../detect/types.js";
import type { WhalePositionInput } from "../detect/whale-position.js";
import type { Rules } from "../rules/schema.js";

/** Stream options a caller may tune (tests shorten backoff and heartbeat). */
export type StreamTuning = Partial<Omit<StreamClientOptions, "url" | "apiKey" | "channels">>;

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
