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

/** One series of a `seriesHistogram`: its labels and its counts. */
interface Series {
  labels: Record<string, string>;
  /** Observations per bucket (not cumulative), one per bound. */
  buckets: number[];
  sum: number;
  count: number;
}

/**
 * A histogram whose series are resolved once (`series(labels)` returns the function that observes
 * into it) and whose observations are a bucket search and three additions, written out in
 * prom-client's histogram format at each scrape. prom-client's own `observe`, even on a child from
 * `labels()`, converts, checks and hashes the labels on every call: about a microsecond on the
 * API's hot path, where every request observes once. The registry takes any object that answers
 * `get()` like prom-client's metrics do.
 */
export function seriesHistogram(
  registry: Registry,
  config: { name: string; help: string; buckets: readonly number[] },
): { series(labels: Record<string, string>): (value: number) => void } {
  const { name, help } = config;
  const bounds = [...config.buckets].sort((a, b) => a - b);
  const all: Series[] = [];
  // Like prom-client, a series appears once it has an observation.
  const values = () =>
    all.flatMap((s) => {
      if (s.count === 0) return [];
      let cumulative = 0;
      return [
        ...bounds.map((le, i) => {
          cumulative += s.buckets[i] ?? 0;
          return { labels: { le, ...s.labels }, value: cumulative, metricName: `${name}_bucket` };
        }),
        { labels: { le: "+Inf", ...s.labels }, value: s.count, metricName: `${name}_bucket` },
        { labels: s.labels, value: s.sum, metricName: `${name}_sum` },
        { labels: s.labels, value: s.count, metricName: `${name}_count` },
      ];
    });
  const metric = {
    name,
    help,
    type: "histogram",
    aggregator: "sum",
    get: async () => ({ name, help, type: "histogram", aggregator: "sum", values: values() }),
    reset() {
      for (const s of all) {
        s.buckets.fill(0);
        s.sum = 0;
        s.count = 0;
      }
    },
  };
  registry.registerMetric(metric as unknown as Parameters<Registry["registerMetric"]>[0]);
  return {
    series(labels) {
      const s: Series = { labels, buckets: bounds.map(() => 0), sum: 0, count: 0 };
      all.push(s);
      return (value) => {
        let i = 0;
        while (i < bounds.length && value > (bounds[i] as number)) i++;
        if (i < bounds.length) s.buckets[i] = (s.buckets[i] as number) + 1;
        s.sum += value;
        s.count++;
      };
    },
  };
}
