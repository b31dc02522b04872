/** One venue's options open interest and volume (`fetchOptionInfo`). */
export interface OptionVenue {
  /** `All` for the total row. */
  exchange: string;
  /** Contracts, as CoinGlass counts them. */
  openInterest: number | null;
  openInterestUsd: number | null;
  /** Share of all options open interest, percent. */
  sharePct: number | null;
  openInterestChange24hPct: number | null;
  volume24hUsd: number | null;
  volumeChange24hPct: number | null;
}

/** One expiry's max pain and open interest on one exchange (`fetchOptionMaxPain`). */
export interface OptionExpiry {
  /** `YYYY-MM-DD` (CoinGlass sends `YYMMDD`). */
  date: string;
  /** The strike where option holders would be paid least at expiry, USD. */
  maxPainUsd: number | null;
  /** Contracts. */
  callOpenInterest: number | null;
  putOpenInterest: number | null;
  callNotionalUsd: number | null;
  putNotionalUsd: number | null;
  callMarketValueUsd: number | null;
  putMarketValueUsd: number | null;
}

/** Parallel lists of an options chart (`fetchOptionOiHistory`): per exchange, lower-case keys. */
export interface OptionChart {
  times: number[];
  prices: Array<number | null>;
  byExchange: Record<string, Array<number | null>>;
}

/** `getOptions(symbol, { exchange })`. */
export interface OptionsReport {
  symbol: string;
  /** The exchange whose expiries are listed (default Deribit). */
  exchange: string;
  /** The underlying's price at the newest point of the hourly options chart, USD. */
  priceUsd: number | null;
  /** Time of that point (up to an hour ago). */
  priceTime: number | null;
  /** The `All` row. */
  total: OptionVenue | null;
  /** Per venue, largest open interest first. */
  byExchange: OptionVenue[];
  /** Soonest first; `maxPainDistancePct` = (max pain / price − 1) × 100. */
  expiries: Array<OptionExpiry & { maxPainDistancePct: number | null; putCallRatio: number | null }>;
  /** Put / call open interest summed over the listed expiries; null when the calls are unknown. */
  putCallOiRatio: number | null;
}
