/** Raw schema: exchange balances on chain (coinglass-api-more.md §6.1). Balances in coin units. */
import { z } from "zod";

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
