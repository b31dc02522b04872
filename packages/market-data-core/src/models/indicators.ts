/** One reading of the Coinbase premium: Coinbase's BTC price minus Binance's, USD. */
export interface CoinbasePremiumPoint {
  time: number;
  premiumUsd: number;
}

/** Bitfinex margin positions of one coin, in coins. */
export interface BitfinexMarginPoint {
  time: number;
  longQuantity: number;
  shortQuantity: number;
}

/** Futures basis of one pair: the futures premium over spot, percent. */
export interface BasisPoint {
  time: number;
  openBasisPct: number;
  closeBasisPct: number;
}

/** `getIndicators(symbol)`: spot-market and futures indicators of BTC or ETH. */
export interface IndicatorsReport {
  symbol: string;
  /** The bar length asked for (the plan's shortest allowed, up to 1 h). */
  interval: string;
  /** BTC only (CoinGlass has it for BTC alone); null otherwise. */
  coinbasePremium: { premiumUsd: number; time: number; change24hUsd: number | null } | null;
  bitfinexMargin: {
    longQuantity: number;
    shortQuantity: number;
    /** longs / shorts. */
    longShortRatio: number | null;
    /** Change of the longs over 24 h, percent. */
    longsChange24hPct: number | null;
    time: number;
  } | null;
  /** Binance perpetual basis (premium over spot), percent; null when not given. */
  basis: { exchange: string; pair: string; basisPct: number; time: number } | null;
}
