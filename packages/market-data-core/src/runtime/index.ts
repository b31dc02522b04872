export { type GracefulStopOptions, gracefulStop } from "./graceful-stop.js";
export {
  type ProcessErrorLog,
  type ProcessErrorOptions,
  type ProcessErrorWatch,
  watchProcessErrors,
} from "./process-errors.js";
export { openRuntime, type Runtime, type RuntimeOptions } from "./runtime.js";
