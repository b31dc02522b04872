/**
 * Replay mode for the ingest benchmark: pushes `count` events to every subscriber of a channel as
 * fast as the sockets allow. Frames are serialised up front (`batchSize` events each) as a few
 * templates split at their `time` values; each frame joins its template with its own event time, so
 * every replayed event is distinct (a client that drops duplicates must see all of them) while the
 * per-frame cost stays one `Array.join`. Sending pauses whenever a socket's buffer passes a
 * high-water mark, resuming on the send callback.
 */
import type { WebSocket } from "ws";
import type { Market } from "../model/market.js";
import { mulberry32, roundSig } from "../model/prng.js";
import { wsItem } from "./flow.js";
import type { Hub } from "./hub.js";

const HIGH_WATER = 4 * 1024 * 1024;
const DISTINCT_FRAMES = 64;
const TIME_MARK = '"__time__"';

export interface ReplayOptions {
  count: number;
  batchSize?: number;
  channel?: string;
}

function buildTemplates(market: Market, channel: string, batchSize: number, seed: number): string[][] {
  const rnd = mulberry32(seed);
  const pairs = market.coins.flatMap((c) => c.pairs);
  const frames: string[][] = [];
  const now = Date.now();
  for (let f = 0; f < DISTINCT_FRAMES; f++) {
    const items: object[] = [];
    for (let i = 0; i < batchSize; i++) {
      const p = pairs[Math.floor(rnd() * pairs.length)] as (typeof pairs)[number];
      const price = roundSig(market.pairPrice(p, now), 6);
      items.push(
        wsItem(
          p.exchange,
          p.instrumentId,
          p.coin,
          price,
          rnd() < 0.5 ? 1 : 2,
          0,
          Math.round(rnd() * 1e7) / 100,
        ),
      );
    }
    const json = JSON.stringify(items.map((item) => ({ ...item, time: "__time__" })));
    frames.push(`{"channel":${JSON.stringify(channel)},"data":${json}}`.split(TIME_MARK));
  }
  return frames;
}

function sendAwait(ws: WebSocket, frame: string): Promise<void> {
  return new Promise((resolve) => ws.send(frame, () => resolve()));
}

export async function replay(
  hub: Hub,
  market: Market,
  seed: number,
  o: ReplayOptions,
): Promise<{ sent: number; ms: number }> {
  const channel = o.channel ?? "liquidationOrders";
  const batchSize = Math.max(1, Math.floor(o.batchSize ?? 100));
  const targets = [...(hub.subscribersOf(channel) ?? [])].map((c) => c.ws);
  if (targets.length === 0 || o.count <= 0) return { sent: 0, ms: 0 };
  const templates = buildTemplates(market, channel, batchSize, seed);
  const full = Math.floor(o.count / batchSize);
  const rest = o.count - full * batchSize;
  const tail = rest > 0 ? buildTemplates(market, channel, rest, seed + 1)[0] : undefined;
  // Event time advances 1 ms per frame, so every frame is distinct and a replay of a million events
  // spans seconds; it ends at the start time, so no event is dated ahead of the clock (clients
  // drop future-dated events).
  const total = full + (tail ? 1 : 0);
  const t0 = Date.now() - total;
  const start = performance.now();
  for (let i = 0; i < total; i++) {
    const parts = i < full ? (templates[i % DISTINCT_FRAMES] as string[]) : (tail as string[]);
    const frame = parts.join(String(t0 + i));
    if (i === total - 1) {
      // Resolve once every socket has flushed the last frame.
      await Promise.all(targets.filter((ws) => ws.readyState === ws.OPEN).map((ws) => sendAwait(ws, frame)));
      break;
    }
    for (const ws of targets) {
      if (ws.readyState !== ws.OPEN) continue;
      if (ws.bufferedAmount > HIGH_WATER) await sendAwait(ws, frame);
      else ws.send(frame);
    }
  }
  return { sent: o.count, ms: performance.now() - start };
}
