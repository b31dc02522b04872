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
