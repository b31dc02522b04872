/**
 * @teleglas/coinglass-sim — a local CoinGlass v4 (REST + WebSocket) for tests, benchmarks and the
 * local stack: the documented paths, envelope, errors, plan gating and rate limits over a
 * deterministic market model, plus a control API to inject storms, whales and faults.
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { createControl, NO_FAULTS } from "./control.js";
import { handleControl } from "./control-http.js";
import type { SimControl } from "./control-types.js";
import { createEtfModel } from "./model/etf.js";
import { createEventLog, type EventLog } from "./model/events.js";
import { createMarket } from "./model/market.js";
import { withOverrides } from "./model/overrides.js";
import { createWalletBook, type WalletBook } from "./model/wallets.js";
import { createWhales } from "./model/whales.js";
import { registerArbitrage } from "./rest/arbitrage.js";
import { registerCalendar } from "./rest/calendar.js";
import { PLAN_LIMITS, PLANS, type Plan, type RouteTable } from "./rest/context.js";
import { createCorruptions } from "./rest/corrupt.js";
import { registerEtf } from "./rest/etf.js";
import { registerFundingOi } from "./rest/funding-oi.js";
import { registerHyperliquid } from "./rest/hyperliquid.js";
import { registerIndicators } from "./rest/indicators.js";
import { createCounters, createRateLimiter } from "./rest/limits.js";
import { registerLiquidationMaps } from "./rest/liqmap.js";
import { registerLiquidation } from "./rest/liquidation.js";
import { registerMarkets } from "./rest/markets.js";
import { registerOnchain, registerWhaleTransfers } from "./rest/onchain.js";
import { registerOptions } from "./rest/options.js";
import { registerOrderbook } from "./rest/orderbook.js";
import { registerRatios } from "./rest/ratios.js";
import { createRestHandler, type Faults } from "./rest/router.js";
import { registerUserPosition } from "./rest/user-position.js";
import { createFlow } from "./ws/flow.js";
import { createHub } from "./ws/hub.js";

export type {
  EtfFlowOptions,
  OpenInterestOverride,
  PriceOverride,
  SimControl,
  StormOptions,
  WhalePositionOptions,
  WhaleTradeOptions,
} from "./control-types.js";
export type { WalletPositionInput } from "./model/wallets.js";
export type { Plan } from "./rest/context.js";
export { PLAN_LIMITS, PLANS } from "./rest/context.js";
export type { CorruptOptions } from "./rest/corrupt.js";
export type { Counters } from "./rest/limits.js";
export type { Faults } from "./rest/router.js";
export { parseTradeChannel } from "./ws/hub.js";

export interface SimulatorOptions {
  /** Port to listen on; 0 (default) picks a free one. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Seed of the market model (default 42). Same seed, same data. */
  seed?: number;
  /** The plan of every key (default "professional"). */
  plan?: Plan;
  /** Accepted API keys; any key is accepted when absent. */
  keys?: string[];
  /** Steady flow of WebSocket events and the price random walk (default true; off freezes prices). */
  background?: boolean;
  /** Model tick: prices and cached responses change at most once per tick (default 1000 ms). */
  tickMs?: number;
  /** Rate-limit window (default 60 000 ms; tests shrink it). */
  rateWindowMs?: number;
  /** Enforce the per-key rate limit (default true; benchmarks turn it off). */
  rateLimit?: boolean;
  /** Answer auth/plan/param errors with the body code as HTTP status instead of 200 (default false). */
  httpStatusMirrorsCode?: boolean;
  /**
   * The simulator's clock (default Date.now) for model time and event times; a fixed clock makes
   * two simulators answer identically. Rate-limit windows use `rateClock`.
   */
  clock?: () => number;
  /** The rate-limit windows' clock (default real time): tests move it instead of waiting a window out. */
  rateClock?: () => number;
}

export interface Simulator {
  /** `http://HOST:PORT` — REST paths start with /api/. */
  restUrl: string;
  /** `ws://HOST:PORT/ws-api` — append `?cg-api-key=KEY`. */
  wsUrl: string;
  control: SimControl;
  close(): Promise<void>;
}

