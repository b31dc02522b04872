/** Raw schemas: Hyperliquid whales (coinglass-api.md §7.5). */
import { z } from "zod";
import { epochMs } from "./common.js";

/**
 * One row of `GET /api/hyperliquid/whale-alert`. Direction is the sign of `position_size`
 * (positive long); `position_action` 1 = open, 2 = close.
 */
export const WhaleAlertRowSchema = z.object({
  user: z.string(),
  symbol: z.string(),
  position_size: z.number(),
  entry_price: z.number(),
  liq_price: z.number(),
  position_value_usd: z.number(),
  position_action: z.number().int(),
  create_time: epochMs,
});
export type RawWhaleAlertRow = z.infer<typeof WhaleAlertRowSchema>;

/** One row of `GET /api/hyperliquid/whale-position` (and the `list` of `/hyperliquid/position`). */
export const WhalePositionRowSchema = z.object({
  user: z.string(),
  symbol: z.string(),
  position_size: z.number(),
  entry_price: z.number(),
  mark_price: z.number(),
  liq_price: z.number(),
  leverage: z.number(),
  margin_balance: z.number(),
  position_value_usd: z.number(),
  unrealized_pnl: z.number(),
  funding_fee: z.number(),
  margin_mode: z.string(),
  create_time: epochMs,
  update_time: epochMs,
});
export type RawWhalePositionRow = z.infer<typeof WhalePositionRowSchema>;

/** `GET /api/hyperliquid/position` data: an object with paging. */
export const HyperliquidPositionPageSchema = z.object({
  total_pages: z.number(),
  current_page: z.union([z.number(), z.string()]),
  list: z.array(WhalePositionRowSchema),
});
export type RawHyperliquidPositionPage = z.infer<typeof HyperliquidPositionPageSchema>;
