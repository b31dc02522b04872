export { type GracefulStopOptions, gracefulStop } from "./graceful-stop.js";
export { openRuntime, type Runtime, type RuntimeOptions } from "./runtime.js";
