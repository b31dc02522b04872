import type { Rule, RuleState, WalletPosition } from "@teleglas/market-data-core";
import type { LiveRule } from "./index-book.js";
import { triggersOf } from "./triggers.js";

const MODE = { once: 0, every: 1, at_most: 2 } as const;

/**
 * The evaluator's form of a stored rule, or null when there is nothing to evaluate: paused,
 * expired, or a once-rule that already fired.
 */
export function liveRuleOf(rule: Rule, state: RuleState, now: number): LiveRule | null {
  if (rule.paused) return null;
  if (rule.expiresAt !== null && now >= rule.expiresAt) return null;
  if (rule.repeat.mode === "once" && state.seq > 0 && !state.fresh) return null;
  return {
    chatId: rule.chatId,
    id: rule.id,
    mode: MODE[rule.repeat.mode],
    cooldownMs: rule.repeat.mode === "at_most" ? rule.repeat.minutes * 60_000 : 0,
    expiresAt: rule.expiresAt,
    state: { ...state },
    triggers: triggersOf(rule.condition, rule.repeat),
  };
}

export type WalletEvent = "open" | "close" | "flip" | "add";

/** One change of a wallet's position in one coin. */
export interface WalletChange {
  coin: string;
  event: WalletEvent;
  /** Signed sizes in coins before and after (0 = none). */
  before: number;
  after: number;
  valueUsd: number | null;
}

/**
 * What a wallet did between two readings, per coin: opened (from nothing), closed (to nothing),
 * flipped (long to short or back) or added (same side, larger). A reduction is none of these. Pure.
 */
export function walletChanges(before: Record<string, number>, now: WalletPosition[]): WalletChange[] {
  const out: WalletChange[] = [];
  const after = new Map(now.map((p) => [p.coin, p]));
  const coins = new Set([...Object.keys(before), ...after.keys()]);
  for (const coin of [...coins].sort()) {
    const b = before[coin] ?? 0;
    const p = after.get(coin);
    const a = p?.szi ?? 0;
    const valueUsd = p?.valueUsd ?? null;
    let event: WalletEvent | null = null;
    if (b === 0 && a !== 0) event = "open";
    else if (b !== 0 && a === 0) event = "close";
    else if (Math.sign(a) !== Math.sign(b)) event = "flip";
    else if (Math.abs(a) > Math.abs(b)) event = "add";
    if (event) out.push({ coin, event, before: b, after: a, valueUsd });
  }
  return out;
}

/** The sizes to remember after a reading. */
export const positionsOf = (now: WalletPosition[]): Record<string, number> =>
  Object.fromEntries(now.filter((p) => p.szi !== 0).map((p) => [p.coin, p.szi]));
