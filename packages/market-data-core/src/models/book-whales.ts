/**
 * Domain models of the order-book and Hyperliquid whale endpoints (same conventions as
 * market.ts: camelCase, units in names, ms times, null for what the upstream row lacks).
 */

/** A large resting limit order (a "wall"). */
export interface LargeLimitOrder {
  id: number;
  exchange: string;
  pair: string;
  priceUsd: number;
  /** 1 = sell (ask), 2 = buy (bid) upstream. */
  side: "ask" | "bid";
  startUsd: number | null;
  currentUsd: number | null;
  currentQuantity: number | null;
  startTime: number | null;
  currentTime: number | null;
  /** 1 open, 2 filled, 3 cancelled upstream. */
  state: "open" | "filled" | "cancelled" | "unknown";
}

/** Order-book depth within ±range of one pair, or aggregated across exchanges for a coin. */
export interface DepthPoint {
  time: number;
  bidsUsd: number;
  bidsQuantity: number | null;
  asksUsd: number;
  asksQuantity: number | null;
}

/** One order-book heatmap snapshot: price levels with quantities. */
export interface OrderbookSnapshot {
  /** ms (converted from the upstream seconds). */
  time: number;
  bids: Array<[priceUsd: number, quantity: number]>;
  asks: Array<[priceUsd: number, quantity: number]>;
}

/** One Hyperliquid whale alert: a position over $1M opened or closed. */
export interface WhaleAlert {
  user: string;
  coin: string;
  /** Signed size in coins: positive long, negative short. */
  positionSize: number;
  /** From the sign of `positionSize`. */
  direction: "long" | "short";
  /** From `position_action` (1 open, 2 close). */
  action: "open" | "close";
  entryPriceUsd: number | null;
  liquidationPriceUsd: number | null;
  valueUsd: number;
  time: number;
}

/** One open Hyperliquid whale position. */
export interface WhalePosition {
  user: string;
  coin: string;
  positionSize: number;
  direction: "long" | "short";
  entryPriceUsd: number | null;
  markPriceUsd: number | null;
  liquidationPriceUsd: number | null;
  leverage: number | null;
  marginBalanceUsd: number | null;
  valueUsd: number;
  unrealizedPnlUsd: number | null;
  fundingFeeUsd: number | null;
  marginMode: string | null;
  createTime: number | null;
  updateTime: number | null;
}
