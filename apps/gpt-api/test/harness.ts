import { Writable } from "node:stream";
import { createSimulator } from "@teleglas/coinglass-sim";
import {
  type Alert,
  createMarketDataCore,
  createStores,
  type MarketDataCoreOptions,
  type Stores,
} from "@teleglas/market-data-core";
import type { FastifyInstance } from "fastify";
import pino from "pino";
import { afterAll, beforeAll } from "vitest";
import { buildApp } from "../src/app.js";
import { type ApiConfig, apiConfig } from "../src/config.js";
import type { ApiDeps } from "../src/deps.js";
import { REDACT } from "../src/log.js";
import { testRedis } from "./redis.js";

export const KEY = "test-key-0123456789abcdef";

export type Sim = Awaited<ReturnType<typeof createSimulator>>;

/** Shared peers of a test file: the simulator, Redis (unique prefix), the core and the stores. */
export async function startPeers(
  opts: {
    plan?: "hobbyist" | "startup" | "standard" | "professional";
    /** The core's options beyond the defaults here (deadlineMs, ttlScale, another redis …). */
    core?: Partial<MarketDataCoreOptions>;
  } = {},
) {
  const { redis, prefix, cleanup } = await testRedis();
  const plan = opts.plan ?? "professional";
  const sim = await createSimulator({ port: 0, plan, keys: ["sim-key"] });
  const core = createMarketDataCore({
    apiKey: "sim-key",
    baseUrl: sim.restUrl,
    plan,
    redis,
    keyPrefix: prefix,
    timeoutMs: 3000,
    ...opts.core,
  });
  const stores = createStores({ redis, prefix });
  return {
    sim,
    core,
    stores,
    redis,
    prefix,
    async close() {
      await stores.close();
      await core.close();
      await sim.close();
      await cleanup();
    },
  };
}
export type Peers = Awaited<ReturnType<typeof startPeers>>;

/** An app on a real socket (port 0) over the peers, with a log we can read. */
export async function startApi(peers: Peers, config: Partial<ApiConfig> = {}, over: Partial<ApiDeps> = {}) {
  const lines: string[] = [];
  const logger = pino(
    { level: "debug", redact: { paths: REDACT, censor: "[redacted]" } },
    new Writable({
      write(chunk, _enc, cb) {
        lines.push(String(chunk));
        cb();
      },
    }),
  );
  const app: FastifyInstance = await buildApp(
    {
      config: apiConfig({ apiKeys: [KEY], rateLimitPerMinute: 10_000, rateSyncMs: 20, ...config }),
      logger,
      core: peers.core,
      stores: peers.stores,
      redis: peers.redis,
      version: "0.1.0",
      ...over,
    },
    { keyPrefix: peers.prefix },
  );
  const url = await app.listen({ port: 0, host: "127.0.0.1" });
  const get = (path: string, headers: Record<string, string> = {}) =>
    fetch(`${url}${path}`, { headers: { authorization: `Bearer ${KEY}`, ...headers } });
  return { app, url, get, logs: () => lines.join(""), close: () => app.close() };
}

/** A complete alert for the alert log. */
export function sampleAlert(n: number, over: Partial<Alert> = {}): Alert {
  const t = 1_767_225_600_000 + n * 1000;
  return {
    id: `test-alert-${n}-${Math.random().toString(36).slice(2, 8)}`,
    kind: "large_liquidation",
    symbol: "BTC",
    side: "long",
    usd: 2_500_000 + n,
    count: 1,
    window_s: 0,
    exchanges: ["Binance"],
    price: 97_000,
    first_at: t,
    last_at: t,
    severity: "high",
    detail: { pair: "BTCUSDT" },
    ...over,
  };
}

export type { Stores };

/** A parsed JSON answer; tests check it field by field. */
// biome-ignore lint/suspicious/noExplicitAny: JSON answers are untyped until asserted
export type Json = any;

/**
 * Peers and one API for a whole test file: started before its tests, closed after. Tests read
 * `t.peers` and `t.api`, set once the file's `beforeAll` has run.
 */
export function apiForFile(config: Partial<ApiConfig> = {}, over: Partial<ApiDeps> = {}) {
  const t = {} as { peers: Peers; api: Api };
  beforeAll(async () => {
    t.peers = await startPeers();
    t.api = await startApi(t.peers, config, over);
  });
  afterAll(async () => {
    await t.api?.close();
    await t.peers?.close();
  });
  return t;
}
export type Api = Awaited<ReturnType<typeof startApi>>;
