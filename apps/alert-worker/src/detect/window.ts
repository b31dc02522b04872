/**
 * A sliding window of USD totals and counts over per-second buckets on event time.
 *
 * O(1) per event and fixed memory: a ring of `seconds` buckets plus running sums. The window is the
 * newest second seen and the `seconds - 1` seconds before it, so an event leaves it between
 * `seconds - 1` and `seconds` seconds after it happened. Events older than the window are ignored.
 */
export interface SecondWindow {
  /** Adds an event; returns false (and adds nothing) when it is older than the window. */
  add(timeMs: number, usd: number): boolean;
  /** Moves the window's "now" forward to this event time without adding anything. */
  advanceTo(timeMs: number): void;
  /** Total USD in the window. */
  readonly usd: number;
  readonly count: number;
  /** Earliest event time in the window, or null when empty (O(window) — call it only to build an alert). */
  firstAt(): number | null;
  lastAt(): number | null;
  clear(): void;
}

export function createSecondWindow(seconds: number): SecondWindow {
  const n = Math.max(1, Math.floor(seconds));
  const stamp = new Float64Array(n).fill(-1);
  const usd = new Float64Array(n);
  const count = new Int32Array(n);
  const first = new Float64Array(n);
  const last = new Float64Array(n);
  let head = -1; // newest second seen
  let sumUsd = 0;
  let sumCount = 0;

  const evict = (i: number) => {
    sumUsd -= usd[i] as number;
    sumCount -= count[i] as number;
    usd[i] = 0;
    count[i] = 0;
    stamp[i] = -1;
  };

  const advance = (sec: number) => {
    if (sec - head >= n) {
      stamp.fill(-1);
      usd.fill(0);
      count.fill(0);
      sumUsd = 0;
      sumCount = 0;
    } else {
      for (let s = head + 1; s <= sec; s++) evict(s % n);
    }
    head = sec;
    // Float sums drift after many subtractions; an empty window is exactly zero.
    if (sumCount === 0) sumUsd = 0;
  };

  return {
    add(timeMs, value) {
      const sec = Math.floor(timeMs / 1000);
      if (sec > head) advance(sec);
      else if (sec <= head - n) return false;
      const i = sec % n;
      if (stamp[i] !== sec) {
        stamp[i] = sec;
        first[i] = timeMs;
        last[i] = timeMs;
      } else {
        if (timeMs < (first[i] as number)) first[i] = timeMs;
        if (timeMs > (last[i] as number)) last[i] = timeMs;
      }
      usd[i] = (usd[i] as number) + value;
      count[i] = (count[i] as number) + 1;
      sumUsd += value;
      sumCount += 1;
      return true;
    },
    advanceTo(timeMs) {
      const sec = Math.floor(timeMs / 1000);
      if (sec > head) advance(sec);
    },
    get usd() {
      return sumUsd;
    },
    get count() {
      return sumCount;
    },
    firstAt() {
      let min: number | null = null;
      for (let i = 0; i < n; i++) {
        if (
          (stamp[i] as number) >= 0 &&
          (count[i] as number) > 0 &&
          (min === null || (first[i] as number) < min)
        ) {
          min = first[i] as number;
        }
      }
      return min;
    },
    lastAt() {
      let max: number | null = null;
      for (let i = 0; i < n; i++) {
        if (
          (stamp[i] as number) >= 0 &&
          (count[i] as number) > 0 &&
          (max === null || (last[i] as number) > max)
        ) {
          max = last[i] as number;
        }
      }
      return max;
    },
    clear() {
      advance(head + n);
    },
  };
}
