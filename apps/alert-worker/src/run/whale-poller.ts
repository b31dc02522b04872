import { type CoinGlassClient, PlanError } from "@teleglas/market-data-core";
import type { WhalePositionInput } from "../detect/whale-position.js";
import { createRepeater } from "./repeat.js";

export interface WhalePollerOptions {
  client: CoinGlassClient;
  intervalMs: number;
  onRows: (rows: WhalePositionInput[]) => void;
  onError: (error: unknown) => void;
}

/**
 * Polls Hyperliquid whale alerts over REST on the background quota lane (there is no WebSocket
 * channel for them). Stops by itself when the plan lacks the endpoint, rather than spending quota
 * on a call that cannot succeed.
 */
export function createWhalePoller(o: WhalePollerOptions) {
  const poll = async () => {
    try {
      const res = await o.client.fetchWhaleAlerts({ lane: "background" });
      o.onRows(
        res.value.map((w) => ({
          user: w.user,
          coin: w.coin,
          positionSize: w.positionSize,
          valueUsd: w.valueUsd,
          action: w.action,
          time: w.time,
          entryPrice: w.entryPriceUsd,
          liqPrice: w.liquidationPriceUsd,
        })),
      );
    } catch (error) {
      o.onError(error);
      if (error instanceof PlanError) return false; // stops the repeater
    }
    return true;
  };
  const repeater = createRepeater(o.intervalMs, poll);
  return { start: repeater.start, stop: repeater.stop };
}
