/** Types shared by the REST route modules. */
import type { EventLog } from "../model/events.js";
import type { Market } from "../model/market.js";

export type Plan = "hobbyist" | "startup" | "standard" | "professional";
export const PLANS: readonly Plan[] = ["hobbyist", "startup", "standard", "professional"];
/** Requests per minute per plan (reference §3.3). */
export const PLAN_LIMITS: Readonly<Record<Plan, number>> = {
  hobbyist: 30,
  startup: 80,
  standard: 300,
  professional: 1200,
};
/** Smallest interval each plan may ask for (reference §3.4). */
export const PLAN_MIN_INTERVAL_MS: Readonly<Record<Plan, number>> = {
  hobbyist: 4 * 3600_000,
  startup: 30 * 60_000,
  standard: 0,
  professional: 0,
};

/**
 * History depth in days per plan and interval (reference §3.4); absent = all-time. Intervals a
 * plan may not use at all are refused earlier by PLAN_MIN_INTERVAL_MS.
 */
export const PLAN_HISTORY_DAYS: Readonly<Record<Plan, Readonly<Record<string, number>>>> = {
  hobbyist: { "4h": 180, "6h": 360, "8h": 360, "12h": 360 },
  startup: { "30m": 90, "1h": 180, "2h": 180, "4h": 180, "6h": 360, "8h": 360, "12h": 360 },
  standard: {
    "1m": 6,
    "3m": 20,
    "5m": 30,
    "15m": 90,
    "30m": 180,
    "1h": 360,
    "2h": 360,
    "4h": 360,
    "6h": 360,
    "8h": 360,
    "12h": 360,
  },
  professional: {
    "1m": 12,
    "3m": 40,
    "5m": 60,
    "15m": 180,
    "30m": 360,
    "1h": 720,
    "2h": 720,
    "4h": 720,
    "6h": 720,
    "8h": 720,
    "12h": 720,
  },
};

export interface RouteContext {
  q: URLSearchParams;
  /** Model time: wall clock quantised to the tick (frozen when the background is off). */
  now: number;
  /** Wall-clock time of the request (for event filters). */
  wall: number;
  plan: Plan;
  market: Market;
  events: EventLog;
}

export interface Route {
  /** Lowest plan with access (reference: H S St P columns). */
  minPlan: Plan;
  /** Serve from the per-tick response cache (pure function of the query and model time). */
  cache: boolean;
  /** Leave `msg` out of the success envelope, as the endpoint's documented example does. */
  noMsg?: boolean;
  /** Add top-level `"success": true` (the orderbook heatmap's documented envelope). */
  successFlag?: boolean;
  handler(ctx: RouteContext): unknown;
}

export type RouteTable = Map<string, Route>;

/** A parameter problem: answered `{"code":"400","msg":...}`. */
export class ParamError extends Error {}
/** Endpoint or interval above the plan: answered `{"code":"401","msg":"Upgrade plan"}`. */
export class PlanError extends Error {}

/** Adds routes under `/api/` with a shared minimum plan and cache flag. */
export function addRoutes(
  table: RouteTable,
  minPlan: Plan,
  routes: Record<string, (ctx: RouteContext) => unknown>,
  cache = true,
): void {
  for (const [path, handler] of Object.entries(routes))
    table.set(`/api/${path}`, { minPlan, cache, handler });
}
