import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { RulesError } from "../../src/rules/load.js";
import { waitFor } from "./helpers.js";
import { useScenario } from "./scenario.js";

const s = useScenario();

describe("one worker against the simulator and Redis", () => {
  it("turns an injected storm into exactly one storm alert, on the queue the bot consumes", async () => {
    const w = await s.fx().startWorker({ ingestThread: true });
    await waitFor(async () => (await s.health(w.worker.url)).connected, "stream connected");
    s.storm();
    const [alert] = await s.firstStorms();
    expect(alert).toMatchObject({ kind: "liquidation_storm", symbol: "BTC", side: "long", window_s: 30 });
    expect(alert?.usd).toBeGreaterThanOrEqual(2_000_000);
    expect(await s.fx().stores.alerts.depth("bot")).toBeGreaterThanOrEqual(1);
    await s.stormOver();
    expect(await s.storms()).toHaveLength(1);
    expect(await s.metric(w.worker.url, "liquidation_storm", "published")).toBe(1);
  });

  it("still one alert when the simulator drops the socket mid-storm", async () => {
    const w = await s.fx().startWorker();
    await waitFor(async () => (await s.health(w.worker.url)).connected, "stream connected");
    s.storm();
    await new Promise((r) => setTimeout(r, 800));
    s.fx().sim.control.dropSockets();
    await s.firstStorms();
    s.fx().sim.control.dropSockets();
    await waitFor(async () => (await s.health(w.worker.url)).reconnects >= 2, "two reconnects");
    await s.stormOver();
    expect(await s.storms()).toHaveLength(1);
  });

  it("a bad rules file stops start-up naming the field", async () => {
    const dir = await mkdtemp(join(tmpdir(), "teleglas-worker-"));
    try {
      const file = join(dir, "rules.yaml");
      await writeFile(file, "liquidation_storm:\n  tiers:\n    majors:\n      min_count: 0\n");
      const error = await s
        .fx()
        .startWorker({ rulesFile: file })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(RulesError);
      expect((error as Error).message).toContain("liquidation_storm.tiers.majors.min_count");
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
