import { WebSocket as WsWebSocket } from "ws";
import { createRecentEvents } from "./dedupe.js";
import { parseStreamFrame } from "./parse.js";
import type { StreamClient, StreamClientOptions, StreamEvent, StreamProblem, StreamState } from "./types.js";

const DEFAULTS = {
  pingIntervalMs: 20_000,
  pongTimeoutMs: 10_000,
  initialMs: 500,
  maxMs: 30_000,
  dedupe: 50_000,
  // A CoinGlass push carries at most a few hundred items (~150 bytes each); 1 MiB is thousands of
  // items of headroom, while the `ws` default (100 MiB) let one frame take hundreds of MB of heap.
  maxPayloadBytes: 1024 * 1024,
};
const CLOSE_WAIT_MS = 2000;

/** Replaces every spelling of the key (raw and URL-encoded) in a message. */
export function redactKey(text: string, apiKey: string): string {
  if (!apiKey) return text;
  let out = text.split(apiKey).join("***");
  const encoded = encodeURIComponent(apiKey);
  if (encoded !== apiKey) out = out.split(encoded).join("***");
  return out;
}

/**
 * The CoinGlass WebSocket client: documented `{"method":"subscribe","channels":[…]}`, a text
 * `ping` every pingIntervalMs with a pong watchdog, jittered exponential reconnect with
 * resubscription of every channel, and typed, de-duplicated events handed over one batch per
 * frame. It never throws out of a socket handler; problems go to onProblem with the key redacted.
 *
 * @example
 * const stream = createStreamClient({ url, apiKey, channels: ["liquidationOrders"] });
 * stream.onEvents((events) => detectors.feed(events));
 * stream.start();
 */
