import {
  EXPIRED,
  KINDS,
  type LiveRule,
  NOTHING,
  type Outcome,
  type OutcomeKind,
  STARTED,
} from "./index-book.js";
import { RuleSlots } from "./rule-slots.js";
import { type Book, SeriesBooks } from "./series-books.js";

/** What a tick that changes nothing returns: shared, so such a tick allocates nothing. */
const NONE: readonly Outcome[] = Object.freeze([]);

/**
 * Every live rule, indexed per series (coin + figure + exchange) and direction, sorted by level.
 * A tick's work depends on how far values moved and how many triggers they crossed, not on the
 * number of rules; a series' first value (after a start or a take-over) looks at its rules once.
 * The rules themselves are columns (RuleSlots); outcomes carry object views of them, one per rule
 * and call, holding the rule's state after the call.
 */
export class RuleIndex {
  private readonly slots = new RuleSlots();
  private readonly books = new SeriesBooks();
  /** Chat -> its first slot (then `slots.next`). */
  private readonly chats = new Map<number, number>();
  /** Slots of rules with an expiry, soonest last (popped as they pass). */
  private expiring: number[] = [];
  private out: Outcome[] = [];
  private readonly views = new Map<number, LiveRule>();
  private readonly seriesOf = (book: number) => this.books.at(book).series;
  private readonly visit = (i: number, value: number, prev: number, now: number) =>
    this.decide(i, value, prev, now);

  get size(): number {
    return this.slots.live;
  }

  /** The last value seen of a series (null before the first tick). */
  value(series: string): number | null {
    const last = this.books.get(series)?.last ?? Number.NaN;
    return Number.isNaN(last) ? null : last;
  }

  series(): string[] {
    return this.books.names();
  }

  /** A rule into a slot, its chat's list and the expiry order (not yet into its book). */
  private place(rule: LiveRule): number {
    const s = this.slots.put(
      rule,
      rule.triggers.map((t) => this.books.id(t.series)),
    );
    this.slots.next[s] = this.chats.get(rule.chatId) ?? -1;
    this.chats.set(rule.chatId, s);
    if (rule.expiresAt !== null) this.expiring.push(s);
    return s;
  }

  /** The book of trigger i. */
  private bookOf(i: number): Book {
    return this.books.at(this.slots.book[i] as number);
  }

  private sortExpiring(): void {
    const e = this.slots.expires;
    this.expiring.sort((a, b) => (e[b] as number) - (e[a] as number));
  }

  /** Many rules at once (start-up): appended, sorted in when their book is next searched. */
  load(rules: LiveRule[]): void {
    for (const rule of rules) {
      if (rule.triggers.length === 0) continue;
      const s = this.place(rule);
      for (let i = 2 * s; i < 2 * s + (this.slots.triggers[s] as number); i++) {
        const [fire, rearm] = this.bookOf(i).lists(this.slots.isUp(i));
        fire.push(this.slots.fire[i] as number, i);
        rearm.push(this.slots.rearm[i] as number, i);
      }
    }
    this.sortExpiring();
  }

  /** One rule (created, edited, resumed); a fresh one meets its series' value at once if known. */
  add(rule: LiveRule, now: number): Outcome[] {
    if (rule.triggers.length === 0) return NONE as Outcome[];
    const s = this.place(rule);
    if (rule.expiresAt !== null) this.sortExpiring();
    const n = this.slots.triggers[s] as number;
    for (let i = 2 * s; i < 2 * s + n; i++) {
      const [fire, rearm] = this.bookOf(i).lists(this.slots.isUp(i));
      fire.insert(this.slots.fire[i] as number, i);
      rearm.insert(this.slots.rearm[i] as number, i);
    }
    const last = this.bookOf(2 * s).last;
    if (!Number.isNaN(last)) {
      if (this.slots.isFresh(s)) this.start(s, last, now);
      else for (let i = 2 * s; i < 2 * s + n; i++) this.decide(i, last, null, now);
    }
    return this.finish();
  }

  /** Drops every rule of a chat (before reloading it from the store). */
  removeChat(chatId: number): void {
    for (let s = this.chats.get(chatId) ?? -1; s >= 0; s = this.slots.next[s] as number) this.slots.remove(s);
    this.chats.delete(chatId);
  }

