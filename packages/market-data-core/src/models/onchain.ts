/** Change of an exchange balance over one window: in coins and percent. */
export interface BalanceChange {
  quantity: number | null;
  pct: number | null;
}

/** One exchange's on-chain holdings of a coin (`fetchExchangeBalances`). */
export interface ExchangeBalance {
  exchange: string;
  /** Coin units. */
  balance: number;
  change: Record<"1d" | "7d" | "30d", BalanceChange>;
}

/** `getOnchain(symbol)`: a coin's exchange balances, largest first, with their total. */
export interface OnchainReport {
  symbol: string;
  exchanges: ExchangeBalance[];
  /** Sum over the listed exchanges, coins. */
  totalBalance: number | null;
  /** Sum of the listed exchanges' changes, coins; null when one is unknown. */
  totalChange: Record<"1d" | "7d" | "30d", number | null>;
}

/**
 * Whether a transfer moved coins onto or off an exchange, judged from its labels: only labels
 * naming a known exchange count; anything else (e.g. "unknown wallet") is `other`.
 */
export type TransferDirection = "to_exchange" | "from_exchange" | "between_exchanges" | "other";

/** One on-chain transfer of $10M or more (`fetchWhaleTransfers`). */
export interface WhaleTransfer {
  hash: string;
  symbol: string;
  usd: number;
  quantity: number | null;
  /** CoinGlass's labels, e.g. "Binance" or "unknown wallet". */
  from: string;
  to: string;
  direction: TransferDirection;
  chain: string | null;
  time: number;
}

/** `getWhaleTransfers({ symbol, limit })`. */
export interface WhaleTransferReport {
  symbol: string | null;
  /** Newest first, the last 24 hours. */
  transfers: WhaleTransfer[];
  /** Sums over the listed transfers, USD. */
  toExchangesUsd: number;
  fromExchangesUsd: number;
}
