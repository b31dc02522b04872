import type { Alert } from "@teleglas/market-data-core";
import { afterEach, beforeEach } from "vitest";
import { createFixture, type Fixture, waitFor } from "./helpers.js";

/** A fresh fixture per test, plus the storm the scenarios inject and ways to watch its outcome. */
export function useScenario() {
  let fx: Fixture;
  beforeEach(async () => {
    fx = await createFixture();
  });
  afterEach(async () => {
    await fx.cleanup();
  });
  const storms = () => fx.alerts("liquidation_storm");
  return {
    fx: () => fx,
    /**
     * BTC longs liquidated at $1.5M/s in orders of ~$250K (under the $500K large-liquidation
     * minimum), 4 s by default: a majors storm ($2M, 3 orders) within the first 1.5 s.
     */
    storm: (seconds = 4) =>
      fx.sim.control.injectLiquidationStorm({
        symbol: "BTC",
        side: "long",
        totalUsd: 1_500_000 * seconds,
        count: 6 * seconds,
        overSeconds: seconds,
      }),
    storms,
    /** Resolves with the storm alerts once there is at least one. */
    firstStorms: () =>
      waitFor(async () => {
        const list = await storms();
        return list.length > 0 ? list : null;
      }, "a storm alert") as Promise<Alert[]>,
    /** Waits past the end of the injected storm, so late duplicates would show. */
    stormOver: () => new Promise((r) => setTimeout(r, 5_000)),
    async metric(url: string, kind: string, outcome: string) {
      const text = await (await fetch(`${url}/metrics`)).text();
      const m = new RegExp(
        `teleglas_worker_alerts_total\\{kind="${kind}",outcome="${outcome}"\\} (\\d+)`,
      ).exec(text);
      return m ? Number(m[1]) : 0;
    },
    health: async (url: string) =>
      (await (await fetch(`${url}/health`)).json()) as {
        connected: boolean;
        reconnects: number;
        role: string;
      },
  };
}