/** Builds the REST route table. */
function buildRoutes(
  market: ReturnType<typeof createMarket>,
  events: EventLog,
  seed: number,
  wallets: WalletBook,
): RouteTable {
  const routes: RouteTable = new Map();
  registerUserPosition(routes, wallets);
  registerMarkets(routes);
  registerLiquidation(routes);
  registerLiquidationMaps(routes);
  registerHyperliquid(routes, createWhales(market));
  registerFundingOi(routes);
  registerRatios(routes);
  registerOrderbook(routes);
  registerIndicators(routes);
  registerArbitrage(routes);
  registerOptions(routes);
  registerCalendar(routes, seed);
  registerOnchain(routes);
  registerWhaleTransfers(routes);
  registerEtf(
    routes,
    createEtfModel(market, () => events.etfDays()),
  );
  return routes;
}

/** Starts a simulator on `host:port`. */
export async function createSimulator(opts: SimulatorOptions = {}): Promise<Simulator> {
  const seed = opts.seed ?? 42;
  const plan = opts.plan ?? "professional";
  if (!PLANS.includes(plan)) throw new Error(`unknown plan ${plan}`);
  const tickMs = opts.tickMs ?? 1000;
  const clock = opts.clock ?? Date.now;
  const background = opts.background ?? true;
  const startedAt = Math.floor(clock() / tickMs) * tickMs;
  const modelNow = background ? () => Math.floor(clock() / tickMs) * tickMs : () => startedAt;
  const keys = opts.keys ? new Set(opts.keys) : undefined;

  const { market, overrides } = withOverrides(createMarket(seed));
  const wallets = createWalletBook();
  const events = createEventLog();
  const faults: Faults = { ...NO_FAULTS };
  const counters = createCounters();
  const corruptions = createCorruptions();
  let limiter = createRateLimiter(PLAN_LIMITS[plan], opts.rateWindowMs ?? 60_000);
  const rest = createRestHandler({
    routes: buildRoutes(market, events, seed, wallets),
    plan,
    keys,
    rateLimit: opts.rateLimit ?? true,
    mirrorStatus: opts.httpStatusMirrorsCode ?? false,
    get limiter() {
      return limiter;
    },
    counters,
    faults,
    market,
    events,
    corruptions,
    handSet: () => overrides.version() + wallets.version(),
    modelNow,
    clock,
    rateClock: opts.rateClock ?? Date.now,
  });
  const hub = createHub({ keys, planAllowsWs: PLANS.indexOf(plan) >= PLANS.indexOf("standard"), faults });
  const flow = createFlow({ market, events, hub, seed, background, clock });
  const control = createControl({
    market,
    events,
    corruptions,
    flow,
    hub,
    faults,
    seed,
    counters,
    modelNow,
    clock,
    overrides,
    wallets,
    resetLimits: () => {
      limiter = createRateLimiter(PLAN_LIMITS[plan], opts.rateWindowMs ?? 60_000);
    },
  });

  const server = createServer((req, res) => {
    if (req.url?.startsWith("/__sim/")) {
      void handleControl(control, req, res);
      return;
    }
    rest(req, res);
  });
  server.on("upgrade", (req, socket, head) => {
    if (!hub.upgrade(req, socket, head)) socket.destroy();
  });
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port ?? 0, opts.host ?? "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const host = opts.host ?? "127.0.0.1";
  const hostPart = host.includes(":") ? `[${host}]` : host;
  return {
    restUrl: `http://${hostPart}:${port}`,
    wsUrl: `ws://${hostPart}:${port}/ws-api`,
    control,
    async close() {
      flow.stop();
      await hub.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
export { SAMPLE_QUERIES } from "./samples.js";

/** A simulator an app starts for itself when it has no CoinGlass key (runtime's `openUpstream`). */
export interface EmbeddedSimulator {
  /** The key the app presents (the embedded simulator accepts any). */
  apiKey: string;
  restUrl: string;
  wsUrl: string;
  close(): Promise<void>;
}

/** The key the apps present to their embedded simulator (which accepts any key). */
export const EMBEDDED_API_KEY = "local-simulator";

/** Starts a simulator on `port` (default any free one) with the configured plan. */
export async function startEmbedded(opts: {
  plan: Plan;
  port?: number;
  seed?: number;
}): Promise<EmbeddedSimulator> {
  const sim = await createSimulator({ port: opts.port ?? 0, seed: opts.seed, plan: opts.plan });
  return { apiKey: EMBEDDED_API_KEY, restUrl: sim.restUrl, wsUrl: sim.wsUrl, close: () => sim.close() };
}
