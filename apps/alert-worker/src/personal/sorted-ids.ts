/**
 * Trigger ids sorted by a number (a level), in two typed arrays: the range a move covers is two
 * binary searches away, and a million entries are two buffers to the garbage collector rather
 * than a million objects it has to walk.
 */
export class SortedIds {
  keys = new Float64Array(8);
  ids = new Int32Array(8);
  n = 0;

  /** First index whose key is >= k (or > k when `strict`). */
  bound(k: number, strict: boolean): number {
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

  /** Appends unsorted (a bulk load, sorted once after). */
  push(k: number, id: number): void {
    this.room();
    this.keys[this.n] = k;
    this.ids[this.n] = id;
    this.n++;
  }

  /** Inserts in order, after any equal keys. */
  insert(k: number, id: number): void {
    this.room();
    const at = this.bound(k, true);
    this.keys.copyWithin(at + 1, at, this.n);
    this.ids.copyWithin(at + 1, at, this.n);
    this.keys[at] = k;
    this.ids[at] = id;
    this.n++;
  }

  /** Sorts by key (stable: equal keys keep their order). */
  sort(): void {
    const { keys, ids, n } = this;
    const order = Array.from({ length: n }, (_, i) => i).sort(
      (a, b) => (keys[a] as number) - (keys[b] as number),
    );
    const k2 = new Float64Array(keys.length);
    const i2 = new Int32Array(ids.length);
    order.forEach((from, to) => {
      k2[to] = keys[from] as number;
      i2[to] = ids[from] as number;
    });
    this.keys = k2;
    this.ids = i2;
  }

  /** Keeps the entries whose id passes `keep`, in order. */
  compact(keep: (id: number) => boolean): void {
    let w = 0;
    for (let r = 0; r < this.n; r++) {
      const id = this.ids[r] as number;
      if (!keep(id)) continue;
      this.keys[w] = this.keys[r] as number;
      this.ids[w] = id;
      w++;
    }
    this.n = w;
  }
}
