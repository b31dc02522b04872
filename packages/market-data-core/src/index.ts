/**
 * @teleglas/market-data-core — everything the three apps share: the CoinGlass client, cache,
 * quota, market services, stream client, stores and shared models.
 */
export * from "./config/env.js";
export * from "./models/alert.js";
