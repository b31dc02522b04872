export { createRegistry, mirroredCounter, readGauge } from "./registry.js";
export { startMetricsServer } from "./serve.js";
export { createUpstreamMetrics, type UpstreamMetrics } from "./upstream.js";

import type { Registry } from "prom-client";
import { createRegistry } from "./registry.js";
import { createUpstreamMetrics, type UpstreamMetrics } from "./upstream.js";

/** What a composition root creates first: the process registry with the upstream metrics in it. */
export interface ProcessMetrics extends UpstreamMetrics {
  registry: Registry;
}

/** The registry (process defaults) plus the upstream metrics; apps add theirs to `registry`. */
export function createProcessMetrics(): ProcessMetrics {
  const registry = createRegistry();
  return { registry, ...createUpstreamMetrics(registry) };
}
