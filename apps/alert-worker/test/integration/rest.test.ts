import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Alert } from "@teleglas/market-data-core";
import { describe, expect, it } from "vitest";
import { waitFor } from "./helpers.js";
import { useScenario } from "./scenario.js";

const s = useScenario();

describe("REST sources", () => {
  it("backfills the large liquidations of a stream gap, skipping what the stream carried", async () => {
    // A slow reconnect leaves a gap of about 2-3 s.
    const w = await s.fx().startWorker({ stream: { backoff: { initialMs: 2_500, maxMs: 2_500 } } });
    const { sim } = s.fx();
    await waitFor(async () => (await s.health(w.worker.url)).connected, "stream connected");
    sim.control.injectLiquidationStorm({
      symbol: "BTC",
      side: "long",
      totalUsd: 800_000,
      count: 1,
      exchange: "Binance",
    });
    const large = () => s.fx().alerts("large_liquidation");
    await waitFor(async () => (await large()).length === 1, "the streamed large liquidation");
    sim.control.dropSockets();
    await new Promise((r) => setTimeout(r, 200));
    sim.control.injectLiquidationStorm({
      symbol: "ETH",
      side: "short",
      totalUsd: 900_000,
      count: 1,
      exchange: "OKX",
    });
    const got = (await waitFor(async () => {
      const list = await large();
      return list.length >= 2 ? list : null;
    }, "the backfilled large liquidation")) as Alert[];
    const metrics = await (await fetch(`${w.worker.url}/metrics`)).text();
    expect(metrics).toContain("teleglas_worker_backfilled_events_total 1");
    expect(metrics).toContain("teleglas_worker_stream_reconnects_total 1");
    expect(metrics).toContain('teleglas_worker_events_skipped_total{reason="malformed_frame"} 0');
    expect(got.map((a) => `${a.symbol}:${a.side}`).sort()).toEqual(["BTC:long", "ETH:short"]);
    expect(got.find((a) => a.symbol === "ETH")?.usd).toBeCloseTo(900_000, 0);
    // The BTC order came back from REST too; it was skipped as seen, not refused by a cooldown.
    expect(await s.metric(w.worker.url, "large_liquidation", "cooling")).toBe(0);
    expect(await s.metric(w.worker.url, "large_liquidation", "seen")).toBe(0);
  });

  it("alerts on a Hyperliquid whale position once, with the direction from the position's sign", async () => {
    const dir = await mkdtemp(join(tmpdir(), "teleglas-worker-"));
    try {
      const file = join(dir, "rules.json");
      await writeFile(file, JSON.stringify({ whale_position: { poll_interval_s: 0.3 } }));
      s.fx().sim.control.injectWhalePosition({
        symbol: "ETH",
        action: "close",
        direction: "short",
        valueUsd: 4_000_000,
        user: "0xfeed",
      });
      const w = await s.fx().startWorker({ rulesFile: file });
      // The simulator's own whales alert too; follow the injected one.
      const ours = async () =>
        (await s.fx().alerts("whale_position")).filter((a) => a.detail.user === "0xfeed");
      const got = (await waitFor(async () => {
        const list = await ours();
        return list.length > 0 ? list : null;
      }, "a whale position alert")) as Alert[];
      expect(got[0]).toMatchObject({
        symbol: "ETH",
        side: "short",
        detail: { action: "close", user: "0xfeed" },
      });
      expect(got[0]?.usd).toBeCloseTo(4_000_000, -3);
      // Polls go on every 0.3 s and keep returning that row: it must not alert again.
      await new Promise((r) => setTimeout(r, 2_000));
      expect(await ours()).toHaveLength(1);
      const all = await s.fx().alerts("whale_position");
      expect(new Set(all.map((a) => a.id)).size).toBe(all.length);
      expect(await s.metric(w.worker.url, "whale_position", "published")).toBe(all.length);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
