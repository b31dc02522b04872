/**
 * @teleglas/runtime — what every composition root (the three apps' main.ts and the local stack)
 * shares. Only here are connections opened and process-wide handlers installed; the core itself
 * opens nothing and logs nothing.
 */
export { type GracefulStopOptions, gracefulStop } from "./graceful-stop.js";
export { type AppDeps, type ProcessSpec, runProcess } from "./process.js";
export {
  type ProcessErrorLog,
  type ProcessErrorOptions,
  type ProcessErrorWatch,
  watchProcessErrors,
} from "./process-errors.js";
export { openRuntime, type Runtime, type RuntimeLog, type RuntimeOptions } from "./runtime.js";
export { openUpstream, type Upstream, type UpstreamEnv } from "./upstream.js";
