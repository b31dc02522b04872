import type { RuleState } from "@teleglas/market-data-core";
import { EXPIRED, FIRED, type LiveRule, NOTHING, REARMED, verdict } from "./index-book.js";
import type { Trigger } from "./triggers.js";

// Slot flags.
const FRESH = 1;
const REMOVED = 2;
const FREED = 4;
// Trigger flags; SECOND = the trigger owns bit 2 of the armed set.
const UP = 1;
const FLIP = 2;
const SECOND = 4;

type Column = Float64Array | Int32Array | Uint8Array;
const grown = <T extends Column>(a: T, size: number): T => {
  const b = new (a.constructor as new (n: number) => T)(size);
  b.set(a);
  return b;
};

/** Base 36 without leading zeros, at most 10 digits (< 2^53): the store's 48-bit ids are. */
const NUMERIC_ID = /^(?:0|[1-9a-z][0-9a-z]{0,9})$/;
/** An id that reads back exactly from base 36, as a number; else NaN (kept as text instead). */
const idNumberOf = (id: string): number => (NUMERIC_ID.test(id) ? Number.parseInt(id, 36) : Number.NaN);
const orNull = (x: number) => (Number.isNaN(x) ? null : x);

/**
 * Every live rule as columns of typed arrays: a rule is a slot number, its triggers are 2·slot and
 * 2·slot + 1. A million rules are a few dozen buffers to the garbage collector instead of
 * millions of small objects, so no tick waits on a collection walking them; and a tick that
 * crosses nothing allocates nothing. Outcomes get object views of a slot (`view`).
 */
export class RuleSlots {
  private cap = 0;
  private top = 0;
  private readonly free: number[] = [];
  private readonly idText = new Map<number, string>();
  live = 0;
  removedSinceSweep = 0;
  chat = new Float64Array(0);
  idNum = new Float64Array(0);
  mode = new Uint8Array(0);
  cooldown = new Float64Array(0);
  /** NaN = never (likewise lastFired, lastValue). */
  expires = new Float64Array(0);
  flags = new Uint8Array(0);
  armed = new Uint8Array(0);
  seq = new Float64Array(0);
  lastFired = new Float64Array(0);
  lastValue = new Float64Array(0);
  triggers = new Uint8Array(0);
  /** The chat's next slot (-1 = last), a list per chat without an array per chat. */
  next = new Int32Array(0);
  // Per trigger.
  fire = new Float64Array(0);
  rearm = new Float64Array(0);
  tflags = new Uint8Array(0);
  book = new Int32Array(0);

  private grow(): void {
    const c = Math.max(1024, this.cap * 2);
    for (const k of ["chat", "idNum", "mode", "cooldown", "expires", "flags", "armed"] as const)
      this[k] = grown<Column>(this[k], c) as never;
    for (const k of ["seq", "lastFired", "lastValue", "triggers", "next"] as const)
      this[k] = grown<Column>(this[k], c) as never;
    for (const k of ["fire", "rearm", "tflags", "book"] as const)
      this[k] = grown<Column>(this[k], 2 * c) as never;
    this.cap = c;
  }

  /** Stores a rule whose triggers live in books `books` (by trigger); returns its slot. */
  put(rule: LiveRule, books: number[]): number {
    let s = this.free.pop();
    if (s === undefined) {
      if (this.top === this.cap) this.grow();
      s = this.top++;
    }
    const st = rule.state;
    const id = idNumberOf(rule.id);
    if (Number.isNaN(id)) this.idText.set(s, rule.id);
    this.idNum[s] = id;
    this.chat[s] = rule.chatId;
    this.mode[s] = rule.mode;
    this.cooldown[s] = rule.cooldownMs;
    this.expires[s] = rule.expiresAt ?? Number.NaN;
    this.flags[s] = st.fresh ? FRESH : 0;
    this.armed[s] = st.armed;
    this.seq[s] = st.seq;
    this.lastFired[s] = st.lastFiredAt ?? Number.NaN;
    this.lastValue[s] = st.lastValue ?? Number.NaN;
    const ts = rule.triggers.slice(0, 2); // a rule has one trigger or a pair (see triggersOf)
    this.triggers[s] = ts.length;
    ts.forEach((t, k) => {
      const i = 2 * s + k;
      this.fire[i] = t.fire;
      this.rearm[i] = t.rearm;
      this.tflags[i] = (t.up ? UP : 0) | (t.flip ? FLIP : 0) | (t.bit === 2 ? SECOND : 0);
      this.book[i] = books[k] ?? 0;
    });
    this.live++;
    return s;
  }

