/**
 * A bounded "seen recently" set of string keys: two generations of Sets, the older dropped when the
 * newer fills, so memory stays flat without per-key timers. A key is remembered for between
 * capacity/2 and capacity later insertions.
 */
export function createRecentKeys(capacity: number) {
  const half = Math.max(1, Math.floor(capacity / 2));
  let current = new Set<string>();
  let previous = new Set<string>();
  return {
    has: (key: string) => current.has(key) || previous.has(key),
    add(key: string) {
      if (current.has(key)) return;
      if (current.size >= half) {
        previous = current;
        current = new Set();
      }
      current.add(key);
    },
  };
}
