import { type AlertKind, type MarketDataCore, PlanError } from "@teleglas/market-data-core";
import type { Logger } from "pino";
import { detectEtfFlows } from "../detect/etf-flow.js";
import type { Detection } from "../detect/types.js";
import { createWhaleTransferDetector } from "../detect/whale-transfer.js";
import type { Rules } from "../rules/schema.js";
import { createRepeater } from "./repeat.js";

export interface FlowPollersOptions {
  core: MarketDataCore;
  rules: Rules;
  /** Where detections go (the publisher: seen, cooldown and id guards in one step). */
  submit: (d: Detection) => void;
  log: Logger;
  now?: () => number;
}

/**
 * A repeater that turns itself off for good when the plan lacks its endpoint: one log line, no
 * further calls (quota is not spent on answers that cannot come), even across leadership changes.
 * Other failures are logged and the next round tries again.
 */
function gatedRepeater(log: Logger, kind: AlertKind, intervalMs: number, round: () => Promise<void>) {
  let off = false;
  const repeater = createRepeater(intervalMs, async () => {
    try {
      await round();
    } catch (err) {
      if (!(err instanceof PlanError)) {
        log.warn({ err, kind }, `${kind} poll failed`);
        return true;
      }
      off = true;
      log.warn({ kind, plan: err.plan, needed: err.requiredPlan }, `${kind} alerts are off: ${err.message}`);
      return false;
    }
    return true;
  });
  return {
    start: () => (off ? undefined : repeater.start()),
    stop: () => repeater.stop(),
  };
}

/**
 * Polls the daily US spot-ETF flows and the on-chain whale transfers on the background quota lane,
 * through the core's cached calls (the same cache entries `/etf` and `/transfers` use), and hands
 * what the pure detectors find to the publisher. Runs on the leader only.
 */
export function createFlowPollers(o: FlowPollersOptions) {
  const now = o.now ?? Date.now;
  const etfRule = o.rules.etf_flow;
  const transfers = createWhaleTransferDetector(o.rules.whale_transfer);

  const etf = gatedRepeater(o.log, "etf_flow", etfRule.poll_interval_s * 1000, async () => {
    // One asset failing (an outage, a bad answer) does not hold back the others.
    const results = await Promise.allSettled(
      etfRule.assets.map(async (asset) => {
        const res = await o.core.client.fetchEtfFlows(asset, { lane: "background" });
        for (const d of detectEtfFlows(etfRule, asset, res.value, now())) o.submit(d);
      }),
    );
    const failed = results.find((r): r is PromiseRejectedResult => r.status === "rejected");
    if (failed) throw failed.reason;
  });

  const whales = gatedRepeater(
    o.log,
    "whale_transfer",
    o.rules.whale_transfer.poll_interval_s * 1000,
    async () => {
      const res = await o.core.market.getWhaleTransfers({ limit: 100 }, { lane: "background" });
      for (const d of transfers.onTransfers(res.data.transfers, now())) o.submit(d);
    },
  );

  return {
    start() {
      if (etfRule.assets.length > 0) etf.start();
      whales.start();
    },
    async stop() {
      await Promise.all([etf.stop(), whales.stop()]);
    },
  };
}
