import { type Alert, AlertSchema } from "@teleglas/market-data-core";
import { createDetectorEngine } from "../../src/detect/engine.js";
import type { Detection, LiquidationInput, TradeInput } from "../../src/detect/types.js";
import { DEFAULT_RULES, type Rules } from "../../src/rules/schema.js";

/** A round epoch second, so window arithmetic in tables reads plainly. */
export const T0 = 1_750_000_000_000;

export const liq = (
  coin: string,
  side: "long" | "short",
  usd: number,
  atMs = 0,
  exchange = "Binance",
): LiquidationInput => ({
  type: "liquidation",
  ...common(coin, usd, atMs, exchange),
  side,
});

export const trade = (
  coin: string,
  side: "buy" | "sell",
  usd: number,
  atMs = 0,
  exchange = "Binance",
): TradeInput => ({
  type: "trade",
  ...common(coin, usd, atMs, exchange),
  side,
});

const common = (coin: string, usd: number, atMs: number, exchange: string) => ({
  exchange,
  pair: `${coin}USDT`,
  coin,
  price: 100,
  usd,
  time: T0 + atMs,
});

/** An engine whose clock follows the newest event fed (a live stream), collecting valid alerts. */
export function harness(rules: Rules = DEFAULT_RULES) {
  const detections: Detection[] = [];
  let now = T0;
  const engine = createDetectorEngine({
    rules,
    clock: () => now,
    emit: (d) => {
      AlertSchema.parse(d.alert);
      detections.push(d);
    },
  });
  return {
    engine,
    detections,
    /** Alerts as first published (a storm's later states are `update` detections). */
    alerts: (): Alert[] => detections.filter((d) => !d.update).map((d) => d.alert),
    kinds: () => detections.filter((d) => !d.update).map((d) => d.alert.kind),
    feed(...events: (LiquidationInput | TradeInput)[]) {
      for (const e of events) {
        now = Math.max(now, e.time);
        engine.onEvents([e]);
      }
    },
    setNow(ms: number) {
      now = ms;
    },
  };
}
