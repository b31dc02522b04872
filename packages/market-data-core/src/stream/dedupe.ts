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

function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/** One generation: an open-addressing table in typed arrays (no objects for the GC to trace). */
function createTable(slots: number) {
  const mask = slots - 1;
  const used = new Uint8Array(slots);
  const keys = new Int32Array(slots);
  const tags = new Int32Array(slots);
  const nums = new Float64Array(slots * 3);
  let size = 0;
  return {
    get size() {
      return size;
    },
    has(key: number, tag: number, time: number, usd: number, price: number): boolean {
      for (let i = key & mask; used[i] === 1; i = (i + 1) & mask) {
        const n = i * 3;
        if (
          keys[i] === key &&
          tags[i] === tag &&
          nums[n] === time &&
          nums[n + 1] === usd &&
          nums[n + 2] === price
        ) {
          return true;
        }
      }
      return false;
    },
    add(key: number, tag: number, time: number, usd: number, price: number): void {
      let i = key & mask;
      while (used[i] === 1) i = (i + 1) & mask;
      used[i] = 1;
      keys[i] = key;
      tags[i] = tag;
      const n = i * 3;
      nums[n] = time;
      nums[n + 1] = usd;
      nums[n + 2] = price;
      size++;
    },
    clear(): void {
      used.fill(0);
      size = 0;
    },
  };
}

/**
 * Remembers roughly the last `capacity` events to drop repeats, on the ingest hot path. Two
 * generations of open-addressing tables in typed arrays: a lookup hashes the fields once and
 * probes a few slots; forgetting is clearing the older table. A hit needs the 32-bit hash of the
 * strings, side and type plus exactly equal time, usd and price, so a different event is not
 * mistaken for a repeat. An event is remembered for between capacity/2 and capacity later ones.
 */
export function createRecentEvents(capacity: number) {
  const half = Math.max(1, Math.floor(capacity / 2));
  let slots = 2;
  while (slots < half * 2) slots *= 2; // load factor at most 1/2 keeps probe runs short
  let current = createTable(slots);
  let previous = createTable(slots);
  let lastExchange = "";
  let lastPair = "";
  let pairHash = 0;
  return {
    /**
     * True when the same event was seen recently; otherwise remembers it and returns false.
     * `side` is the raw CoinGlass side (1 or 2).
     */
    seen(
      type: "liquidation" | "trade",
      exchange: string,
      pair: string,
      side: number,
      price: number,
      usd: number,
      time: number,
    ): boolean {
      // A frame carries one channel, so the strings mostly repeat: hash them again only on change.
      if (exchange !== lastExchange || pair !== lastPair) {
        lastExchange = exchange;
        lastPair = pair;
        pairHash = mixString(mixString(0x2545f491, exchange), pair);
      }
      const tag = mix(pairHash, type === "liquidation" ? side : side + 2);
      const key = fmix(mixDouble(mixDouble(mixDouble(tag, time), usd), price));
      if (current.has(key, tag, time, usd, price) || previous.has(key, tag, time, usd, price)) return true;
      if (current.size >= half) {
        const emptied = previous;
        emptied.clear();
        previous = current;
        current = emptied;
      }
      current.add(key, tag, time, usd, price);
      return false;
    },
    get size() {
      return current.size + previous.size;
    },
  };
}

export type RecentEvents = ReturnType<typeof createRecentEvents>;
