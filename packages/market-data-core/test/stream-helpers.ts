import type { AddressInfo } from "node:net";
import { type WebSocket, WebSocketServer } from "ws";
import type { StreamClient, StreamEvent } from "../src/index.js";

/** A tiny WebSocket peer for cases the simulator does not produce (snake_case, odd frames). */
export async function startLocalWsServer() {
  const wss = new WebSocketServer({ port: 0, host: "127.0.0.1" });
  await new Promise<void>((r) => wss.once("listening", () => r()));
  const connections: { ws: WebSocket; url: string; received: string[] }[] = [];
  let answerPings = true;
  wss.on("connection", (ws, req) => {
    const conn = { ws, url: req.url ?? "", received: [] as string[] };
    connections.push(conn);
    ws.on("message", (data) => {
      const text = data.toString();
      conn.received.push(text);
      if (text === "ping" && answerPings) ws.send("pong");
    });
  });
  const port = (wss.address() as AddressInfo).port;
  return {
    url: `ws://127.0.0.1:${port}/ws-api`,
    connections,
    latest: () => connections[connections.length - 1],
    setAnswerPings(on: boolean) {
      answerPings = on;
    },
    /** Sends to every open connection. */
    push(text: string) {
      for (const c of connections) if (c.ws.readyState === c.ws.OPEN) c.ws.send(text);
    },
    close: () =>
      new Promise<void>((r) => {
        for (const c of connections) c.ws.terminate();
        wss.close(() => r());
      }),
  };
}

/** Collects every batch a client hands over. */
export function collect(client: StreamClient) {
  const batches: StreamEvent[][] = [];
  const events: StreamEvent[] = [];
  client.onEvents((b) => {
    batches.push(b);
    for (const e of b) events.push(e);
  });
  return { batches, events };
}
