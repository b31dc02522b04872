import type { MarketDataCore, Stores } from "@teleglas/market-data-core";
import type { Redis } from "ioredis";
import type { Logger } from "pino";
import type { Registry } from "prom-client";
import type { ApiConfig } from "./config.js";

/** What the app is built from: ready-made, shared with the other apps in the one-process stack. */
export interface ApiDeps {
  config: ApiConfig;
  logger: Logger;
  core: Pick<MarketDataCore, "market" | "stats">;
  /** `loginCodes` turns the OAuth login on; `subscriptions`, `rules` and `received` serve the person's own data. */
  stores: Pick<Stores, "alerts"> &
    Partial<Pick<Stores, "loginCodes" | "subscriptions" | "received" | "rules">>;
  /** Shared rate limits and readiness; in-process counters when absent. */
  redis?: Redis;
  /** The process registry (process and upstream metrics); the app makes its own when absent. */
  registry?: Registry;
  /** The authorization server's token check, when OAuth runs (set by buildApp). */
  oauth?: import("./oauth/index.js").OAuth;
  /** Service version shown by `/` and `/info`. */
  version: string;
}
