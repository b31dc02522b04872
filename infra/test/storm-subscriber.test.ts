import { httpWorkerStatus } from "@teleglas/telegram-bot/service";
import { afterEach, describe, expect, it } from "vitest";
import { ALLOWED, type Harness, startHarness, startWorker } from "./helpers/bot-and-worker.js";

let h: Harness | null = null;
afterEach(async () => {
  await h?.close();
  h = null;
});

describe("a fixed-kind alert from the worker to a subscriber of the bot", () => {
  it("a storm injected in the simulator reaches a subscriber through the worker, and /status sees the worker", {
    timeout: 45_000,
  }, async () => {
    let workerUrl = "";
    h = await startHarness({ workerStatus: () => httpWorkerStatus(`${workerUrl}/health`)() });
    const worker = await startWorker(h, { WORKER_WATCHLIST: "BTC" });
    workerUrl = worker.url;
    const cleanups: Array<() => void> = [];
    const after = (fn: () => void) => cleanups.push(fn);
    try {
      const u = ALLOWED[1]!;
      await h.ask(u, "/subscribe BTC");
      await h.tg.waitUntil(() => worker.isLeader(), { what: "the worker to lead", timeoutMs: 15_000 });
      const health = httpWorkerStatus(`${workerUrl}/health`);
      for (let i = 0; i < 100 && !(await health())?.connected; i++)
        await new Promise((r) => setTimeout(r, 100));
      // The stream subscribes right after connecting; storms injected before that are not seen,
      // so inject again every 2 s until the alert shows up.
      const inject = () =>
        h!.sim.control.injectLiquidationStorm({
          symbol: "BTC",
          side: "long",
          totalUsd: 80_000_000,
          count: 60,
          overSeconds: 1,
        });
      inject();
      const again = setInterval(inject, 2000);
      after(() => clearInterval(again));
      const alert = await h.tg
        // The simulated market also produces other BTC alerts (Hyperliquid whales); wait for the storm.
        .waitForMessage(
          (m) => m.chat_id === u && m.text.includes("BTC</b>") && /liquidations:/.test(m.text),
          {
            timeoutMs: 20_000,
          },
        )
        .catch((error: unknown) => {
          throw new Error(
            `${String(error)}; worker stats ${JSON.stringify(worker.stats())}; chat got ${JSON.stringify(h!.tg.messages(u).map((m) => m.text.slice(0, 60)))}`,
          );
        });
      expect(alert.text).toMatch(/Liquidation storm — BTC.*\n.*Long liquidations: <b>\$\d/);
      // Exactly once: the re-injections inside the cooldown produce no second storm message.
      expect(h.tg.messages(u).filter((m) => /liquidations:/.test(m.text))).toHaveLength(1);
      h.tg.injectMessage({ userId: u, text: "/status" });
      const status = await h.tg.waitForMessage((m) => m.chat_id === u && m.text.includes("<b>Status</b>"));
      expect(status.text).toMatch(/Alert worker: 🟢 connected · last event/);
    } finally {
      for (const fn of cleanups.splice(0)) fn();
      await worker.stop();
    }
  });
});
