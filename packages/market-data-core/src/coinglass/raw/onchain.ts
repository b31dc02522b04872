/** Raw schema: exchange balances on chain (coinglass-api-more.md §6.1). Balances in coin units. */
import { z } from "zod";
import { numeric } from "./common.js";

/** One exchange of `GET /api/exchange/balance/list?symbol=`. */
export const ExchangeBalanceRowSchema = z.object({
  exchange_name: z.string(),
  total_balance: z.number(),
  balance_change_1d: z.number(),
  balance_change_percent_1d: z.number(),
  balance_change_7d: z.number(),
  balance_change_percent_7d: z.number(),
  balance_change_30d: z.number(),
  balance_change_percent_30d: z.number(),
});
export type RawExchangeBalanceRow = z.infer<typeof ExchangeBalanceRowSchema>;

/**
 * One transfer of `GET /api/chain/v2/whale-transfer` (Startup+, ≥ $10M): amounts are numeric
 * strings, `block_timestamp` is in seconds, `from`/`to` are entity labels ("unknown wallet").
 */
export const WhaleTransferRowSchema = z.object({
  transaction_hash: z.string(),
  amount_usd: numeric,
  asset_quantity: numeric,
  asset_symbol: z.string(),
  from: z.string(),
  to: z.string(),
  blockchain_name: z.string(),
  block_height: z.number(),
  block_timestamp: z.number(),
});
export type RawWhaleTransferRow = z.infer<typeof WhaleTransferRowSchema>;
