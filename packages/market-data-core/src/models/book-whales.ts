/**
 * Domain models of the order-book and Hyperliquid whale endpoints (same conventions as
 * market.ts: camelCase, units in names, ms times, null for what the upstream row lacks), and the
 * reports built from them.
 */
import { z } from "zod";
import { figure, int, ms, msReq, num, pct, str, usd } from "./fields.js";

const coin = str("Coin symbol", "BTC");

/** A large resting limit order (a "wall"). */
export const LargeLimitOrderSchema = z.object({
  id: figure("CoinGlass order id.", 123456),
  exchange: str("Exchange name", "Binance"),
  pair: str("Trading pair", "BTCUSDT"),
  priceUsd: figure("Order price, in US dollars.", 95_000),
  /** 1 = sell (ask), 2 = buy (bid) upstream. */
  side: z.enum(["ask", "bid"]),
  startUsd: usd("Size when first seen", 12_000_000),
  currentUsd: usd("Size now", 9_500_000),
  currentQuantity: num("Size now, in coins", 100),
  startTime: ms("First seen"),
  currentTime: ms("Last seen"),
  /** 1 open, 2 filled, 3 cancelled upstream. */
  state: z.enum(["open", "filled", "cancelled", "unknown"]),
});
export type LargeLimitOrder = z.infer<typeof LargeLimitOrderSchema>;

/** Order-book depth within ±range of one pair, or aggregated across exchanges for a coin. */
export const DepthPointSchema = z.object({
  time: msReq("Bar time"),
  bidsUsd: figure("Bids within the range, in US dollars.", 150_000_000),
  bidsQuantity: num("Bids within the range, in coins", 1540),
  asksUsd: figure("Asks within the range, in US dollars.", 140_000_000),
  asksQuantity: num("Asks within the range, in coins", 1440),
});
export type DepthPoint = z.infer<typeof DepthPointSchema>;

const level = z.tuple([z.number(), z.number()]);
/** One order-book heatmap snapshot: price levels with quantities, `[priceUsd, quantity]`. */
export const OrderbookSnapshotSchema = z.object({
  /** ms (converted from the upstream seconds). */
  time: z.number(),
  bids: z.array(level),
  asks: z.array(level),
});
export type OrderbookSnapshot = z.infer<typeof OrderbookSnapshotSchema>;

const positionSize = (example: number) =>
  figure("Signed size, in coins: positive long, negative short.", example);

/** One Hyperliquid whale alert: a position over $1M opened or closed. */
export const WhaleAlertSchema = z.object({
  user: str("Hyperliquid address", "0x3c…9f"),
  coin,
  positionSize: positionSize(-120.5),
  /** From the sign of `positionSize`. */
  direction: z.enum(["long", "short"]),
  /** From `position_action` (1 open, 2 close). */
  action: z.enum(["open", "close"]).meta({ description: "Whether the position was opened or closed." }),
  entryPriceUsd: usd("Entry price", 97_000),
  liquidationPriceUsd: usd("Liquidation price", 110_000),
  valueUsd: figure("Position value, in US dollars.", 11_700_000),
  time: msReq("When it happened"),
});
export type WhaleAlert = z.infer<typeof WhaleAlertSchema>;

/** One open Hyperliquid whale position. */
export const WhalePositionSchema = z.object({
  user: str("Hyperliquid address", "0x3c…9f"),
  coin,
  positionSize: positionSize(250),
  direction: z.enum(["long", "short"]),
  entryPriceUsd: usd("Entry price", 96_500),
  markPriceUsd: usd("Mark price", 97_250),
  liquidationPriceUsd: usd("Liquidation price", 80_000),
  leverage: num("Leverage (x)", 10),
  marginBalanceUsd: usd("Margin balance", 2_400_000),
  valueUsd: figure("Position value, in US dollars.", 24_300_000),
  unrealizedPnlUsd: usd("Unrealized profit and loss", 187_000),
  fundingFeeUsd: usd("Funding fees paid (negative) or received", -1_200),
  marginMode: z
    .string()
    .nullable()
    .meta({ description: "cross or isolated.", examples: ["cross"] }),
  createTime: ms("Opened at"),
  updateTime: ms("Last updated at"),
});
export type WhalePosition = z.infer<typeof WhalePositionSchema>;

