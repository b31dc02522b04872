import type { Alert } from "@teleglas/market-data-core";

/**
 * A liquidation as the detectors need it. Structurally the core stream client's
 * `LiquidationEvent`; `side` is the side that was liquidated (WS `side` 1 = long, 2 = short).
 */
export interface LiquidationInput {
  type: "liquidation";
  exchange: string;
  pair: string;
  coin: string;
  price: number;
  side: "long" | "short";
  usd: number;
  /** Event time, epoch ms. */
  time: number;
}

/** A futures trade; `side` is the taker direction (WS `side` 1 = sell, 2 = buy). */
export interface TradeInput {
  type: "trade";
  exchange: string;
  pair: string;
  coin: string;
  price: number;
  side: "buy" | "sell";
  usd: number;
  time: number;
}

export type DetectorInput = LiquidationInput | TradeInput;

/**
 * What a detector produces: a message-free alert plus what the publisher needs to keep it
 * unique across processes and restarts.
 */
export interface Detection {
  alert: Alert;
  /** Shared cooldown key (Redis); the detector has already applied the same cooldown in memory. */
  cooldownKey: string;
  cooldownMs: number;
  /** For alerts about one upstream event: a key marking that event seen, so a replay cannot alert twice. */
  seenKey?: string;
}

/** Where detectors hand their detections; called synchronously on the hot path. */
export type Emit = (d: Detection) => void;

/** Milliseconds since the epoch; injectable so tests control "now". */
export type Clock = () => number;
