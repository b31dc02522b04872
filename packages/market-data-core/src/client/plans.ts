import type { CoinGlassPlan } from "../config/env.js";
import { PlanError } from "../models/errors.js";
import type { Interval } from "../models/market.js";

const ORDER: readonly CoinGlassPlan[] = ["hobbyist", "startup", "standard", "professional"];

/** Endpoints not on every plan (coinglass-api.md, H S St P columns). */
const ENDPOINT_PLANS: Record<string, CoinGlassPlan> = {
  "/api/futures/coins-markets": "standard",
  "/api/futures/coins-price-change": "standard",
  "/api/futures/rsi/list": "standard",
  "/api/futures/indicators/rsi": "startup",
  "/api/futures/liquidation/coin-list": "startup",
  "/api/futures/liquidation/order": "standard",
  "/api/hyperliquid/whale-alert": "startup",
  "/api/hyperliquid/whale-position": "startup",
  "/api/hyperliquid/position": "standard",
  "/api/hyperliquid/user-position": "startup",
  "/api/futures/orderbook/large-limit-order": "standard",
  "/api/futures/orderbook/history": "standard",
  "/api/futures/cvd/history": "startup",
  "/api/futures/aggregated-cvd/history": "startup",
  "/api/futures/funding-rate/arbitrage": "startup",
  "/api/calendar/economic-data": "startup",
  "/api/chain/v2/whale-transfer": "startup",
  ...Object.fromEntries(
    [
      ...["heatmap", "aggregated-heatmap"].flatMap((h) => [1, 2, 3].map((m) => `${h}/model${m}`)),
      "map",
      "aggregated-map",
      "max-pain",
    ].map((p) => [`/api/futures/liquidation/${p}`, "professional" as const]),
  ),
};

const INTERVAL_MINUTES: Record<Interval, number> = {
  "1m": 1,
  "3m": 3,
  "5m": 5,
  "15m": 15,
  "30m": 30,
  "1h": 60,
  "2h": 120,
  "4h": 240,
  "6h": 360,
  "8h": 480,
  "12h": 720,
  "1d": 1440,
  "1w": 10080,
};

/** Lowest plan allowed to ask for an interval (Hobbyist ≥ 4h, Startup ≥ 30m). */
function planForInterval(interval: string | undefined): CoinGlassPlan {
  const m = INTERVAL_MINUTES[interval as Interval];
  if (m === undefined) return "hobbyist";
  return m >= 240 ? "hobbyist" : m >= 30 ? "startup" : "standard";
}

/** The lowest plan that includes this call (endpoint and interval), as far as the reference says. */
export function requiredPlan(endpoint: string, params: Record<string, unknown>): CoinGlassPlan {
  const a = ENDPOINT_PLANS[endpoint] ?? "hobbyist";
  const b = planForInterval(typeof params.interval === "string" ? params.interval : undefined);
  return ORDER.indexOf(a) >= ORDER.indexOf(b) ? a : b;
}

/** True when `plan` is at least `needed`. */
export function planAllows(plan: CoinGlassPlan, needed: CoinGlassPlan): boolean {
  return ORDER.indexOf(plan) >= ORDER.indexOf(needed);
}

/** The shortest interval a plan may use among the given ones (prefers the first allowed). */
export function allowedInterval(plan: CoinGlassPlan, wanted: Interval): Interval {
  if (planAllows(plan, planForInterval(wanted))) return wanted;
  return plan === "startup" && INTERVAL_MINUTES[wanted] < 30 ? "30m" : "4h";
}

/** Throws PlanError (naming the plan needed) when `plan` does not include `endpoint`: asked before any quota is spent. */
export function assertPlan(plan: CoinGlassPlan, endpoint: string): void {
  const needed = requiredPlan(endpoint, {});
  if (!planAllows(plan, needed)) throw new PlanError(endpoint, needed, plan);
}
