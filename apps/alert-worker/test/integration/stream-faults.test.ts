import { Writable } from "node:stream";
import pino from "pino";
import { describe, expect, it } from "vitest";
import { waitFor } from "./helpers.js";
import { useScenario } from "./scenario.js";

const s = useScenario();

describe("stream faults against the simulator and Redis", () => {
  it("a future-dated order and one in microseconds cannot blind storm detection for a coin", async () => {
    const w = await s.fx().startWorker({ ingestThread: true });
    await waitFor(async () => (await s.health(w.worker.url)).connected, "stream connected");
    const sim = s.fx().sim.control;
    // $10K XRP liquidations dated a day ahead and in microseconds: each would have become the
    // window's "now" and pushed every real order out of it.
    const order = { symbol: "XRP", side: "long", totalUsd: 10_000, count: 1, overSeconds: 0 } as const;
    sim.injectLiquidationStorm({ ...order, timeShiftMs: 86_400_000 });
    sim.injectLiquidationStorm({ ...order, timeUnit: "us" });
    await waitFor(
      async () => (await health(w.worker.url)).events_dropped.future === 2,
      "two future-dated orders dropped",
    );
    // Then a real $2.7M XRP storm (large caps: $1M in 2 orders).
    sim.injectLiquidationStorm({
      symbol: "XRP",
      side: "long",
      totalUsd: 2_700_000,
      count: 9,
      overSeconds: 2,
    });
    const storm = await waitFor(async () => {
      const list = (await s.storms()).filter((a) => a.symbol === "XRP");
      return list[0] ?? null;
    }, "the XRP storm alert");
    expect(storm).toMatchObject({ kind: "liquidation_storm", symbol: "XRP", side: "long" });
    expect((await health(w.worker.url)).events_dropped).toEqual({ stale: 0, future: 2, late: 0 });
    const metrics = await (await fetch(`${w.worker.url}/metrics`)).text();
    expect(metrics).toContain('teleglas_worker_events_dropped_total{reason="future"} 2');
  });

  it("a flood of malformed frames is one warning per minute with the count and an example", async () => {
    const lines: Record<string, unknown>[] = [];
    const logger = pino(
      { level: "warn" },
      new Writable({
        write(chunk, _enc, done) {
          lines.push(JSON.parse(String(chunk)));
          done();
        },
      }),
    );
    const w = await s.fx().startWorker({ logger, problemLogIntervalMs: 1_000 });
    await waitFor(async () => (await s.health(w.worker.url)).connected, "stream connected");
    s.fx().sim.control.rawFrames({ frames: ["not json", '{"no":"channel"}'], repeat: 1_151 });
    await waitFor(async () => (await health(w.worker.url)).frames_refused.malformed === 2_302, "2302 frames");
    const summary = await waitFor(
      () => lines.find((l) => l["problem"] === "malformed_frame"),
      "the summary line",
    );
    expect(summary).toMatchObject({ count: 2_302, example: "not JSON (8 chars)", interval_s: 1 });
    expect(lines.filter((l) => l["problem"] === "malformed_frame")).toHaveLength(1);
    expect((await health(w.worker.url)).connected).toBe(true);
  });
});

const health = async (url: string) =>
  (await (await fetch(`${url}/health`)).json()) as {
    events_dropped: { stale: number; future: number; late: number };
    frames_refused: { malformed: number; oversize: number };
    connected: boolean;
  };
