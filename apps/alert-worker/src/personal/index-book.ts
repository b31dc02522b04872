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

/** Verdicts as small numbers (indexes into KINDS), so the index's hot path compares integers. */
export const FIRED = 0;
export const REARMED = 1;
export const COOLING = 2;
export const STARTED = 3;
export const EXPIRED = 4;
export const NOTHING = -1;
export const KINDS: readonly OutcomeKind[] = ["fired", "rearmed", "cooling", "started", "expired"];

/**
 * What one trigger does at one value, from plain numbers (NaN = never fired / never expires):
 * expire, fire (armed and past the level), hold back (at-most-every-N within its pause), re-arm
 * (every crossing, back inside the band), or nothing. Pure; both the object form below and the
 * index's columns apply it.
 */
export function verdict(
  armed: boolean,
  past: boolean,
  back: boolean,
  mode: number,
  cooldownMs: number,
  lastFiredAt: number,
  expiresAt: number,
  now: number,
): number {
  if (now >= expiresAt) return EXPIRED;
  if (past) {
    if (!armed) return NOTHING;
    return mode === 2 && now - lastFiredAt < cooldownMs ? COOLING : FIRED;
  }
  return mode !== 0 && !armed && back ? REARMED : NOTHING;
}

/** `verdict` applied to a rule object (updates its state): the reference form of the index's rule. */
export function decide(
  e: { rule: LiveRule; t: Trigger },
  value: number,
  previous: number | null,
  now: number,
  out: Outcome[],
): void {
  const { rule, t } = e;
  const s = rule.state;
  if (rule.removed) return;
  const v = verdict(
    (s.armed & t.bit) !== 0,
    beyond(t, value),
    backInside(t, value),
    rule.mode,
    rule.cooldownMs,
    s.lastFiredAt ?? Number.NaN,
    rule.expiresAt ?? Number.NaN,
    now,
  );
  if (v === NOTHING) return;
  if (v === EXPIRED) rule.removed = true;
  else if (v === REARMED) s.armed |= t.bit;
  else {
    s.armed &= ~t.bit;
    if (v === FIRED) {
      s.seq += 1;
      s.lastFiredAt = now;
      s.lastValue = value;
      if (rule.mode === 0) rule.removed = true; // once: done
    }
  }
  out.push({ kind: KINDS[v] as OutcomeKind, rule, trigger: t, value, previous });
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