export function createStreamClient(opts: StreamClientOptions): StreamClient {
  const Ws = opts.WebSocket ?? WsWebSocket;
  const pingIntervalMs = opts.pingIntervalMs ?? DEFAULTS.pingIntervalMs;
  const pongTimeoutMs = opts.pongTimeoutMs ?? DEFAULTS.pongTimeoutMs;
  const initialMs = opts.backoff?.initialMs ?? DEFAULTS.initialMs;
  const maxMs = opts.backoff?.maxMs ?? DEFAULTS.maxMs;
  const window = opts.dedupeWindow ?? DEFAULTS.dedupe;
  const maxPayload = opts.maxPayloadBytes ?? DEFAULTS.maxPayloadBytes;
  const recent = window > 0 ? createRecentEvents(window) : undefined;
  const channels = new Set(opts.channels);
  const eventListeners = new Set<(e: StreamEvent[]) => void>();
  const stateListeners = new Set<(s: StreamState) => void>();
  const problemListeners = new Set<(p: StreamProblem) => void>();
  const fullUrl = `${opts.url}${opts.url.includes("?") ? "&" : "?"}cg-api-key=${encodeURIComponent(opts.apiKey)}`;

  let ws: InstanceType<typeof WsWebSocket> | null = null;
  let started = false;
  let closing = false;
  let connected = false;
  let opens = 0;
  let attempt = 0;
  let lastMessageAt: number | null = null;
  const counters = { events: 0, duplicates: 0, malformedFrames: 0, malformedItems: 0, oversizeFrames: 0 };
  let lastError: string | null = null;
  let pingTimer: NodeJS.Timeout | undefined;
  let pongTimer: NodeJS.Timeout | undefined;
  let reconnectTimer: NodeJS.Timeout | undefined;

  const state = (): StreamState => ({
    connected,
    reconnects: Math.max(0, opens - 1),
    lastMessageAt,
    lastMessageAgeMs: lastMessageAt === null ? null : Date.now() - lastMessageAt,
    channels: [...channels],
    ...counters,
    lastError,
  });

  function emitState() {
    if (stateListeners.size === 0) return;
    const s = state();
    for (const cb of stateListeners) safely(() => cb(s));
  }

  function problem(kind: StreamProblem["kind"], message: string) {
    const p = { kind, message: redactKey(message, opts.apiKey) };
    if (kind === "socket" || kind === "pong_timeout" || kind === "oversize_frame") lastError = p.message;
    for (const cb of problemListeners) {
      try {
        cb(p);
      } catch {
        // a failing problem listener must not take the socket down
      }
    }
  }

  function safely(fn: () => void) {
    try {
      fn();
    } catch (error) {
      problem("listener", error instanceof Error ? error.message : String(error));
    }
  }

  function send(
    socket: InstanceType<typeof WsWebSocket>,
    method: "subscribe" | "unsubscribe",
    list: string[],
  ) {
    if (list.length > 0 && socket.readyState === Ws.OPEN)
      socket.send(JSON.stringify({ method, channels: list }));
  }

  function stopTimers() {
    clearInterval(pingTimer);
    clearTimeout(pongTimer);
    pingTimer = pongTimer = undefined;
  }

  function onFrame(text: string) {
    lastMessageAt = Date.now();
    const r = parseStreamFrame(text, recent);
    switch (r.kind) {
      case "events":
        attempt = 0; // the server is talking to us: the next outage starts from the shortest delay
        counters.malformedItems += r.malformedItems;
        counters.duplicates += r.duplicates;
        if (r.events.length > 0) {
          counters.events += r.events.length;
          for (const cb of eventListeners) safely(() => cb(r.events));
        }
        return;
      case "pong":
        attempt = 0;
        clearTimeout(pongTimer);
        pongTimer = undefined;
        return;
      case "malformed":
        counters.malformedFrames++;
        problem("malformed_frame", r.message);
        return;
      case "server_error":
        problem("server_error", r.message);
        return;
      // acks and channels we do not map carry nothing for the consumers
    }
  }

  function connect() {
    if (closing) return;
    let socket: InstanceType<typeof WsWebSocket>;
    try {
      socket = new Ws(fullUrl, { handshakeTimeout: Math.max(pongTimeoutMs, 5000), maxPayload });
    } catch (error) {
      problem("socket", error instanceof Error ? error.message : String(error));
      scheduleReconnect();
      return;
    }
    ws = socket;
    socket.on("open", () => {
      connected = true;
      opens++;
      send(socket, "subscribe", [...channels]);
      pingTimer = setInterval(() => {
        if (socket.readyState !== Ws.OPEN || pongTimer) return;
        socket.send("ping");
        pongTimer = setTimeout(() => {
          problem("pong_timeout", `no pong within ${pongTimeoutMs} ms; reconnecting`);
          socket.terminate();
        }, pongTimeoutMs);
      }, pingIntervalMs);
      emitState();
    });
    socket.on("message", (data) => onFrame(data.toString()));
    socket.on("error", (error: Error & { code?: string }) => {
      // `ws` stops reading an oversize frame at the cap, closes with 1009 and reports it here;
      // the close handler below reconnects as after any other drop.
      if (error.code === "WS_ERR_UNSUPPORTED_MESSAGE_LENGTH") {
        counters.oversizeFrames++;
        problem("oversize_frame", `frame over ${maxPayload} bytes; closed and reconnecting`);
      } else problem("socket", error.message);
    });
    socket.on("close", () => {
      if (ws !== socket) return;
      ws = null;
      stopTimers();
      const was = connected;
      connected = false;
      if (was) emitState();
      scheduleReconnect();
    });
  }

  function scheduleReconnect() {
    if (closing || reconnectTimer) return;
    const base = Math.min(maxMs, initialMs * 2 ** attempt);
    attempt++;
    // Equal jitter: between half and all of the base delay, so many clients do not return in step.
    const delay = base / 2 + Math.random() * (base / 2);
    reconnectTimer = setTimeout(() => {
      reconnectTimer = undefined;
      connect();
    }, delay);
  }

  return {
    start() {
      if (started) return;
      started = true;
      connect();
    },
    async close() {
      closing = true;
      clearTimeout(reconnectTimer);
      stopTimers();
      const socket = ws;
      if (socket && socket.readyState !== Ws.CLOSED) {
        await new Promise<void>((resolve) => {
          const force = setTimeout(() => socket.terminate(), CLOSE_WAIT_MS);
          socket.once("close", () => {
            clearTimeout(force);
            resolve();
          });
          socket.close();
        });
      }
    },
    subscribe(list) {
      const fresh = list.filter((c) => !channels.has(c));
      for (const c of fresh) channels.add(c);
      if (ws) send(ws, "subscribe", fresh);
    },
    unsubscribe(list) {
      const known = list.filter((c) => channels.delete(c));
      if (ws) send(ws, "unsubscribe", known);
    },
    onEvents(cb) {
      eventListeners.add(cb);
      return () => eventListeners.delete(cb);
    },
    onState(cb) {
      stateListeners.add(cb);
      return () => stateListeners.delete(cb);
    },
    onProblem(cb) {
      problemListeners.add(cb);
      return () => problemListeners.delete(cb);
    },
    state,
  };
}
