/**
 * The WebSocket side: `/ws-api?cg-api-key=KEY` on the HTTP server's upgrade, text `ping` ->
 * `pong`, `{"method":"subscribe","channels":[...]}` (and the `op`/`args` alias), and fan-out of
 * `{"channel":...,"data":[...]}` frames serialised once per channel. Fault modes: silent pings,
 * close after N messages, drop every socket.
 */
import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import { type WebSocket, WebSocketServer } from "ws";
import type { Faults } from "../rest/router.js";

export interface Client {
  ws: WebSocket;
  channels: Set<string>;
  sent: number;
}

/** A parsed `futures_trades@{exchange}_{pair}@{minVol}` subscription. */
export interface TradeChannel {
  name: string;
  exchange: string;
  pair: string;
  minVol: number;
}

export function parseTradeChannel(name: string): TradeChannel | undefined {
  const m = /^futures_trades@([^_@]+)_([^@]+)@(\d+(?:\.\d+)?)$/.exec(name);
  if (!m) return undefined;
  return { name, exchange: m[1] as string, pair: m[2] as string, minVol: Number(m[3]) };
}

export interface HubOptions {
  keys: Set<string> | undefined;
  /** Both documented channels need Standard or above. */
  planAllowsWs: boolean;
  faults: Faults;
}

export function createHub(o: HubOptions) {
  const wss = new WebSocketServer({ noServer: true, autoPong: false });
  const clients = new Set<Client>();
  const subscribers = new Map<string, Set<Client>>();

  const deliver = (c: Client, frame: string) => {
    c.ws.send(frame);
    c.sent++;
    const limit = o.faults.closeAfterMessages;
    if (limit !== null && limit > 0 && c.sent >= limit) c.ws.terminate();
  };
  const setSub = (c: Client, channel: string, on: boolean) => {
    let set = subscribers.get(channel);
    if (on) {
      c.channels.add(channel);
      if (!set) {
        set = new Set();
        subscribers.set(channel, set);
      }
      set.add(c);
    } else {
      c.channels.delete(channel);
      set?.delete(c);
      if (set && set.size === 0) subscribers.delete(channel);
    }
  };
  const onMessage = (c: Client, text: string) => {
    if (text === "ping") {
      if (!o.faults.silentPings) deliver(c, "pong");
      return;
    }
    let msg: { method?: unknown; op?: unknown; channels?: unknown; args?: unknown };
    try {
      msg = JSON.parse(text);
    } catch {
      return;
    }
    const method = msg.method ?? msg.op;
    const channels = msg.channels ?? msg.args;
    if ((method !== "subscribe" && method !== "unsubscribe") || !Array.isArray(channels)) return;
    for (const ch of channels) if (typeof ch === "string") setSub(c, ch, method === "subscribe");
  };

  wss.on("connection", (ws: WebSocket) => {
    const c: Client = { ws, channels: new Set(), sent: 0 };
    clients.add(c);
    ws.on("message", (data, isBinary) => onMessage(c, isBinary ? "" : data.toString()));
    ws.on("ping", (data) => {
      if (!o.faults.silentPings) ws.pong(data);
    });
    ws.on("close", () => {
      clients.delete(c);
      for (const ch of c.channels) setSub(c, ch, false);
    });
    ws.on("error", () => ws.terminate());
  });

  const reject = (socket: Duplex, status: string) => {
    socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
  };

  return {
    clients,
    /** Handles an HTTP upgrade; returns false when the path is not the WebSocket endpoint. */
    upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): boolean {
      const url = new URL(req.url ?? "/", "http://x");
      if (url.pathname !== "/ws-api") return false;
      const key = url.searchParams.get("cg-api-key");
      if (!key || (o.keys && !o.keys.has(key))) reject(socket, "401 Unauthorized");
      else if (!o.planAllowsWs) reject(socket, "403 Forbidden");
      else wss.handleUpgrade(req, socket, head, (ws) => wss.emit("connection", ws, req));
      return true;
    },
    /** Sends items on a channel to its subscribers (serialised once). */
    publish(channel: string, items: readonly object[]): void {
      const set = subscribers.get(channel);
      if (!set || set.size === 0 || items.length === 0) return;
      const frame = `{"channel":${JSON.stringify(channel)},"data":${JSON.stringify(items)}}`;
      for (const c of set) deliver(c, frame);
    },
    /** Sends text frames as they are to every open socket (fault injection: garbage, odd shapes). */
    pushRaw(frames: readonly string[]): number {
      let sent = 0;
      for (const c of clients) {
        if (c.ws.readyState !== c.ws.OPEN) continue;
        for (const f of frames) deliver(c, f);
        sent += frames.length;
      }
      return sent;
    },
    subscribersOf: (channel: string) => subscribers.get(channel),
    /** Currently subscribed trade channels. */
    tradeChannels(): TradeChannel[] {
      const out: TradeChannel[] = [];
      for (const name of subscribers.keys()) {
        const t = parseTradeChannel(name);
        if (t) out.push(t);
      }
      return out;
    },
    resetMessageCounts(): void {
      for (const c of clients) c.sent = 0;
    },
    dropAll(): void {
      for (const c of clients) c.ws.terminate();
    },
    close(): Promise<void> {
      for (const c of clients) c.ws.terminate();
      return new Promise((resolve) => wss.close(() => resolve()));
    },
  };
}

export type Hub = ReturnType<typeof createHub>;
