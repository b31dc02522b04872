import { Counter, collectDefaultMetrics, Gauge, type GaugeConfiguration, Registry } from "prom-client";

/**
 * prom-client's default gauges that end in `_total` (a name Prometheus keeps for counters), so
 * `promtool check metrics` flags them. Each is the sum of its labelled sibling without the suffix
 * (`nodejs_active_handles{type}`), so nothing is lost by dropping them.
 */
const LINT_TRIPPING_DEFAULTS = [
  "nodejs_active_handles_total",
  "nodejs_active_requests_total",
  "nodejs_active_resources_total",
];

/**
 * A registry of one process (or one app, when a test or the local stack runs several in one
 * process) with the standard process and Node.js metrics under their usual names, so stock
 * dashboards and the `job` label tell the apps apart.
 */
export function createRegistry(): Registry {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  for (const name of LINT_TRIPPING_DEFAULTS) registry.removeSingleMetric(name);
  return registry;
}

/**
 * A counter that mirrors a running total kept elsewhere as a plain number (cheaper on a hot path
 * than a labelled `inc`): read at each scrape.
 */
export function mirroredCounter(registry: Registry, name: string, help: string, read: () => number): Counter {
  return new Counter({
    name,
    help,
    registers: [registry],
    collect() {
      this.reset();
      this.inc(read());
    },
  });
}

/**
 * A gauge read at each scrape. `null` (not known: nothing yet, or its source did not answer)
 * leaves the series out: prom-client's own unlabelled gauge would show 0, a claim, not a gap.
 */
export function readGauge(
  registry: Registry,
  name: string,
  help: string,
  read: () => number | null | Promise<number | null>,
): Gauge {
  return new ReadGauge({ name, help, registers: [registry] }, read);
}

class ReadGauge extends Gauge {
  constructor(
    config: GaugeConfiguration<string>,
    private readonly read: () => number | null | Promise<number | null>,
  ) {
    super(config);
  }
  override async get() {
    const v = await this.read();
    if (v !== null) this.set(v);
    const metric = await super.get();
    return v === null ? { ...metric, values: [] } : metric;
  }
}
