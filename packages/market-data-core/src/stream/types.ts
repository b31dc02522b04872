/** A forced liquidation from the `liquidationOrders` channel. */
export interface LiquidationEvent {
  type: "liquidation";
  exchange: string;
  /** Exchange pair, e.g. "BTCUSDT". */
  pair: string;
  /** Base coin, e.g. "BTC". */
  coin: string;
  price: number;
  /** The side that was liquidated (CoinGlass WS side 1 = long, 2 = short). */
  side: "long" | "short";
  /** Size in US dollars. */
  usd: number;
  /** Event time, epoch ms. */
  time: number;
  /** The channel it arrived on. */
  channel: string;
}

/** A large trade from a `futures_trades@…` (or `spot_trades@…`) channel. */
export interface TradeEvent {
  type: "trade";
  exchange: string;
  pair: string;
  coin: string;
  price: number;
  /** Taker direction (CoinGlass WS side 1 = sell, 2 = buy). */
  side: "buy" | "sell";
  usd: number;
  time: number;
  channel: string;
}

export type StreamEvent = LiquidationEvent | TradeEvent;

/** What the stream client knows about its connection; cheap to read at any time. */
export interface StreamState {
  connected: boolean;
  /** Connections opened after the first one. */
  reconnects: number;
  /** Epoch ms of the last frame of any kind (pong included); null before the first. */
  lastMessageAt: number | null;
  lastMessageAgeMs: number | null;
  /** Channels the client keeps subscribed (resubscribed on every connection). */
  channels: string[];
  /** Events handed to onEvents since start. */
  events: number;
  /** Events dropped because they were seen in the recent window (e.g. replayed after a reconnect). */
  duplicates: number;
  /** Frames that were not JSON or not a `{channel, data[]}` push. */
  malformedFrames: number;
  /** Items of a push that lacked a field or had a bad value; skipped. */
  malformedItems: number;
  /** Frames over `maxPayloadBytes`: each closed the connection, which then reconnected. */
  oversizeFrames: number;
  /** The last connection problem, with the API key redacted; null when none yet. */
  lastError: string | null;
}

/** A problem the client recovered from (it never throws out of the socket); key redacted. */
export interface StreamProblem {
  kind: "socket" | "pong_timeout" | "oversize_frame" | "malformed_frame" | "server_error" | "listener";
  message: string;
}

export interface StreamClientOptions {
  /** WebSocket URL without the key, e.g. "wss://open-ws.coinglass.com/ws-api". */
  url: string;
  /** Sent as `cg-api-key` in the query; never exposed in errors, problems or state. */
  apiKey: string;
  channels: string[];
  /** Text `ping` interval (default 20000 ms, as CoinGlass asks). */
  pingIntervalMs?: number;
  /** A ping without `pong` for this long means the socket is dead (default 10000 ms). */
  pongTimeoutMs?: number;
  /** Reconnect delay: initialMs doubling to maxMs, jittered, reset once a connection proves healthy. */
  backoff?: { initialMs?: number; maxMs?: number };
  /** How many recent event keys are remembered to drop duplicates (default 50000; 0 = no dedupe). */
  dedupeWindow?: number;
  /**
   * Largest frame accepted (default 1 MiB). A bigger one is not buffered: the connection is
   * closed (1009), reported as an `oversize_frame` problem, counted, and re-opened.
   */
  maxPayloadBytes?: number;
  /** The `ws` WebSocket class (injectable). */
  WebSocket?: typeof import("ws").WebSocket;
}

export interface StreamClient {
  /** Connects (once); reconnects on its own until close(). */
  start(): void;
  close(): Promise<void>;
  subscribe(channels: string[]): void;
  unsubscribe(channels: string[]): void;
  /** The hot path: one call per push frame with every new event of that frame. Returns an unsubscribe. */
  onEvents(cb: (events: StreamEvent[]) => void): () => void;
  onState(cb: (state: StreamState) => void): () => void;
  onProblem(cb: (problem: StreamProblem) => void): () => void;
  state(): StreamState;
}
