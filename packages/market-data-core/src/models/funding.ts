/**
 * Funding on one basis. Exchanges settle funding every `intervalHours` (Hyperliquid 1 h, most 8 h,
 * some 4 h) and CoinGlass gives each rate per its own interval, so raw rates of two exchanges are
 * not comparable. Every comparison, average, ranking and summary uses the per-8-hour rate and the
 * APR derived here; each row keeps its raw rate and interval beside them.
 */

import { z } from "zod";
import { ms, num, pct, str } from "./fields.js";

/** The basis every comparison uses: percent per 8 hours. */
export const FUNDING_BASIS_HOURS = 8;
const HOURS_PER_YEAR = 24 * 365;

/** Funding of one exchange for one coin (from funding-rate exchange-list). */
export const ExchangeFundingRateSchema = z.object({
  exchange: str("Exchange name", "Hyperliquid"),
  /** Percent per `intervalHours`, as CoinGlass gives it. */
  ratePct: pct(
    "Funding rate per this exchange's own interval, as CoinGlass gives it (0.01 = 0.01 %); compare per_8h_pct instead",
    0.0007,
  ),
  intervalHours: num("Funding interval of this exchange, in hours (Hyperliquid 1, most 8, some 4)", 1),
  nextFundingTime: ms("Next funding time"),
  /** `ratePct` scaled to 8 hours: the figure rankings and averages use. */
  per8hPct: pct("rate_pct scaled to 8 hours (rate × 8 / interval): the basis every comparison uses", 0.0056),
  /** `ratePct` annualized (simple, no compounding): ratePct × 8760 / intervalHours. */
  aprPct: pct("rate_pct annualized without compounding (rate × 8760 / interval)", 6.132),
});
export type ExchangeFundingRate = z.infer<typeof ExchangeFundingRateSchema>;

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
export const FundingAverageSchema = z
  .object({
    per8hPct: pct("Stablecoin-margin funding per 8 hours, weighted by each exchange's open interest", 0.0061),
    aprPct: pct("per_8h_pct annualized without compounding", 6.68),
    /** Exchanges that had both a rate on the basis and an open-interest figure. */
    exchanges: z
      .number()
      .int()
      .meta({ description: "Exchanges that had both a rate and an open-interest figure.", examples: [8] }),
  })
  .meta({
    description: "Funding averaged on one basis (per 8 hours), open-interest-weighted over exchanges.",
  });
export type FundingAverage = z.infer<typeof FundingAverageSchema>;
