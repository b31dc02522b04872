/**
 * Trigger ids sorted by a number (a level), in two typed arrays: the range a move covers is two
 * binary searches away, and a million entries are two buffers to the garbage collector rather
 * than a million objects it has to walk.
 */
export class SortedIds {
  keys = new Float64Array(8);
  ids = new Int32Array(8);
  n = 0;
  /** Entries [0, sorted) are in order; the rest were pushed since and wait for `settle`. */
  private sorted = 0;

  /** First index whose key is >= k (or > k when `strict`). */
  bound(k: number, strict: boolean): number {
    if (this.sorted !== this.n) this.settle();
    let lo = 0;
    let hi = this.n;
    const keys = this.keys;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const v = keys[mid] as number;
      if (v < k || (strict && v === k)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private room(): void {
    if (this.n < this.keys.length) return;
    const keys = new Float64Array(this.keys.length * 2);
    const ids = new Int32Array(this.ids.length * 2);
    keys.set(this.keys);
    ids.set(this.ids);
    this.keys = keys;
    this.ids = ids;
  }

  /** Appends out of order (a bulk load); sorted in when next searched. */
  push(k: number, id: number): void {
    this.room();
    this.keys[this.n] = k;
    this.ids[this.n] = id;
    this.n++;
  }

  /** Inserts in order, after any equal keys. */
  insert(k: number, id: number): void {
    const at = this.bound(k, true);
    this.room();
    this.keys.copyWithin(at + 1, at, this.n);
    this.ids.copyWithin(at + 1, at, this.n);
    this.keys[at] = k;
    this.ids[at] = id;
    this.sorted = ++this.n;
  }

  /**
   * Sorts what was pushed and merges it into the sorted part: a start-up's batches cost one sort
   * each, not a re-sort of everything loaded so far. Stable: equal keys keep their order.
   */
  settle(): void {
    const { keys, ids, sorted, n } = this;
    if (sorted === n) return;
    const at = (j: number) => keys[j] as number;
    const tail = Array.from({ length: n - sorted }, (_, j) => sorted + j).sort((x, y) => at(x) - at(y));
    const k2 = new Float64Array(keys.length);
    const i2 = new Int32Array(ids.length);
    for (let i = 0, j = 0, w = 0; w < n; w++) {
      const from =
        j >= tail.length || (i < sorted && at(i) <= at(tail[j] as number)) ? i++ : (tail[j++] as number);
      k2[w] = at(from);
      i2[w] = ids[from] as number;
    }
    this.keys = k2;
    this.ids = i2;
    this.sorted = n;
  }

  /** Keeps the entries whose id passes `keep`, in order. */
  compact(keep: (id: number) => boolean): void {
    this.settle();
    let w = 0;
    for (let r = 0; r < this.n; r++) {
      const id = this.ids[r] as number;
      if (!keep(id)) continue;
      this.keys[w] = this.keys[r] as number;
      this.ids[w] = id;
      w++;
    }
    this.n = w;
    this.sorted = w;
  }
}