  /**
   * A new value of a series: the outcomes (fired, re-armed, cooling, started, expired) in level
   * order. Rules done (once, fired) or expired leave the index.
   */
  tick(series: string, value: number, now: number): Outcome[] {
    const b = this.books.get(series);
    if (!b || !Number.isFinite(value)) return NONE as Outcome[];
    const prev = b.last;
    b.last = value;
    if (Number.isNaN(prev)) this.firstLook(b, value, now);
    else b.candidates(prev, value, now, this.visit);
    return this.finish();
  }

  /** Every rule of the series, once: fresh ones start, the others decide from no previous value. */
  private firstLook(b: Book, value: number, now: number): void {
    for (const l of [b.upFire, b.downFire]) {
      l.settle(); // in level order, as a later tick would see them
      for (let j = 0; j < l.n; j++) {
        const i = l.ids[j] as number;
        const s = i >> 1;
        if (!this.slots.isLive(s)) continue;
        if (!this.slots.isFresh(s)) this.decide(i, value, null, now);
        else if ((i & 1) === 0) this.start(s, value, now); // once per rule, at its first trigger
      }
    }
  }

  private decide(i: number, value: number, previous: number | null, now: number): void {
    const v = this.slots.decide(i, value, now);
    if (v !== NOTHING) this.emit(v, i, value, previous);
  }

  /** `start` (see index-book) on a slot. */
  private start(s: number, value: number, now: number): void {
    const flip = this.slots.arm(s, value);
    const before = this.out.length;
    for (let i = 2 * s; i < 2 * s + (this.slots.triggers[s] as number); i++) this.decide(i, value, null, now);
    // A flip's starting side is state worth keeping even when nothing fired.
    if (flip && this.out.length === before) this.emit(STARTED, 2 * s, value, null);
  }

  private emit(v: number, i: number, value: number, previous: number | null): void {
    const s = i >> 1;
    let rule = this.views.get(s);
    if (!rule) {
      rule = this.slots.view(s, this.seriesOf);
      this.views.set(s, rule);
    }
    const trigger = rule.triggers[i - 2 * s] ?? rule.triggers[0];
    if (trigger) this.out.push({ kind: KINDS[v] as OutcomeKind, rule, trigger, value, previous });
  }

  /** Rules whose time ran out while their series did not move: dropped, soonest first. */
  expire(now: number): Outcome[] {
    const e = this.slots.expires;
    for (let s = this.expiring.at(-1); s !== undefined && (e[s] as number) <= now; s = this.expiring.at(-1)) {
      this.expiring.pop();
      if (!this.slots.isLive(s)) continue;
      this.slots.remove(s);
      this.emit(EXPIRED, 2 * s, Number.NaN, null);
    }
    return this.finish();
  }

  /** The call's outcomes, their views holding each rule's final state; then a sweep if due. */
  private finish(): Outcome[] {
    let done = NONE as Outcome[];
    if (this.out.length > 0) {
      for (const [s, rule] of this.views) {
        rule.state = this.slots.state(s);
        if (!this.slots.isLive(s)) rule.removed = true;
      }
      this.views.clear();
      done = this.out;
      this.out = [];
    }
    this.sweepIfDue(); // after the views: it frees removed slots for reuse
    return done;
  }

  /** Removed entries are swept once they are a good share of the index, not on every removal. */
  private sweepIfDue(): void {
    const sl = this.slots;
    if (sl.removedSinceSweep <= 1024 || sl.removedSinceSweep <= sl.live / 4) return;
    this.books.compact((i) => sl.isLive(i >> 1));
    for (const [chat, first] of this.chats) {
      let head = -1;
      for (let s = first, next = -1; s >= 0; s = next) {
        next = sl.next[s] as number;
        if (!sl.isLive(s)) continue;
        sl.next[s] = head;
        head = s;
      }
      if (head < 0) this.chats.delete(chat);
      else this.chats.set(chat, head);
    }
    this.expiring = this.expiring.filter((s) => sl.isLive(s));
    sl.releaseRemoved();
  }
}
