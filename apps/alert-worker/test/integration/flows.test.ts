import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { waitFor } from "./helpers.js";
import { useScenario } from "./scenario.js";

const s = useScenario();
const PATH = "/api/chain/v2/whale-transfer";

describe("whale transfer polling against bad answers", () => {
  it("skips a transfer dated a year ahead and one without a number, keeps polling, alerts on the next good one", async () => {
    const dir = await mkdtemp(join(tmpdir(), "teleglas-flows-"));
    try {
      const file = join(dir, "rules.json");
      await writeFile(
        file,
        JSON.stringify({ etf_flow: { assets: [] }, whale_transfer: { poll_interval_s: 0.3 } }),
      );
      const { sim } = s.fx();
      const at = Date.now();
      // LINK's block time a year ahead (a bad clock upstream), AVAX's amount not a number.
      sim.control.corrupt({
        path: PATH,
        field: "block_timestamp",
        value: Math.floor(at / 1000) + 365 * 86_400,
        where: { asset_symbol: "LINK" },
      });
      sim.control.corrupt({ path: PATH, field: "amount_usd", value: "n/a", where: { asset_symbol: "AVAX" } });
      const w = await s.fx().startWorker({ rulesFile: file });
      sim.control.injectWhaleTransfer({ symbol: "LINK", usd: 30_000_000, to: "Binance" });
      sim.control.injectWhaleTransfer({ symbol: "AVAX", usd: 30_000_000, to: "OKX" });
      sim.control.injectWhaleTransfer({ symbol: "DOT", usd: 30_000_000, from: "Kraken" });
      const mine = async () =>
        (await s.fx().alerts("whale_transfer")).filter((a) => ["LINK", "AVAX", "DOT"].includes(a.symbol));
      const got = await waitFor(async () => {
        const list = await mine();
        return list.length > 0 ? list : null;
      }, "the good transfer's alert");
      // The poll that saw DOT saw the two bad rows too (injected before it).
      expect(got.map((a) => [a.symbol, a.side, a.exchanges])).toEqual([["DOT", "outflow", ["Kraken"]]]);
      const health = (await (await fetch(`${w.worker.url}/health`)).json()) as { role: string };
      expect(health.role).toBe("leader");
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
