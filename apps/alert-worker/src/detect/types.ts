import type { Alert, LiquidationEvent, TradeEvent } from "@teleglas/market-data-core";

/**
 * A liquidation as the detectors need it: the core stream client's event without its channel, so
 * REST backfill rows can be fed too. `side` is the side that was liquidated.
 */
export type LiquidationInput = Omit<LiquidationEvent, "channel">;

/** A futures trade as the detectors need it; `side` is the taker direction. */
export type TradeInput = Omit<TradeEvent, "channel">;

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
  /** A newer state of an alert this detector already emitted (same id): published as an update. */
  update?: true;
}

/** Where detectors hand their detections; called synchronously on the hot path. */
export type Emit = (d: Detection) => void;

/** Milliseconds since the epoch; injectable so tests control "now". */
export type Clock = () => number;
