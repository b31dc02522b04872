import { planAllows } from "../client/plans.js";
import type { CoinGlassPlan } from "../config/env.js";

/** A data family beyond the futures core, and the lowest CoinGlass plan that has it. */
export interface PlanFeature {
  /** Plain name, e.g. "Spot-ETF flows". */
  feature: string;
  /** The bot command that shows it. */
  command: string;
  /** The API route (and, by its operationId, the MCP tool). */
  route: string;
  plan: CoinGlassPlan;
}

/** One place for what each plan unlocks (coinglass-api-more.md §11); /info and /help read it. */
export const PLAN_FEATURES: readonly PlanFeature[] = [
  { feature: "Spot-ETF flows", command: "/etf", route: "/gpt/etf", plan: "hobbyist" },
  { feature: "Options max pain", command: "/options", route: "/gpt/options", plan: "hobbyist" },
  { feature: "Exchange balances on chain", command: "/onchain", route: "/gpt/onchain", plan: "hobbyist" },
  { feature: "Market indicators", command: "/sentiment", route: "/gpt/indicators", plan: "hobbyist" },
  { feature: "Economic calendar", command: "/calendar", route: "/gpt/calendar", plan: "startup" },
  {
    feature: "Whale transfers on chain",
    command: "/transfers",
    route: "/gpt/whale-transfers",
    plan: "startup",
  },
  { feature: "Funding arbitrage", command: "/arb", route: "/gpt/funding-arbitrage", plan: "startup" },
  { feature: "Liquidation map", command: "/liqmap", route: "/gpt/liquidation-map", plan: "professional" },
];

/** The features `plan` includes, and those it does not (each naming the plan it needs). */
export function featuresOf(plan: CoinGlassPlan): { included: PlanFeature[]; locked: PlanFeature[] } {
  return {
    included: PLAN_FEATURES.filter((f) => planAllows(plan, f.plan)),
    locked: PLAN_FEATURES.filter((f) => !planAllows(plan, f.plan)),
  };
}
