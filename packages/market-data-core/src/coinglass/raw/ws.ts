/** Raw schemas: WebSocket pushes (coinglass-api.md §8) — camelCase, unlike REST. */
import { z } from "zod";
import { epochMs, numeric } from "./common.js";

/**
 * One item of `liquidationOrders` (side 1 = long liquidated, 2 = short liquidated) and of
 * `futures_trades@…` (side 1 = sell, 2 = buy).
 */
export const WsEventItemSchema = z.object({
  baseAsset: z.string(),
  exName: z.string(),
  price: numeric,
  side: z.number().int(),
  symbol: z.string(),
  time: epochMs,
  volUsd: numeric,
});
export type RawWsEventItem = z.infer<typeof WsEventItemSchema>;

/** A push frame: `{ "channel": "...", "data": [ … ] }` (data always an array). */
export const WsPushSchema = z.object({
  channel: z.string(),
  data: z.array(WsEventItemSchema),
});
export type RawWsPush = z.infer<typeof WsPushSchema>;
