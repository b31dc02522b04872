/** Raw schemas: order book (coinglass-api.md §7.4). */
import { z } from "zod";
import { epochMs } from "./common.js";

/** One wall of `GET /api/futures/orderbook/large-limit-order`. `order_side` 1 = sell (ask), 2 = buy (bid). */
export const LargeLimitOrderRowSchema = z.object({
  id: z.number(),
  exchange_name: z.string(),
  symbol: z.string(),
  base_asset: z.string(),
  quote_asset: z.string(),
  price: z.number(),
  start_time: epochMs,
  start_quantity: z.number(),
  start_usd_value: z.number(),
  current_quantity: z.number(),
  current_usd_value: z.number(),
  current_time: epochMs,
  executed_volume: z.number(),
  executed_usd_value: z.number(),
  trade_count: z.number(),
  order_side: z.number().int(),
  order_state: z.number().int(),
});
export type RawLargeLimitOrderRow = z.infer<typeof LargeLimitOrderRowSchema>;

/** One row of `GET /api/futures/orderbook/large-limit-order-history`. */
export const LargeLimitOrderHistoryRowSchema = LargeLimitOrderRowSchema.extend({ order_end_time: epochMs });
export type RawLargeLimitOrderHistoryRow = z.infer<typeof LargeLimitOrderHistoryRowSchema>;

/** One row of `GET /api/futures/orderbook/ask-bids-history` (depth within ±range). */
export const AskBidsHistoryRowSchema = z.object({
  bids_usd: z.number(),
  bids_quantity: z.number(),
  asks_usd: z.number(),
  asks_quantity: z.number(),
  time: epochMs,
});
export type RawAskBidsHistoryRow = z.infer<typeof AskBidsHistoryRowSchema>;

/** One row of `GET /api/futures/orderbook/aggregated-ask-bids-history`. */
export const AggregatedAskBidsHistoryRowSchema = z.object({
  aggregated_bids_usd: z.number(),
  aggregated_bids_quantity: z.number(),
  aggregated_asks_usd: z.number(),
  aggregated_asks_quantity: z.number(),
  time: epochMs,
});
export type RawAggregatedAskBidsHistoryRow = z.infer<typeof AggregatedAskBidsHistoryRowSchema>;

const level = z.tuple([z.number(), z.number()]);
/**
 * One snapshot of `GET /api/futures/orderbook/history` (the heatmap): `[timeSeconds, bids, asks]`
 * with levels `[price, quantity]`. Note the time is epoch **seconds**.
 */
export const OrderbookHeatmapSnapshotSchema = z.tuple([z.number(), z.array(level), z.array(level)]);
export type RawOrderbookHeatmapSnapshot = z.infer<typeof OrderbookHeatmapSnapshotSchema>;
