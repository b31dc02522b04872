import { SortedIds } from "./sorted-ids.js";

type Visit = (trigger: number, value: number, prev: number, now: number) => void;

const each = (
  l: SortedIds,
  from: number,
  to: number,
  value: number,
  prev: number,
  now: number,
  visit: Visit,
) => {
  for (let j = from; j < to; j++) visit(l.ids[j] as number, value, prev, now);
};

/**
 * One series' triggers, four ways sorted (up by fire and by rearm, down by fire and by rearm),
 * and the last value seen (NaN before the first). Invariant after every tick: no armed trigger is
 * past its level, and no disarmed every-crossing trigger is back inside its band — so a move from
 * `prev` to `value` can only change triggers whose level lies between the two.
 */
export class Book {
  last = Number.NaN;
  readonly upFire = new SortedIds();
  readonly upRearm = new SortedIds();
  readonly downFire = new SortedIds();
  readonly downRearm = new SortedIds();
  constructor(readonly series: string) {}

  /** The fire-sorted and rearm-sorted lists of one direction. */
  lists(up: boolean): [SortedIds, SortedIds] {
    return up ? [this.upFire, this.upRearm] : [this.downFire, this.downRearm];
  }

  all(): SortedIds[] {
    return [this.upFire, this.upRearm, this.downFire, this.downRearm];
  }

  /**
   * Calls `visit` for each trigger a move from `prev` to `value` may change (see the invariant),
   * with a visitor made once: a tick allocates nothing unless something happens.
   */
  candidates(prev: number, value: number, now: number, visit: Visit): void {
    const { upFire, upRearm, downFire, downRearm } = this;
    if (value > prev) {
      // up triggers whose level was crossed; down triggers whose band was left behind
      each(upFire, upFire.bound(prev, true), upFire.bound(value, true), value, prev, now, visit);
      each(downRearm, downRearm.bound(prev, false), downRearm.bound(value, false), value, prev, now, visit);
    } else if (value < prev) {
      each(downFire, downFire.bound(value, false), downFire.bound(prev, false), value, prev, now, visit);
      each(upRearm, upRearm.bound(value, true), upRearm.bound(prev, true), value, prev, now, visit);
    }
  }
}

/** The books by series name, each also known by a number (what a trigger's column holds). */
export class SeriesBooks {
  private readonly books: Book[] = [];
  private readonly ids = new Map<string, number>();

  /** The number of a series' book, made on first use. */
  id(series: string): number {
    let id = this.ids.get(series);
    if (id === undefined) {
      id = this.books.push(new Book(series)) - 1;
      this.ids.set(series, id);
    }
    return id;
  }

  at(id: number): Book {
    return this.books[id] as Book;
  }

  get(series: string): Book | undefined {
    const id = this.ids.get(series);
    return id === undefined ? undefined : this.books[id];
  }

  names(): string[] {
    return [...this.ids.keys()];
  }

  /** Keeps, in every list, the triggers that pass `keep`. */
  compact(keep: (trigger: number) => boolean): void {
    for (const b of this.books) for (const l of b.all()) l.compact(keep);
  }
}
