import { initialRuleState, type Rule, type RuleCondition, type RuleRepeat } from "@teleglas/market-data-core";
import type { LiveRule } from "../../src/personal/index-book.js";
import { liveRuleOf } from "../../src/personal/live.js";

export const T0 = 1_764_000_000_000;
let n = 0;

/** A fresh rule in the evaluator's form: a new id each call, chats 1…7 in turn unless `patch` says. */
export function liveRule(condition: RuleCondition, repeat: RuleRepeat, patch: Partial<Rule> = {}): LiveRule {
  const rule: Rule = {
    id: (n++).toString(36),
    chatId: 1 + (n % 7),
    condition,
    repeat,
    expiresAt: null,
    note: null,
    paused: false,
    createdAt: T0,
    updatedAt: T0,
    ...patch,
  };
  return liveRuleOf(rule, initialRuleState(), T0) as LiveRule;
}