/** Whale position totals and what they cover. */
export const WhaleTotalsSchema = z.object({
  longUsd: figure("Sum of long position values, in US dollars.", 420_000_000),
  shortUsd: figure("Sum of short position values, in US dollars.", 310_000_000),
  /** Positions counted (all that match, ≥ `minUsd`). */
  count: int("Number of positions summed.", 143),
});
export type WhaleTotals = z.infer<typeof WhaleTotalsSchema>;

/** `getWhale(...)`: Hyperliquid whale alerts and open whale positions. */
export const WhaleReportSchema = z.object({
  symbol: z
    .string()
    .nullable()
    .meta({ description: "Coin filter applied; null = all coins.", examples: ["BTC"] }),
  minUsd: figure("Minimum position value applied, in US dollars.", 1_000_000),
  alerts: z
    .array(WhaleAlertSchema)
    .meta({ description: "Hyperliquid whale position opens/closes, newest first, at most `limit`." }),
  positions: z
    .array(WhalePositionSchema)
    .meta({ description: "Open Hyperliquid whale positions, largest first, at most `limit`." }),
  /**
   * Sums over every open position CoinGlass returned that matches the coin and `minUsd` — not
   * only the listed ones, so they do not depend on `limit`.
   */
  totals: WhaleTotalsSchema.nullable().meta({
    description:
      "Sums over every open position CoinGlass returned for the coin filter with value ≥ min_usd (e.g. all 143 positions ≥ $1M), not only the listed ones: `limit` cuts the list, never the totals. null when CoinGlass gave no readable positions.",
  }),
});
export type WhaleReport = z.infer<typeof WhaleReportSchema>;

/** Count and size of every open wall on one side, however many are listed. */
export const WallTotalsSchema = z.object({
  count: int("Open walls on this side.", 143),
  /** Null when no wall gives its size. */
  usd: usd("Sum of their current sizes", 1_350_000_000),
});
export type WallTotals = z.infer<typeof WallTotalsSchema>;

/** Depth totals with their imbalance. */
export const DepthSummarySchema = z.object({
  bidsUsd: usd("Bids within the range", 150_000_000),
  asksUsd: usd("Asks within the range", 140_000_000),
  imbalancePct: pct("(bids - asks) / (bids + asks); positive = more bids", 3.4),
  time: ms("Time of the reading"),
});
export type DepthSummary = z.infer<typeof DepthSummarySchema>;

/** `getOrderbook(symbol, { exchange, range })`. */
export const OrderbookReportSchema = z.object({
  symbol: coin,
  exchange: str("Exchange of the pair", "Binance"),
  pair: str("Trading pair", "BTCUSDT"),
  rangePct: figure("Depth range around the mid price, in percent.", 1),
  /** Large resting orders, largest current USD first. */
  walls: z
    .object({ bids: z.array(LargeLimitOrderSchema), asks: z.array(LargeLimitOrderSchema) })
    .meta({ description: "Large resting limit orders, the 25 largest per side, largest first." }),
  /** Totals over every open wall CoinGlass returned (a caller may list fewer). */
  wallTotals: z.object({ bids: WallTotalsSchema, asks: WallTotalsSchema }).nullable().meta({
    description:
      "Count and size of every open wall CoinGlass returned per side (walls lists at most 25); null when the walls are missing.",
  }),
  depth: DepthSummarySchema.meta({ description: "Latest depth of the pair on the exchange." }),
  depthHistory: z.array(DepthPointSchema).meta({ description: "Depth history of the pair, oldest first." }),
  aggregated: DepthSummarySchema.meta({ description: "Latest depth across all exchanges for the coin." }),
});
export type OrderbookReport = z.infer<typeof OrderbookReportSchema>;
