import type { Redis } from "ioredis";
import type { MarketCache } from "./cache/types.js";
import type { CoinGlassClient } from "./client/types.js";
import type { CoinGlassPlan } from "./config/env.js";
import type { CoreEvent, CoreStats } from "./models/result.js";
import type { Quota } from "./quota/types.js";
import type { MarketData } from "./services/types.js";

/** Options of `createMarketDataCore`. */
export interface MarketDataCoreOptions {
  apiKey: string;
  /** e.g. `https://open-api-v4.coinglass.com` or the simulator's `restUrl`. */
  baseUrl: string;
  plan: CoinGlassPlan;
  /** Shares quota and cache across processes; in-process adapters when absent. */
  redis?: Redis;
  /** Redis key prefix, default `teleglas:`. */
  keyPrefix?: string;
  /** Per upstream request, default 10,000 ms. */
  timeoutMs?: number;
  /** Quota window, default 60,000 ms; must match the simulator's `rateWindowMs` in tests. */
  quotaWindowMs?: number;
  onEvent?: (e: CoreEvent) => void;
}

/** What `createMarketDataCore` returns. */
export interface MarketDataCore {
  client: CoinGlassClient;
  market: MarketData;
  quota: Quota;
  cache: MarketCache;
  stats(): CoreStats;
  close(): Promise<void>;
}

/**
 * Wire the CoinGlass client, cache, shared quota and market services together.
 * Does not connect anything itself: pass a ready `redis` (or none for in-process adapters).
 */
export function createMarketDataCore(_opts: MarketDataCoreOptions): MarketDataCore {
  throw new Error("createMarketDataCore: not wired yet");
}