  isLive(s: number): boolean {
    return ((this.flags[s] as number) & REMOVED) === 0;
  }
  isFresh(s: number): boolean {
    return ((this.flags[s] as number) & FRESH) !== 0;
  }
  isUp(i: number): boolean {
    return ((this.tflags[i] as number) & UP) !== 0;
  }
  bit(i: number): 1 | 2 {
    return ((this.tflags[i] as number) & SECOND) !== 0 ? 2 : 1;
  }
  past(i: number, v: number): boolean {
    return this.isUp(i) ? v >= (this.fire[i] as number) : v <= (this.fire[i] as number);
  }

  /** Marks a slot removed (done, expired, deleted); its entries are skipped until the sweep. */
  remove(s: number): void {
    if (!this.isLive(s)) return;
    this.flags[s] = (this.flags[s] as number) | REMOVED;
    this.live--;
    this.removedSinceSweep++;
  }

  /** After the sweep dropped their entries: removed slots are free for new rules. */
  releaseRemoved(): void {
    for (let s = 0; s < this.top; s++) {
      if (((this.flags[s] as number) & (REMOVED | FREED)) !== REMOVED) continue;
      this.flags[s] = (this.flags[s] as number) | FREED;
      this.idText.delete(s);
      this.free.push(s);
    }
    this.removedSinceSweep = 0;
  }

  /** `start`'s arming: every trigger but a flip already on its firing side. */
  arm(s: number, value: number): boolean {
    this.flags[s] = (this.flags[s] as number) & ~FRESH;
    let armed = 0;
    let flip = false;
    for (let i = 2 * s; i < 2 * s + (this.triggers[s] as number); i++) {
      const f = ((this.tflags[i] as number) & FLIP) !== 0;
      flip ||= f;
      if (!(f && this.past(i, value))) armed |= this.bit(i);
    }
    this.armed[s] = armed;
    return flip;
  }

  /** `decide` on trigger i: the verdict, already applied to the slot's state. */
  decide(i: number, value: number, now: number): number {
    const s = i >> 1;
    if (!this.isLive(s)) return NOTHING;
    const bit = this.bit(i);
    const up = this.isUp(i);
    const fire = this.fire[i] as number;
    const rearm = this.rearm[i] as number;
    const v = verdict(
      ((this.armed[s] as number) & bit) !== 0,
      up ? value >= fire : value <= fire,
      up ? value < rearm : value > rearm,
      this.mode[s] as number,
      this.cooldown[s] as number,
      this.lastFired[s] as number,
      this.expires[s] as number,
      now,
    );
    if (v === NOTHING) return v;
    if (v === EXPIRED) this.remove(s);
    else if (v === REARMED) this.armed[s] = (this.armed[s] as number) | bit;
    else {
      this.armed[s] = (this.armed[s] as number) & ~bit;
      if (v === FIRED) {
        this.seq[s] = (this.seq[s] as number) + 1;
        this.lastFired[s] = now;
        this.lastValue[s] = value;
        if (this.mode[s] === 0) this.remove(s); // once: done
      }
    }
    return v;
  }

  state(s: number): RuleState {
    return {
      armed: this.armed[s] as number,
      fresh: this.isFresh(s),
      seq: this.seq[s] as number,
      lastFiredAt: orNull(this.lastFired[s] as number),
      lastValue: orNull(this.lastValue[s] as number),
    };
  }

  /** A slot as a rule object (for outcomes); `series` names a book. */
  view(s: number, series: (book: number) => string): LiveRule {
    const triggers: Trigger[] = [];
    for (let i = 2 * s; i < 2 * s + (this.triggers[s] as number); i++) {
      const f = this.tflags[i] as number;
      triggers.push({
        series: series(this.book[i] as number),
        up: (f & UP) !== 0,
        fire: this.fire[i] as number,
        rearm: this.rearm[i] as number,
        bit: this.bit(i),
        flip: (f & FLIP) !== 0,
      });
    }
    const id = this.idNum[s] as number;
    return {
      chatId: this.chat[s] as number,
      id: Number.isNaN(id) ? (this.idText.get(s) ?? "") : id.toString(36),
      mode: this.mode[s] as 0 | 1 | 2,
      cooldownMs: this.cooldown[s] as number,
      expiresAt: orNull(this.expires[s] as number),
      state: this.state(s),
      triggers,
      ...(this.isLive(s) ? {} : { removed: true }),
    };
  }
}
