import { requiredPlan } from "../client/plans.js";
import type { CoinGlassPlan } from "../config/env.js";
import type { RuleCondition, RuleKind } from "../models/rule.js";

/**
 * Where the worker reads each rule's figure: one upstream call per source per cadence, whatever
 * the number of rules. `coins-markets` gives every coin's price, rolling price and OI changes,
 * CoinGlass's OI-weighted funding, liquidation totals and long/short ratio in one call; the same
 * call with `exchange_list` gives one exchange's OI changes (one call per exchange in use); the
 * funding exchange list gives every exchange's rate for every coin; `user-position` is one call
 * per watched wallet (inherently per wallet, so the worker bounds the wallets it polls).
 */
export type RuleSource =
  | "coins-markets"
  | "coins-markets-exchange"
  | "funding-exchange-list"
  | "user-position";

export const SOURCE_ENDPOINT: Record<RuleSource, string> = {
  "coins-markets": "/api/futures/coins-markets",
  "coins-markets-exchange": "/api/futures/coins-markets",
  "funding-exchange-list": "/api/futures/funding-rate/exchange-list",
  "user-position": "/api/hyperliquid/user-position",
};

/** The source a rule's figure comes from. */
export function sourceOf(c: RuleCondition): RuleSource {
  switch (c.kind) {
    case "wallet":
      return "user-position";
    case "funding":
      return c.exchange === null ? "coins-markets" : "funding-exchange-list";
    case "oi":
      return c.exchange === null ? "coins-markets" : "coins-markets-exchange";
    default:
      return "coins-markets";
  }
}

/**
 * The lowest CoinGlass plan that can evaluate a rule (the rule creation path tells the user when
 * the configured plan is lower). With a kind alone: the lowest plan of any form of that kind
 * (funding on one exchange needs less than the average). Pure.
 *
 * @example planNeededFor("wallet") // "startup"
 * @example planNeededFor({ kind: "price", symbol: "BTC", op: "above", level: 1e5 }) // "standard"
 */
export function planNeededFor(rule: RuleKind | RuleCondition): CoinGlassPlan {
  const c: RuleCondition | null = typeof rule === "string" ? null : rule;
  const kind = c?.kind ?? rule;
  let source: RuleSource;
  if (c) source = sourceOf(c);
  else if (kind === "wallet") source = "user-position";
  else if (kind === "funding") source = "funding-exchange-list";
  else source = "coins-markets";
  return requiredPlan(SOURCE_ENDPOINT[source], {});
}
