/**
 * Seeded randomness. Two kinds: a stateful PRNG (mulberry32) for event streams, and stateless
 * hashes of (seed, key, index) so that time-derived data (prices, history) is a pure function of
 * the seed and the timestamp — two requests, or two simulators with the same seed, agree.
 */

/** mulberry32: a tiny, fast 32-bit PRNG. Returns a function yielding floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** FNV-1a hash of a string to an unsigned 32-bit integer (used once per key, not per sample). */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Stateless hash of three integers to a float in [0, 1). */
export function hash01(a: number, b: number, c: number): number {
  let h = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b);
  h ^= Math.imul(b + 0x7f4a7c15, 0xc2b2ae35);
  h = Math.imul(h ^ (h >>> 13), 0x27d4eb2f);
  h ^= Math.imul(c + 0x165667b1, 0x9e3779b1);
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return ((h ^ (h >>> 16)) >>> 0) / 4294967296;
}

/** Smooth value noise in [-1, 1] at position x (lattice values interpolated with smoothstep). */
export function valueNoise(key: number, salt: number, x: number): number {
  const i = Math.floor(x);
  const f = x - i;
  const a = hash01(key, salt, i) * 2 - 1;
  const b = hash01(key, salt, i + 1) * 2 - 1;
  const s = f * f * (3 - 2 * f);
  return a + (b - a) * s;
}

/**
 * Fractal noise: a sum of value-noise octaves with periods `periodsMs` and amplitudes
 * proportional to sqrt(period) — which makes it look like a random walk across time scales.
 */
export function fractal(
  key: number,
  t: number,
  periodsMs: readonly number[],
  amps: readonly number[],
): number {
  let sum = 0;
  for (let k = 0; k < periodsMs.length; k++) {
    sum += (amps[k] as number) * valueNoise(key, k, t / (periodsMs[k] as number));
  }
  return sum;
}

/** Round to `d` decimals. */
export function round(x: number, d: number): number {
  const m = 10 ** d;
  return Math.round(x * m) / m;
}

/** Round to a number of significant digits (prices of cheap coins keep their precision). */
export function roundSig(x: number, sig: number): number {
  if (x === 0 || !Number.isFinite(x)) return x;
  const d = Math.max(0, sig - 1 - Math.floor(Math.log10(Math.abs(x))));
  return round(x, Math.min(d, 12));
}
