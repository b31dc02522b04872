/** One leg of a funding arbitrage pair. Rates are percent; `ratePct` per `intervalHours`. */
export interface ArbitrageLeg {
  exchange: string;
  openInterestUsd: number | null;
  ratePct: number | null;
  intervalHours: number | null;
  /** `ratePct` on the common 8-hour basis (models/funding.ts). */
  per8hPct: number | null;
  /** `ratePct` annualized, simple. */
  aprPct: number | null;
}

/** As CoinGlass lists a pair (`fetchFundingArbitrage`). */
export interface RawArbitragePair {
  symbol: string;
  /** CoinGlass's "buy" leg: go long here (the lower rate). */
  long: ArbitrageLeg;
  /** CoinGlass's "sell" leg: go short here (the higher rate). */
  short: ArbitrageLeg;
  /** CoinGlass's own `apr`, percent. */
  coinglassAprPct: number | null;
  /** Trading fees of both legs, percent as CoinGlass gives them (unit not documented). */
  feePct: number | null;
  /** Price gap between the venues, percent. */
  priceSpreadPct: number | null;
  nextFundingTime: number | null;
}

/** A pair with the rate gap on the common basis and, per leg, what funding paid lately. */
export interface FundingArbitragePair extends RawArbitragePair {
  /** short.per8hPct − long.per8hPct: what the pair collects per 8 hours, percent. */
  spreadPer8hPct: number | null;
  /** `spreadPer8hPct` annualized, simple (no compounding, before fees). */
  spreadAprPct: number | null;
  /** Funding summed over the last 7 days on each leg's exchange, percent; null when CoinGlass has none. */
  accumulated7d: { longPct: number | null; shortPct: number | null };
}

/** Accumulated funding of one coin: exchange (as CoinGlass spells it) -> summed percent. */
export interface AccumulatedFunding {
  symbol: string;
  stablecoinMargin: Array<{ exchange: string; ratePct: number }>;
  tokenMargin: Array<{ exchange: string; ratePct: number }>;
}

/** `getFundingArbitrage({ limit })`. */
export interface FundingArbitrageReport {
  /** Best first by `spreadAprPct`. */
  pairs: FundingArbitragePair[];
  /** The principal CoinGlass was asked to size the pairs for, USD. */
  principalUsd: number;
}
