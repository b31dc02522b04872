export * from "./channels.js";
export { createStreamClient, redactKey } from "./client.js";
export { createRecentEvents, type RecentEvents } from "./dedupe.js";
export { type FrameResult, parseStreamFrame } from "./parse.js";
export * from "./types.js";
