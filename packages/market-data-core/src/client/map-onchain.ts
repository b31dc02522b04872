/** Mapper of the exchange balances on chain (coinglass-api-more.md §6.1). */
import type { ExchangeBalance } from "../models/onchain.js";
import { keyed, num } from "./parse.js";

const change = (r: Record<string, unknown>, w: string) => ({
  quantity: num(r[`balance_change_${w}`]),
  pct: num(r[`balance_change_percent_${w}`]),
});

/** Exchanges largest balance first; one without a balance is dropped. */
export function mapExchangeBalances(data: unknown, endpoint: string): ExchangeBalance[] {
  return keyed(data, endpoint, "exchange_name", (exchange, r) => {
    const balance = num(r.total_balance);
    return balance === null
      ? null
      : {
          exchange,
          balance,
          change: { "1d": change(r, "1d"), "7d": change(r, "7d"), "30d": change(r, "30d") },
        };
  })
    .filter((x): x is ExchangeBalance => x !== null)
    .sort((a, b) => b.balance - a.balance);
}
