import { channelEventType } from "./channels.js";
import type { RecentEvents } from "./dedupe.js";
import type { StreamEvent } from "./types.js";

/** What one frame turned out to be. */
export type FrameResult =
  | { kind: "events"; events: StreamEvent[]; malformedItems: number; duplicates: number }
  | { kind: "pong" }
  | { kind: "ack" }
  | { kind: "ignored" }
  | { kind: "server_error"; message: string }
  | { kind: "malformed"; message: string };

const QUOTES = ["USDT", "USDC", "FDUSD", "BUSD", "USD"];
const PONG: FrameResult = { kind: "pong" };
const ACK: FrameResult = { kind: "ack" };
const IGNORED: FrameResult = { kind: "ignored" };

/** "BTCUSDT" -> "BTC" when an item omits its base asset; null when the quote is not recognised. */
function coinOfPair(pair: string): string | null {
  for (const q of QUOTES) if (pair.length > q.length && pair.endsWith(q)) return pair.slice(0, -q.length);
  return null;
}

function num(v: unknown): number {
  if (typeof v === "number") return v;
  if (typeof v === "string" && v !== "") return Number(v);
  return Number.NaN;
}

type Item = Record<string, unknown>;

/**
 * Parses one text frame: `pong`, a `{channel, data:[…]}` push (camelCase as documented, or the
 * snake_case some SDKs show), an ack or an error. Never throws. With `recent`, events seen
 * recently are dropped (counted in `duplicates`).
 */
export function parseStreamFrame(text: string, recent?: RecentEvents): FrameResult {
  if (text === "pong") return PONG;
  let msg: unknown;
  try {
    msg = JSON.parse(text);
  } catch {
    return { kind: "malformed", message: `not JSON (${text.length} chars)` };
  }
  if (typeof msg !== "object" || msg === null) return { kind: "malformed", message: "not an object" };
  const m = msg as Item;
  if (typeof m.channel !== "string" || !Array.isArray(m.data)) {
    if (m.error !== undefined) return { kind: "server_error", message: String(m.error).slice(0, 200) };
    if (m.success !== undefined || m.event !== undefined) return ACK;
    return { kind: "malformed", message: "no channel/data" };
  }
  const type = channelEventType(m.channel);
  if (type === null) return IGNORED;
  const channel = m.channel;
  const data = m.data as unknown[];
  const events: StreamEvent[] = [];
  let malformedItems = 0;
  let duplicates = 0;
  for (let i = 0; i < data.length; i++) {
    const it = data[i] as Item | null;
    if (typeof it !== "object" || it === null) {
      malformedItems++;
      continue;
    }
    const exchange = it.exName ?? it.exchange_name ?? it.exchange;
    const pair = it.symbol ?? it.pair;
    const price = num(it.price);
    const usd = num(it.volUsd ?? it.vol_usd ?? it.volume_usd ?? it.usd_value);
    const time = num(it.time ?? it.timestamp);
    const side = num(it.side);
    if (
      typeof exchange !== "string" ||
      typeof pair !== "string" ||
      !(price > 0) ||
      !(usd >= 0) ||
      !Number.isFinite(usd) ||
      !Number.isFinite(time) ||
      (side !== 1 && side !== 2)
    ) {
      malformedItems++;
      continue;
    }
    const base = it.baseAsset ?? it.base_asset;
    const coin = typeof base === "string" && base !== "" ? base : coinOfPair(pair);
    if (coin === null) {
      malformedItems++;
      continue;
    }
    if (recent?.seen(type, exchange, pair, side, price, usd, time)) {
      duplicates++;
      continue;
    }
    events.push(
      type === "liquidation"
        ? { type, exchange, pair, coin, price, side: side === 1 ? "long" : "short", usd, time, channel }
        : { type, exchange, pair, coin, price, side: side === 1 ? "sell" : "buy", usd, time, channel },
    );
  }
  return { kind: "events", events, malformedItems, duplicates };
}
