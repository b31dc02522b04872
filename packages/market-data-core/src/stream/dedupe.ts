// Views over one 8-byte buffer to read the bits of a double without allocating.
const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);
// Odd multipliers for the two hash lanes (golden ratio and a murmur3 constant).
const A = 0x9e3779b1;
const B = 0x85ebca77;

function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

function hashStrings(exchange: string, pair: string): number {
  let h = 0x2545f491;
  for (let i = 0; i < exchange.length; i++) h = Math.imul(h ^ exchange.charCodeAt(i), A);
  h = Math.imul(h ^ 0xffff, A); // a separator: ("ab", "c") and ("a", "bc") differ
  for (let i = 0; i < pair.length; i++) h = Math.imul(h ^ pair.charCodeAt(i), A);
  return h;
}

/**
 * Remembers roughly the last `capacity` events to drop repeats, on the ingest hot path.
 *
 * Each event is reduced to a 63-bit fingerprint of every field (type, side, exchange, pair and the
 * exact bits of time, usd and price), two multiply-xor lanes finished by murmur3's mixer. Two
 * generations of open-addressing tables hold fingerprints only, 8 bytes a slot in one typed array:
 * a new event costs one hash and a probe or two in each table, all within a cache line or two (the
 * table used to keep every field, four arrays and five cache lines per probe, which made the filter
 * a seventh of the ingest thread's time). Forgetting is clearing the older table. Two different
 * events are taken for one only if their fingerprints collide: about capacity / 2^63 per lookup.
 * An event is remembered for between capacity/2 and capacity later ones.
 */
export function createRecentEvents(capacity: number) {
  const half = Math.max(1, Math.floor(capacity / 2));
  let slots = 2;
  while (slots < half * 2) slots *= 2; // load factor at most 1/2 keeps probe runs short
  const mask = slots - 1;
  // Slot i is [2i] = fingerprint high word (never 0 once used: bit 0 is forced on), [2i+1] = low.
  let current = new Int32Array(slots * 2);
  let previous = new Int32Array(slots * 2);
  let size = 0;
  let previousSize = 0;
  let lastExchange = "";
  let lastPair = "";
  let pairHash = 0;

  const has = (table: Int32Array, hi: number, lo: number): boolean => {
    for (let i = lo & mask; ; i = (i + 1) & mask) {
      const word = table[i << 1] as number;
      if (word === 0) return false;
      if (word === hi && table[(i << 1) + 1] === lo) return true;
    }
  };

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
        pairHash = hashStrings(exchange, pair);
      }
      let a = pairHash ^ (type === "liquidation" ? side : side + 2);
      let b = a ^ 0x5bd1e995;
      f64[0] = time;
      let w0 = u32[0] as number;
      let w1 = u32[1] as number;
      a = Math.imul(Math.imul(a ^ w0, A) ^ w1, A);
      b = Math.imul(Math.imul(b ^ w1, B) ^ w0, B);
      f64[0] = usd;
      w0 = u32[0] as number;
      w1 = u32[1] as number;
      a = Math.imul(Math.imul(a ^ w0, A) ^ w1, A);
      b = Math.imul(Math.imul(b ^ w1, B) ^ w0, B);
      f64[0] = price;
      w0 = u32[0] as number;
      w1 = u32[1] as number;
      a = Math.imul(Math.imul(a ^ w0, A) ^ w1, A);
      b = Math.imul(Math.imul(b ^ w1, B) ^ w0, B);
      const hi = fmix(a) | 1;
      const lo = fmix(b);
      if (has(current, hi, lo) || has(previous, hi, lo)) return true;
      if (size >= half) {
        const emptied = previous;
        emptied.fill(0);
        previous = current;
        current = emptied;
        previousSize = size;
        size = 0;
      }
      let i = lo & mask;
      while (current[i << 1] !== 0) i = (i + 1) & mask;
      current[i << 1] = hi;
      current[(i << 1) + 1] = lo;
      size++;
      return false;
    },
    /** Events remembered now (at most `capacity`). */
    get size() {
      return size + previousSize;
    },
  };
}

export type RecentEvents = ReturnType<typeof createRecentEvents>;
