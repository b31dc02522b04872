import {
  createStreamClient,
  futuresTradesChannel,
  LIQUIDATION_CHANNEL,
  type StreamClient,
  type StreamClientOptions,
  type StreamEvent,
  type StreamProblem,
  type StreamState,
} from "@teleglas/market-data-core";
import type { WatchEntry } from "../config.js";

/** Stream options a caller may tune (tests shorten backoff and heartbeat). */
export type StreamTuning = Partial<Omit<StreamClientOptions, "url" | "apiKey" | "channels">>;

export interface IngestOptions {
  wsUrl: string;
  apiKey: string;
  watchlist: readonly WatchEntry[];
  tradeMinUsd: number;
  tuning?: StreamTuning;
  /** The hot path: one call per frame. */
  onEvents: (events: StreamEvent[]) => void;
  /** The stream came back after being connected before: [gap start, gap end] in epoch ms. */
  onGap: (from: number, to: number) => void;
  onProblem: (p: StreamProblem) => void;
}

/** The channels of a watchlist: liquidations of every pair, plus large trades of each watched pair. */
export function ingestChannels(watchlist: readonly WatchEntry[], tradeMinUsd: number): string[] {
  return [
    LIQUIDATION_CHANNEL,
    ...watchlist.map((w) => futuresTradesChannel(w.exchange, w.pair, tradeMinUsd)),
  ];
}

/**
 * The CoinGlass stream while this worker leads. Gap detection uses the newest event time before
 * the socket went down, so a backfill asks REST for exactly the time the stream missed.
 */
export function createIngest(o: IngestOptions) {
  let client: StreamClient | null = null;
  let lastEventTime: number | null = null;
  let wasConnected = false;
  let downSince: number | null = null;

  const state = (): StreamState | null => client?.state() ?? null;

  return {
    start() {
      if (client) return;
      const c = createStreamClient({
        ...o.tuning,
        url: o.wsUrl,
        apiKey: o.apiKey,
        channels: ingestChannels(o.watchlist, o.tradeMinUsd),
      });
      c.onEvents((events) => {
        const last = events[events.length - 1];
        // Capped at the clock: a future-dated event must not push a gap's start past its end.
        const t = last ? Math.min(last.time, Date.now()) : null;
        if (t !== null && (lastEventTime === null || t > lastEventTime)) lastEventTime = t;
        o.onEvents(events);
      });
      c.onState((s) => {
        if (!s.connected && wasConnected && downSince === null) downSince = Date.now();
        if (s.connected) {
          if (wasConnected && downSince !== null) o.onGap(lastEventTime ?? downSince, Date.now());
          wasConnected = true;
          downSince = null;
        }
      });
      c.onProblem(o.onProblem);
      client = c;
      c.start();
    },
    async stop() {
      const c = client;
      client = null;
      wasConnected = false;
      downSince = null;
      await c?.close();
    },
    state,
    connected: () => state()?.connected ?? false,
    reconnects: () => state()?.reconnects ?? 0,
    lastMessageAgeMs: () => {
      const s = state();
      return s?.lastMessageAt ? Date.now() - s.lastMessageAt : null;
    },
  };
}
export type Ingest = ReturnType<typeof createIngest>;
