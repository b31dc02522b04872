import type { RuleState } from "@teleglas/market-data-core";
import { backInside, beyond, type Trigger } from "./triggers.js";

/** A rule as the evaluator keeps it: just what deciding needs (the full rule stays in Redis). */
export interface LiveRule {
  chatId: number;
  id: string;
  /** 0 once, 1 every crossing, 2 at most every `cooldownMs`. */
  mode: 0 | 1 | 2;
  cooldownMs: number;
  expiresAt: number | null;
  state: RuleState;
  triggers: Trigger[];
  /** Set when deleted, edited, done or expired: its index entries are skipped, then swept. */
  removed?: boolean;
}

export type OutcomeKind = "fired" | "rearmed" | "cooling" | "started" | "expired";

/** Something that changed a rule's state and must be saved (and, when fired, published first). */
export interface Outcome {
  kind: OutcomeKind;
  rule: LiveRule;
  trigger: Trigger;
  value: number;
  previous: number | null;
}

interface Entry {
  rule: LiveRule;
  t: Trigger;
}

/** Entries sorted by one number: the range of a tick is two binary searches away. */
class SortedEntries {
  items: Entry[] = [];
  constructor(private readonly key: (e: Entry) => number) {}
  /** First index whose key is >= k (or > k when `strict`). */
  bound(k: number, strict: boolean): number {
    let lo = 0;
    let hi = this.items.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const v = this.key(this.items[mid] as Entry);
      if (v < k || (strict && v === k)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
  insert(e: Entry): void {
    this.items.splice(this.bound(this.key(e), true), 0, e);
  }
  sort(): void {
    this.items.sort((a, b) => this.key(a) - this.key(b));
  }
  /** Entries with key in [from, to) by index. */
  slice(from: number, to: number): Entry[] {
    return this.items.slice(from, to);
  }
  compact(): void {
    this.items = this.items.filter((e) => !e.rule.removed);
  }
}

/**
 * One series' triggers, four ways sorted (up by fire and by rearm, down by fire and by rearm),
 * and the last value seen. Invariant after every tick: no armed trigger is past its level, and
 * no disarmed every-crossing trigger is back inside its band — so a move from `prev` to `value`
 * can only change triggers whose level lies between the two.
 */
export class SeriesBook {
  last: number | null = null;
  readonly upFire = new SortedEntries((e) => e.t.fire);
  readonly upRearm = new SortedEntries((e) => e.t.rearm);
  readonly downFire = new SortedEntries((e) => e.t.fire);
  readonly downRearm = new SortedEntries((e) => e.t.rearm);
  size = 0;

  private lists(t: Trigger) {
    return t.up ? [this.upFire, this.upRearm] : [this.downFire, this.downRearm];
  }
  push(e: Entry): void {
    for (const l of this.lists(e.t)) l.items.push(e);
    this.size++;
  }
  insert(e: Entry): void {
    for (const l of this.lists(e.t)) l.insert(e);
    this.size++;
  }
  sort(): void {
    for (const l of [this.upFire, this.upRearm, this.downFire, this.downRearm]) l.sort();
  }
  compact(): void {
    for (const l of [this.upFire, this.upRearm, this.downFire, this.downRearm]) l.compact();
    this.size = this.upFire.items.length + this.downFire.items.length;
  }
  all(): Entry[] {
    return [...this.upFire.items, ...this.downFire.items];
  }

  /** The entries a move from `prev` to `value` may change (see the invariant). */
  candidates(prev: number, value: number): Entry[] {
    if (value > prev) {
      // up triggers whose level was crossed; down triggers whose band was left behind
      const a = this.upFire.slice(this.upFire.bound(prev, true), this.upFire.bound(value, true));
      const b = this.downRearm.slice(this.downRearm.bound(prev, false), this.downRearm.bound(value, false));
      return a.concat(b);
    }
    if (value < prev) {
      const a = this.downFire.slice(this.downFire.bound(value, false), this.downFire.bound(prev, false));
      const b = this.upRearm.slice(this.upRearm.bound(value, true), this.upRearm.bound(prev, true));
      return a.concat(b);
    }
    return [];
  }
}

/**
 * What one trigger does at one value (pure but for the rule's state, which it updates):
 * fire (armed and past the level), hold back (at-most-every-N within its pause), re-arm (every
 * crossing, back inside the band), or nothing.
 */
export function decide(e: Entry, value: number, previous: number | null, now: number, out: Outcome[]): void {
  const { rule, t } = e;
  const s = rule.state;
  if (rule.removed) return;
  const emit = (kind: OutcomeKind): void => {
    out.push({ kind, rule, trigger: t, value, previous });
  };
  if (rule.expiresAt !== null && now >= rule.expiresAt) {
    rule.removed = true;
    emit("expired");
    return;
  }
  if (beyond(t, value)) {
    if ((s.armed & t.bit) === 0) return;
    s.armed &= ~t.bit;
    if (rule.mode === 2 && s.lastFiredAt !== null && now - s.lastFiredAt < rule.cooldownMs) {
      emit("cooling");
      return;
    }
    s.seq += 1;
    s.lastFiredAt = now;
    s.lastValue = value;
    if (rule.mode === 0) rule.removed = true; // once: done
    emit("fired");
    return;
  }
  if (rule.mode !== 0 && (s.armed & t.bit) === 0 && backInside(t, value)) {
    s.armed |= t.bit;
    emit("rearmed");
  }
}

/**
 * A fresh rule (new, edited, resumed) meets its series' current value: every trigger armed, but a
 * funding flip only on the side the value is not on yet (a flip needs a change of sign). Then the
 * usual decision, so a rule whose condition already holds fires at once.
 */
export function start(rule: LiveRule, value: number, now: number, out: Outcome[]): void {
  const s = rule.state;
  s.fresh = false;
  s.armed = 0;
  for (const t of rule.triggers) if (!(t.flip && beyond(t, value))) s.armed |= t.bit;
  const before = out.length;
  for (const t of rule.triggers) decide({ rule, t }, value, null, now, out);
  // A flip's starting side is state worth keeping even when nothing fired.
  if (out.length === before && rule.triggers.some((t) => t.flip)) {
    out.push({ kind: "started", rule, trigger: rule.triggers[0] as Trigger, value, previous: null });
  }
}
