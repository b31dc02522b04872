/**
 * @teleglas/market-data-core — everything the three apps share: the CoinGlass client, cache,
 * quota, market services, stream client, stores and shared models.
 */

export * from "./cache/types.js";
export * from "./client/types.js";
export * from "./config/env.js";
export * from "./core.js";
export * from "./models/alert.js";
export * from "./models/errors.js";
export * from "./models/market.js";
export * from "./models/reports.js";
export * from "./models/result.js";
export * from "./models/snapshot.js";
export * from "./quota/types.js";
export * from "./services/types.js";
export * from "./store/index.js";
export * from "./stream/index.js";
export * from "./coinglass/raw/index.js";
