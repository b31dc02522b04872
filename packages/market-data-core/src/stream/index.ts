export * from "./channels.js";
export { createStreamClient, redactKey } from "./client.js";
export { createRecentKeys, type RecentKeys } from "./dedupe.js";
export { type FrameResult, parseStreamFrame } from "./parse.js";
export * from "./types.js";
