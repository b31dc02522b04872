/** `@teleglas/market-data-core/testing`: helpers for the test suites of every package. */

export * from "./fixtures.js";
export * from "./redis.js";
export * from "./redis-server.js";
export * from "./stores.js";
export * from "./wait.js";
