import { createSimulator, type Simulator } from "@teleglas/coinglass-sim";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { expandWatchlist } from "../../src/config.js";
import type { Detection } from "../../src/detect/types.js";
import { loadRules } from "../../src/rules/load.js";
import type { Pipeline } from "../../src/run/pipeline.js";
import { createThreadedPipeline } from "../../src/run/pipeline-host.js";
import { waitFor } from "./helpers.js";

describe("the ingest thread", () => {
  let sim: Simulator;
  let pipeline: Pipeline | undefined;
  beforeEach(async () => {
    sim = await createSimulator({ background: false, rateLimit: false });
  });
  afterEach(async () => {
    await pipeline?.stop();
    await pipeline?.close();
    await sim.close();
  });

  const start = async (detections: (ds: Detection[]) => Promise<unknown> | undefined) => {
    const options = {
      wsUrl: sim.wsUrl,
      apiKey: "test",
      watchlist: expandWatchlist(["BTC"]),
      tradeMinUsd: 10_000,
      rules: await loadRules(undefined),
    };
    const p = createThreadedPipeline(options, { detections, gap: () => {}, problem: () => {} }, (e) => {
      throw e;
    });
    pipeline = p;
    p.start();
    await waitFor(() => p.stats().connected, "stream connected");
    return p;
  };

  it("waits for a frame's alerts to be published, but a publisher that never answers cannot stall it", async () => {
    const handed: Detection[][] = [];
    // Never settles: the thread must give up waiting and keep reading frames.
    const p = await start((ds) => {
      handed.push(ds);
      return new Promise(() => {});
    });
    const events = 20_000;
    await sim.control.replay({ count: events, batchSize: 100, channel: "liquidationOrders" });
    await waitFor(() => p.stats().liquidations >= events, "every replayed liquidation counted");
    expect(p.stats().liquidations).toBe(events);
    // Storms on many coins: many hand-overs, each waited on until the wait ran out.
    expect(handed.length).toBeGreaterThan(5);
    await waitFor(() => p.stats().publishWaitsAbandoned === handed.length, "every wait abandoned");
    expect(handed.flat().every((d) => d.alert.kind === "liquidation_storm" || d.alert.kind === "radar")).toBe(
      true,
    );
  });
});
