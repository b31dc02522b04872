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
