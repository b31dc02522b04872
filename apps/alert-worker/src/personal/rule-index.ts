import { decide, type LiveRule, type Outcome, SeriesBook, start } from "./index-book.js";

/**
 * Every live rule, indexed per series (coin + figure + exchange) and direction, sorted by level.
 * A tick's work depends on how far values moved and how many triggers they crossed, not on the
 * number of rules; a series' first value (after a start or a take-over) looks at its rules once.
 */
export class RuleIndex {
  private readonly books = new Map<string, SeriesBook>();
  private readonly byChat = new Map<number, LiveRule[]>();
  private removedSinceSweep = 0;
  private live = 0;

  get size(): number {
    return this.live;
  }

  /** The last value seen of a series (null before the first tick). */
  value(series: string): number | null {
    return this.books.get(series)?.last ?? null;
  }

  series(): string[] {
    return [...this.books.keys()];
  }

  private book(series: string): SeriesBook {
    let b = this.books.get(series);
    if (!b) {
      b = new SeriesBook();
      this.books.set(series, b);
    }
    return b;
  }

  private track(rule: LiveRule): void {
    const list = this.byChat.get(rule.chatId) ?? [];
    list.push(rule);
    this.byChat.set(rule.chatId, list);
    this.live++;
  }

  /** Many rules at once (start-up): appended, then each touched book sorted once. */
  load(rules: LiveRule[]): void {
    const touched = new Set<SeriesBook>();
    for (const rule of rules) {
      if (rule.triggers.length === 0) continue;
      this.track(rule);
      for (const t of rule.triggers) {
        const b = this.book(t.series);
        b.push({ rule, t });
        touched.add(b);
      }
    }
    for (const b of touched) b.sort();
  }

  /** One rule (created, edited, resumed); a fresh one meets its series' value at once if known. */
  add(rule: LiveRule, now: number): Outcome[] {
    const out: Outcome[] = [];
    if (rule.triggers.length === 0) return out;
    this.track(rule);
    for (const t of rule.triggers) this.book(t.series).insert({ rule, t });
    const last = this.value(rule.triggers[0]?.series as string);
    if (last !== null) {
      if (rule.state.fresh) start(rule, last, now, out);
      else for (const t of rule.triggers) decide({ rule, t }, last, null, now, out);
    }
    this.afterRemovals(out);
    return out;
  }

  /** Drops every rule of a chat (before reloading it from the store). */
  removeChat(chatId: number): void {
    for (const r of this.byChat.get(chatId) ?? []) this.markRemoved(r);
    this.byChat.delete(chatId);
  }

  private markRemoved(r: LiveRule): void {
    if (r.removed) return;
    r.removed = true;
    this.live--;
    this.removedSinceSweep++;
  }

  /**
   * A new value of a series: the outcomes (fired, re-armed, cooling, started, expired) in level
   * order. Rules done (once, fired) or expired leave the index.
   */
  tick(series: string, value: number, now: number): Outcome[] {
    const b = this.books.get(series);
    const out: Outcome[] = [];
    if (!b || !Number.isFinite(value)) return out;
    const prev = b.last;
    b.last = value;
    if (prev === null) {
      // First look: every rule of the series, once.
      const seen = new Set<LiveRule>();
      for (const e of b.all()) {
        if (e.rule.state.fresh) {
          if (!seen.has(e.rule)) start(e.rule, value, now, out);
          seen.add(e.rule);
        } else decide(e, value, null, now, out);
      }
    } else {
      for (const e of b.candidates(prev, value)) decide(e, value, prev, now, out);
    }
    this.afterRemovals(out);
    return out;
  }

  /** Expired rules and rules whose time ran out while nothing moved: dropped by a sweep. */
  expire(now: number): Outcome[] {
    const out: Outcome[] = [];
    for (const list of this.byChat.values()) {
      for (const r of list) {
        if (r.removed || r.expiresAt === null || now < r.expiresAt) continue;
        const t = r.triggers[0];
        if (t) out.push({ kind: "expired", rule: r, trigger: t, value: Number.NaN, previous: null });
        r.removed = true;
      }
    }
    this.afterRemovals(out);
    return out;
  }

  private afterRemovals(out: Outcome[]): void {
    for (const o of out) {
      if (o.rule.removed && (o.kind === "fired" || o.kind === "expired")) {
        // decide() marked it; count it once
        o.rule.removed = false;
        this.markRemoved(o.rule);
      }
    }
    // Sweep removed entries once they are a good share of the index, not on every removal.
    if (this.removedSinceSweep > 1024 && this.removedSinceSweep > this.live / 4) {
      for (const b of this.books.values()) b.compact();
      for (const [chat, list] of this.byChat) {
        const kept = list.filter((r) => !r.removed);
        if (kept.length === 0) this.byChat.delete(chat);
        else this.byChat.set(chat, kept);
      }
      this.removedSinceSweep = 0;
    }
  }
}
