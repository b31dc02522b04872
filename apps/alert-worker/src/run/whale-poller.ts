import { type CoinGlassClient, PlanError } from "@teleglas/market-data-core";
import type { WhalePositionInput } from "../detect/whale-position.js";

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
  let timer: NodeJS.Timeout | undefined;
  let running = false;
  let current: Promise<void> = Promise.resolve();

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
      if (error instanceof PlanError) running = false;
    }
  };
  const loop = () => {
    if (!running) return;
    current = poll().finally(() => {
      if (running) timer = setTimeout(loop, o.intervalMs);
    });
  };

  return {
    start() {
      if (running) return;
      running = true;
      loop();
    },
    async stop() {
      running = false;
      if (timer) clearTimeout(timer);
      await current;
    },
  };
}
