/** Mapper of the exchange balances on chain (coinglass-api-more.md §6.1). */
import type { ExchangeBalance, TransferDirection, WhaleTransfer } from "../models/onchain.js";
import { keyed, num, rows, str } from "./parse.js";

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

/** Exchange names a transfer label may carry (lower-case); other labels are not exchanges. */
const EXCHANGES = new Set(
  "binance coinbase okx bybit kraken bitfinex gemini bitget htx huobi kucoin gate gate.io mexc crypto.com bitstamp upbit bithumb deribit".split(
    " ",
  ),
);
const isExchange = (label: string) => EXCHANGES.has(label.trim().toLowerCase());

export function transferDirection(from: string, to: string): TransferDirection {
  const f = isExchange(from);
  const t = isExchange(to);
  return f && t ? "between_exchanges" : t ? "to_exchange" : f ? "from_exchange" : "other";
}

/** Transfers newest first; `block_timestamp` seconds become ms; a row without amount or time is dropped. */
export function mapWhaleTransfers(data: unknown, endpoint: string): WhaleTransfer[] {
  return rows(data, endpoint)
    .flatMap((r) => {
      const usd = num(r.amount_usd);
      const t = num(r.block_timestamp);
      const symbol = str(r.asset_symbol);
      if (usd === null || t === null || !symbol) return [];
      const from = str(r.from) ?? "unknown";
      const to = str(r.to) ?? "unknown";
      return [
        {
          hash: str(r.transaction_hash) ?? "",
          symbol,
          usd,
          quantity: num(r.asset_quantity),
          from,
          to,
          direction: transferDirection(from, to),
          chain: str(r.blockchain_name),
          time: t < 1e12 ? t * 1000 : t,
        },
      ];
    })
    .sort((a, b) => b.time - a.time);
}
