/** Test helpers: real HTTP and WebSocket clients against a simulator on port 0. */
import WebSocket from "ws";
import type { Simulator } from "../src/index.js";

export interface Reply {
  status: number;
  headers: Headers;
  body: { code: string | number; msg?: string; data?: unknown; success?: boolean };
}

export async function get(
  sim: Simulator,
  path: string,
  query = "",
  key: string | null = "test-key",
): Promise<Reply> {
  const headers: Record<string, string> = key === null ? {} : { "CG-API-KEY": key };
  const res = await fetch(`${sim.restUrl}${path}${query ? `?${query}` : ""}`, { headers });
  return { status: res.status, headers: res.headers, body: (await res.json()) as Reply["body"] };
}

/** GET that expects success and returns `data`. */
export async function data<T = unknown>(sim: Simulator, path: string, query = ""): Promise<T> {
  const r = await get(sim, path, query);
  if (r.status !== 200 || r.body.code !== "0")
    throw new Error(`${path}: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body.data as T;
}

/**
 * Polls until `cond` holds (generous timeout: the machine is shared). The simulator keeps its own
 * copy of the suites' `waitFor` (@teleglas/market-data-core/testing): the core depends on the
 * simulator for its tests, so the simulator cannot depend on the core.
 */
export async function waitFor(cond: () => boolean, timeoutMs = 10_000, what = "condition"): Promise<void> {
  const start = Date.now();
  while (!cond()) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

export interface WsItem {
  baseAsset: string;
  exName: string;
  price: number;
  side: number;
  symbol: string;
  time: number;
  volUsd: number;
}

/** A WebSocket client that records every text message. */
export async function connect(sim: Simulator, key = "test-key") {
  const ws = new WebSocket(`${sim.wsUrl}?cg-api-key=${key}`);
  const texts: string[] = [];
  const frames: { channel: string; data: WsItem[] }[] = [];
  let closed = false;
  ws.on("message", (raw) => {
    const t = raw.toString();
    texts.push(t);
    if (t.startsWith("{")) frames.push(JSON.parse(t));
  });
  ws.on("close", () => {
    closed = true;
  });
  await new Promise<void>((resolve, reject) => {
    ws.once("open", () => resolve());
    ws.once("error", reject);
  });
  return {
    ws,
    texts,
    frames,
    isClosed: () => closed,
    items: (channel: string) => frames.filter((f) => f.channel === channel).flatMap((f) => f.data),
    send: (msg: unknown) => ws.send(typeof msg === "string" ? msg : JSON.stringify(msg)),
    close: () => ws.terminate(),
  };
}

/** Sends a subscribe and waits until the server has processed it (a ping round trip after it). */
export async function subscribe(
  c: Awaited<ReturnType<typeof connect>>,
  channels: string[],
  method = "subscribe",
) {
  const pongs = c.texts.filter((t) => t === "pong").length;
  c.send({ method, channels });
  c.send("ping");
  await waitFor(() => c.texts.filter((t) => t === "pong").length > pongs, 10_000, "pong after subscribe");
}

/** A fixed clock so every request of a test sees the same model tick. */
export const FIXED_NOW = Date.UTC(2026, 0, 15, 12, 34, 56, 789);
