/**
 * Remembers roughly the last `capacity` keys in two generations of Sets: a lookup is two hash
 * probes, and forgetting is dropping the older generation — no per-key timers or linked lists
 * on the hot path. A key is remembered for between capacity/2 and capacity later insertions.
 */
export function createRecentKeys(capacity: number) {
  const half = Math.max(1, Math.floor(capacity / 2));
  let current = new Set<string>();
  let previous = new Set<string>();
  return {
    /** True when the key was seen recently; otherwise remembers it and returns false. */
    seen(key: string): boolean {
      if (current.has(key) || previous.has(key)) return true;
      if (current.size >= half) {
        previous = current;
        current = new Set();
      }
      current.add(key);
      return false;
    },
    get size() {
      return current.size + previous.size;
    },
  };
}

export type RecentKeys = ReturnType<typeof createRecentKeys>;
