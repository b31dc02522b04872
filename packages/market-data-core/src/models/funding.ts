/**
 * Funding on one basis. Exchanges settle funding every `intervalHours` (Hyperliquid 1 h, most 8 h,
 * some 4 h) and CoinGlass gives each rate per its own interval, so raw rates of two exchanges are
 * not comparable. Every comparison, average, ranking and summary uses the per-8-hour rate and the
 * APR derived here; each row keeps its raw rate and interval beside them.
 */

/** The basis every comparison uses: percent per 8 hours. */
export const FUNDING_BASIS_HOURS = 8;
const HOURS_PER_YEAR = 24 * 365;

/** Funding of one exchange for one coin (from funding-rate exchange-list). */
export interface ExchangeFundingRate {
  exchange: string;
  /** Percent per `intervalHours`, as CoinGlass gives it. */
  ratePct: number | null;
  intervalHours: number | null;
  nextFundingTime: number | null;
  /** `ratePct` scaled to 8 hours: the figure rankings and averages use. */
  per8hPct: number | null;
  /** `ratePct` annualized (simple, no compounding): ratePct × 8760 / intervalHours. */
  aprPct: number | null;
}

/** A rate per `intervalHours` on the common basis; null when either is unknown or the interval is not positive. */
export function fundingOnBasis(
  ratePct: number | null,
  intervalHours: number | null,
): { per8hPct: number | null; aprPct: number | null } {
  if (ratePct === null || intervalHours === null || !(intervalHours > 0)) {
    return { per8hPct: null, aprPct: null };
  }
  return {
    per8hPct: (ratePct * FUNDING_BASIS_HOURS) / intervalHours,
    aprPct: (ratePct * HOURS_PER_YEAR) / intervalHours,
  };
}

/** A per-8-hour rate annualized. */
export const aprOfPer8h = (per8hPct: number | null): number | null =>
  per8hPct === null ? null : (per8hPct * HOURS_PER_YEAR) / FUNDING_BASIS_HOURS;

/** An average of per-8-hour rates, weighted by stablecoin-margined open interest per exchange. */
export interface FundingAverage {
  per8hPct: number | null;
  aprPct: number | null;
  /** Exchanges that had both a rate on the basis and an open-interest figure. */
  exchanges: number;
}
