import type { StreamEvent } from "./types.js";

// Views over one 8-byte buffer to read the bits of a double without allocating.
const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);

function mix(h: number, k: number): number {
  let x = Math.imul(k, 0xcc9e2d51);
  x = (x << 15) | (x >>> 17);
  h ^= Math.imul(x, 0x1b873593);
  h = (h << 13) | (h >>> 19);
  return (Math.imul(h, 5) + 0xe6546b64) | 0;
}

function mixDouble(h: number, v: number): number {
  f64[0] = v;
  return mix(mix(h, u32[0]!), u32[1]!);
}

function mixString(h: number, s: string): number {
  for (let i = 0; i < s.length; i++) h = mix(h, s.charCodeAt(i));
  return mix(h, s.length);
}

/** A 32-bit MurmurHash3-style hash of an event's content (its channel is not part of it). */
export function eventHash(e: StreamEvent): number {
  let h = e.type === "liquidation" ? 0x2545f491 : 0x5bd1e995;
  h = mixDouble(h, e.time);
  h = mixDouble(h, e.usd);
  h = mixDouble(h, e.price);
  h = mix(h, e.side.charCodeAt(0));
  h = mixString(h, e.exchange);
  h = mixString(h, e.pair);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

function sameEvent(a: StreamEvent, b: StreamEvent): boolean {
  return (
    a.time === b.time &&
    a.usd === b.usd &&
    a.price === b.price &&
    a.side === b.side &&
    a.type === b.type &&
    a.pair === b.pair &&
    a.exchange === b.exchange
  );
}

/**
 * Remembers roughly the last `capacity` events to drop repeats, on the ingest hot path. Keys are
 * 32-bit content hashes in two generations of Maps (a lookup is two integer probes; forgetting is
 * dropping the older generation), and a hit is confirmed field by field, so a hash collision can
 * never drop a real event. An event is remembered for between capacity/2 and capacity later ones.
 */
export function createRecentEvents(capacity: number) {
  const half = Math.max(1, Math.floor(capacity / 2));
  let current = new Map<number, StreamEvent>();
  let previous = new Map<number, StreamEvent>();
  return {
    /** True when the same event was seen recently; otherwise remembers it and returns false. */
    seen(e: StreamEvent): boolean {
      const h = eventHash(e);
      const hit = current.get(h) ?? previous.get(h);
      if (hit !== undefined && sameEvent(hit, e)) return true;
      if (current.size >= half) {
        previous = current;
        current = new Map();
      }
      current.set(h, e);
      return false;
    },
    get size() {
      return current.size + previous.size;
    },
  };
}

export type RecentEvents = ReturnType<typeof createRecentEvents>;
