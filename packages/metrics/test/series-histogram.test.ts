import { Histogram, Registry } from "prom-client";
import { describe, expect, it } from "vitest";
import { seriesHistogram } from "../src/index.js";

const BUCKETS = [0.001, 0.01, 0.1, 1];
const OBSERVED: Array<[string, number]> = [
  ["/gpt/raw", 0.0004],
  ["/gpt/raw", 0.001],
  ["/gpt/raw", 0.05],
  ["/health", 3],
  ["/gpt/raw", 0.7],
];

describe("seriesHistogram", () => {
  it("scrapes exactly like prom-client's labelled histogram fed the same observations", async () => {
    const ours = new Registry();
    const theirs = new Registry();
    const fast = seriesHistogram(ours, { name: "x_seconds", help: "h", buckets: BUCKETS });
    // Series are made up front (a route's, at registration); one that never observes stays out.
    const series = new Map(["/gpt/raw", "/health", "/never"].map((route) => [route, fast.series({ route })]));
    const reference = new Histogram({
      name: "x_seconds",
      help: "h",
      labelNames: ["route"],
      buckets: BUCKETS,
      registers: [theirs],
    });
    for (const [route, value] of OBSERVED) {
      series.get(route)?.(value);
      reference.observe({ route }, value);
    }
    const text = await ours.metrics();
    expect(text).toBe(await theirs.metrics());
    expect(text).toContain('x_seconds_bucket{le="0.001",route="/gpt/raw"} 2');
    expect(text).not.toContain("/never");

    ours.resetMetrics();
    theirs.resetMetrics();
    expect(await ours.metrics()).toBe(await theirs.metrics());
  });
});
