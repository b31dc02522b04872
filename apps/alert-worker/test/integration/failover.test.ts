import { describe, expect, it } from "vitest";
import { waitFor } from "./helpers.js";
import { useScenario } from "./scenario.js";

const s = useScenario();

describe("restarts and failover", () => {
  it("no duplicate when the worker is killed and another starts during a storm", async () => {
    const a = await s.fx().startWorker();
    await waitFor(async () => (await s.health(a.worker.url)).connected, "stream connected");
    s.storm(9);
    await s.firstStorms();
    // Killed: its Redis connection drops without releasing the lease, so the next worker must
    // wait for the lease to expire. (stop() then only frees this test's sockets.)
    a.redis.disconnect();
    await a.stop();
    const b = await s.fx().startWorker();
    await waitFor(() => b.worker.isLeader(), "the new worker leading");
    // The rest of the storm is a storm of its own to the fresh detectors; the shared cooldown holds it back.
    await waitFor(
      () => s.metric(b.worker.url, "liquidation_storm", "cooling"),
      "the new worker to see the storm",
    );
    expect(await s.storms()).toHaveLength(1);
  });

  it("two workers: one publishes, the standby takes over when the leader dies", async () => {
    const a = await s.fx().startWorker();
    await waitFor(() => a.worker.isLeader(), "first worker leading");
    const b = await s.fx().startWorker();
    await waitFor(async () => (await s.health(a.worker.url)).connected, "leader connected");
    expect(b.worker.isLeader()).toBe(false);
    expect(await s.health(b.worker.url)).toMatchObject({ role: "standby", connected: false });
    s.storm();
    await s.firstStorms();
    // The leader's Redis goes away without a goodbye (a crash or a partition): its lease expires.
    a.redis.disconnect();
    const diedAt = Date.now();
    await waitFor(() => b.worker.isLeader(), "standby leading", 10_000);
    expect(Date.now() - diedAt).toBeLessThan(10_000);
    await waitFor(async () => (await s.health(b.worker.url)).connected, "standby connected");
    s.fx().sim.control.injectLiquidationStorm({
      symbol: "ETH",
      side: "short",
      totalUsd: 3_000_000,
      count: 12,
      overSeconds: 3,
    });
    const eth = await waitFor(
      async () => (await s.storms()).find((x) => x.symbol === "ETH"),
      "storm from the new leader",
    );
    expect(eth?.side).toBe("short");
    await s.stormOver();
    expect((await s.storms()).filter((x) => x.symbol === "BTC")).toHaveLength(1);
    expect(await s.metric(b.worker.url, "liquidation_storm", "published")).toBe(1);
  });
});
