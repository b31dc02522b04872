export { createRegistry, mirroredCounter, readGauge, seriesHistogram } from "./registry.js";
export { startMetricsServer } from "./serve.js";
export { createUpstreamMetrics, type UpstreamMetrics } from "./upstream.js";

import type { MarketDataCore } from "@teleglas/market-data-core";
import type { Registry } from "prom-client";
import { createRegistry } from "./registry.js";
import { createUpstreamMetrics, type UpstreamMetrics } from "./upstream.js";

/** What a composition root creates first: the process registry with the upstream metrics in it. */
export interface ProcessMetrics extends UpstreamMetrics {
  registry: Registry;
}

/**
 * The registry (process defaults) plus the upstream metrics; apps add theirs to `registry`. With
 * `core`, its quota and cache are watched at once (an app started without main.ts's registry).
 */
export function createProcessMetrics(core?: Pick<MarketDataCore, "stats">): ProcessMetrics {
  const registry = createRegistry();
  const upstream = createUpstreamMetrics(registry);
  if (core) upstream.watch(core);
  return { registry, ...upstream };
}
