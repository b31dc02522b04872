/** Query-parameter parsing with the simulator's 400 messages (they name the parameter). */
import type { ModelCoin, ModelPair } from "../model/market.js";
import { INTERVALS, legacyInterval } from "../model/series.js";
import {
  ParamError,
  PLAN_HISTORY_DAYS,
  PLAN_MIN_INTERVAL_MS,
  PlanError,
  type RouteContext,
} from "./context.js";

export function required(ctx: RouteContext, name: string): string {
  const v = ctx.q.get(name);
  if (v === null || v === "") throw new ParamError(`${name} is required`);
  return v;
}

export function invalid(name: string): never {
  throw new ParamError(`${name} is invalid`);
}

/** A coin symbol (`BTC`). */
export function coinParam(ctx: RouteContext, name = "symbol"): ModelCoin {
  return ctx.market.coin(required(ctx, name)) ?? invalid(name);
}

export function optionalCoin(ctx: RouteContext, name = "symbol"): ModelCoin | undefined {
  const v = ctx.q.get(name);
  if (v === null || v === "") return undefined;
  return ctx.market.coin(v) ?? invalid(name);
}

export function exchangeParam(ctx: RouteContext): string {
  const ex = required(ctx, "exchange");
  if (!ctx.market.exchanges.includes(ex)) invalid("exchange");
  return ex;
}

/** `exchange` + pair `symbol` (`BTCUSDT`, exchange-native). */
export function pairParam(ctx: RouteContext): ModelPair {
  const ex = exchangeParam(ctx);
  return ctx.market.pair(ex, required(ctx, "symbol")) ?? invalid("symbol");
}

/** Comma-separated exchange list; `ALL`/`All` means every exchange. */
export function exchangeListParam(ctx: RouteContext, isRequired: boolean): Set<string> | undefined {
  const raw = isRequired ? required(ctx, "exchange_list") : ctx.q.get("exchange_list");
  if (raw === null || raw === "" || raw.toUpperCase() === "ALL") return undefined;
  const names = raw.split(",").map((s) => s.trim());
  const known = names.filter((n) => ctx.market.exchanges.includes(n));
  if (known.length === 0) invalid("exchange_list");
  return new Set(known);
}

/** Interval in ms; enforces the plan's smallest interval. */
export function intervalParam(ctx: RouteContext, o: { legacy?: boolean; exclude?: string[] } = {}): number {
  let v = required(ctx, "interval");
  if (!(v in INTERVALS) && o.legacy) v = legacyInterval(v) ?? v;
  const ms = INTERVALS[v];
  if (ms === undefined || o.exclude?.includes(v)) invalid("interval");
  if (ms < PLAN_MIN_INTERVAL_MS[ctx.plan]) throw new PlanError("interval");
  return ms;
}

export function intParam(ctx: RouteContext, name: string, def: number, max: number): number {
  const v = ctx.q.get(name);
  if (v === null || v === "") return def;
  const n = Number(v);
  if (!Number.isInteger(n) || n <= 0) invalid(name);
  return Math.min(n, max);
}

export function timeParam(ctx: RouteContext, name: string): number | undefined {
  const v = ctx.q.get(name);
  if (v === null || v === "") return undefined;
  const n = Number(v);
  if (!Number.isFinite(n) || n < 0) invalid(name);
  return n;
}

export function enumParam<T extends string>(ctx: RouteContext, name: string, values: readonly T[]): T {
  const v = required(ctx, name);
  return values.includes(v as T) ? (v as T) : invalid(name);
}

/**
 * Grid options shared by every history endpoint (called after intervalParam). A start_time
 * older than the plan's history depth for the interval is answered "Upgrade plan".
 */
export function gridParams(ctx: RouteContext, defLimit = 1000, maxLimit = 1000) {
  const startTime = timeParam(ctx, "start_time");
  const endTime = timeParam(ctx, "end_time");
  const raw = ctx.q.get("interval") ?? "";
  const days = PLAN_HISTORY_DAYS[ctx.plan][raw in INTERVALS ? raw : (legacyInterval(raw) ?? raw)];
  const oldest = Math.min(startTime ?? Number.POSITIVE_INFINITY, endTime ?? Number.POSITIVE_INFINITY);
  if (days !== undefined && oldest < ctx.now - days * 86_400_000) throw new PlanError("history");
  return { limit: intParam(ctx, "limit", defLimit, maxLimit), startTime, endTime };
}
