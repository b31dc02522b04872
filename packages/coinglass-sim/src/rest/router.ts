/**
 * The REST front door: route lookup in a Map, then the checks in the order a client meets them —
 * unknown path (HTTP 404), key missing / invalid, rate limit, injected faults, plan, parameters —
 * and the `{"code":"0","msg":"success","data":...}` envelope. Success bodies of cacheable routes
 * are serialised once per model tick and reused, so the simulator is not the bottleneck of other
 * benchmarks.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { EventLog } from "../model/events.js";
import type { Market } from "../model/market.js";
import {
  ParamError,
  PLAN_LIMITS,
  PLANS,
  type Plan,
  PlanError,
  type RouteContext,
  type RouteTable,
} from "./context.js";
import type { Corruptions } from "./corrupt.js";
import type { createCounters, RateLimiter } from "./limits.js";

/** Fault modes (fractions 0..1 of requests, added latency, WebSocket misbehaviour). */
export interface Faults {
  rate429: number;
  rate5xx: number;
  latencyMs: number;
  /** Send the status line and headers, then hold the body this long (ms; 0 = off): a hanging upstream. */
  hangMs: number;
  /** Pad every success body to at least this many bytes, streamed (0 = off): a runaway answer. */
  oversizeBytes: number;
  /** What the reference lists (supported coins, exchanges, pairs) answer: `empty` = `data: []`, `malformed` = `data: "…"`. */
  reference: "ok" | "empty" | "malformed";
  silentPings: boolean;
  closeAfterMessages: number | null;
}

export interface RestDeps {
  routes: RouteTable;
  plan: Plan;
  keys: Set<string> | undefined;
  rateLimit: boolean;
  /** Answer auth/plan/param errors with the body code as the HTTP status (docs) instead of 200 (observed). */
  mirrorStatus: boolean;
  limiter: RateLimiter;
  counters: ReturnType<typeof createCounters>;
  faults: Faults;
  market: Market;
  events: EventLog;
  corruptions: Corruptions;
  /** Changes with every figure set by hand (overrides, wallets), so cached answers follow them. */
  handSet?: () => number;
  modelNow(): number;
  /** The simulator's wall clock (event times). */
  clock(): number;
  /** The rate limiter's clock: real time unless a test moves it by hand. */
  rateClock(): number;
}

const successPrefix = '{"code":"0","msg":"success","data":';
const bareSuccessPrefix = '{"code":"0","data":';
const REFERENCE_PATHS = new Set([
  "/api/futures/supported-coins",
  "/api/futures/supported-exchanges",
  "/api/futures/supported-exchange-pairs",
]);

/**
 * A valid envelope of at least `bytes`: the real body with a long padding field, written in 64 KB
 * chunks as the socket drains, so the simulator itself never holds the whole answer.
 */
async function streamOversize(res: ServerResponse, body: string, bytes: number): Promise<void> {
  const chunk = "x".repeat(64 * 1024);
  res.write(`${body.slice(0, -1)},"padding":"`);
  for (let sent = body.length; sent < bytes && !res.destroyed; sent += chunk.length) {
    if (!res.write(chunk)) await new Promise((r) => res.once("drain", r).once("close", r));
  }
  res.end('"}');
}

export function createRestHandler(d: RestDeps): (req: IncomingMessage, res: ServerResponse) => void {
  const maxLimit = String(PLAN_LIMITS[d.plan]);
  const planRank = PLANS.indexOf(d.plan);
  let cache = new Map<string, string>();
  let cacheStamp = "";

  const send = (res: ServerResponse, status: number, body: string, used: number) => {
    const write = () => {
      res.writeHead(status, {
        "Content-Type": "application/json",
        "API-KEY-MAX-LIMIT": maxLimit,
        "API-KEY-USE-LIMIT": String(used),
      });
      if (d.faults.hangMs > 0) {
        res.flushHeaders();
        const timer = setTimeout(() => res.end(body), d.faults.hangMs);
        res.on("close", () => clearTimeout(timer));
      } else if (status === 200 && d.faults.oversizeBytes > 0) {
        void streamOversize(res, body, d.faults.oversizeBytes);
      } else res.end(body);
    };
    if (d.faults.latencyMs > 0) setTimeout(write, d.faults.latencyMs);
    else write();
  };
  const fail = (res: ServerResponse, code: string, msg: string, used: number) =>
    send(res, d.mirrorStatus ? Number(code) : 200, JSON.stringify({ code, msg }), used);

  return (req, res) => {
    const url = req.url ?? "/";
    const qi = url.indexOf("?");
    const path = qi < 0 ? url : url.slice(0, qi);
    const keyHeader = req.headers["cg-api-key"];
    const key = Array.isArray(keyHeader) ? keyHeader[0] : keyHeader;
    const simNow = d.clock();
    d.counters.count(path, key || "(none)");
    const route = d.routes.get(path);
    if (!route) return send(res, 404, '{"code":"404","msg":"Endpoint not found"}', 0);
    if (req.method !== "GET") return send(res, 405, '{"code":"405","msg":"Method not allowed"}', 0);
    if (!key) return fail(res, "401", "API key missing.", 0);
    if (d.keys && !d.keys.has(key)) return fail(res, "400", "Invalid API key provided", 0);
    let used = 0;
    if (d.rateLimit) {
      const r = d.limiter.hit(key, d.rateClock());
      used = r.used;
      if (!r.allowed) {
        d.counters.count429();
        return send(res, 429, '{"code":"429","msg":"Too Many Requests"}', used);
      }
    }
    if (d.faults.rate429 > 0 && Math.random() < d.faults.rate429) {
      d.counters.count429();
      return send(res, 429, '{"code":"429","msg":"Too Many Requests"}', used);
    }
    if (d.faults.rate5xx > 0 && Math.random() < d.faults.rate5xx) {
      return send(res, 503, '{"code":"500","msg":"Service Unavailable"}', used);
    }
    if (planRank < PLANS.indexOf(route.minPlan)) return fail(res, "401", "Upgrade plan", used);
    if (d.faults.reference !== "ok" && REFERENCE_PATHS.has(path)) {
      const data = d.faults.reference === "empty" ? "[]" : '"unavailable"';
      return send(res, 200, `${successPrefix}${data}}`, used);
    }

    const now = d.modelNow();
    // Injected events are windowed by the simulator clock, which runs on when model time is frozen.
    const stamp = `${now}|${d.events.version()}|${d.corruptions.version()}|${d.handSet?.() ?? 0}|${Math.floor(simNow / 1000)}`;
    if (stamp !== cacheStamp || cache.size > 1000) {
      cache = new Map();
      cacheStamp = stamp;
    }
    if (route.cache) {
      const hit = cache.get(url);
      if (hit !== undefined) return send(res, 200, hit, used);
    }
    const ctx: RouteContext = {
      q: new URLSearchParams(qi < 0 ? "" : url.slice(qi + 1)),
      now,
      wall: simNow,
      plan: d.plan,
      market: d.market,
      events: d.events,
    };
    let body: string;
    try {
      body = `${route.noMsg ? bareSuccessPrefix : successPrefix}${JSON.stringify(d.corruptions.apply(path, route.handler(ctx)))}${route.successFlag ? ',"success":true}' : "}"}`;
    } catch (err) {
      if (err instanceof ParamError) return fail(res, "400", err.message, used);
      if (err instanceof PlanError) return fail(res, "401", "Upgrade plan", used);
      return send(res, 500, '{"code":"500","msg":"Internal Server Error"}', used);
    }
    if (route.cache) cache.set(url, body);
    send(res, 200, body, used);
  };
}
