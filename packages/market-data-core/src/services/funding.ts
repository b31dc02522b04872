/** Rankings and averages of funding rates, always on the per-8-hour basis (see models/funding.ts). */
import { aprOfPer8h, type ExchangeFundingRate, type FundingAverage } from "../models/funding.js";
import type { OpenInterestExchangeRow } from "../models/market.js";

/** Highest (`sign` 1) or lowest (-1) rate per 8 hours; rows without one are left out. */
export function fundingExtreme(list: ExchangeFundingRate[], sign: 1 | -1): ExchangeFundingRate | null {
  let best: ExchangeFundingRate | null = null;
  for (const r of list) {
    if (r.per8hPct === null) continue;
    if (best === null || r.per8hPct * sign > (best.per8hPct as number) * sign) best = r;
  }
  return best;
}

/** Highest, lowest and the spread between them, per 8 hours. */
export function fundingRanking(list: ExchangeFundingRate[]) {
  const highest = fundingExtreme(list, 1);
  const lowest = fundingExtreme(list, -1);
  const spreadPer8hPct =
    highest && lowest && highest !== lowest
      ? (highest.per8hPct as number) - (lowest.per8hPct as number)
      : null;
  return { highest, lowest, spreadPer8hPct };
}

/**
 * Open-interest-weighted mean of the per-8-hour rates of stablecoin-margined contracts, weighted
 * by each exchange's stablecoin-margined open interest (falling back to its total OI). Exchanges
 * lacking either figure are left out; null when none is left.
 */
export function fundingAverage(
  list: ExchangeFundingRate[],
  oi: OpenInterestExchangeRow[] | null,
): FundingAverage {
  const weight = new Map<string, number>();
  for (const r of oi ?? []) {
    const w = r.stablecoinMarginUsd ?? r.openInterestUsd;
    if (r.exchange !== "All" && w !== null && w > 0) weight.set(r.exchange, w);
  }
  let sum = 0;
  let total = 0;
  let exchanges = 0;
  for (const r of list) {
    const w = weight.get(r.exchange);
    if (r.per8hPct === null || w === undefined) continue;
    sum += r.per8hPct * w;
    total += w;
    exchanges++;
  }
  const per8hPct = total > 0 ? sum / total : null;
  return { per8hPct, aprPct: aprOfPer8h(per8hPct), exchanges };
}

/** Highest per 8 hours first; rows without a rate on the basis last, in their upstream order. */
export function byPer8h(list: ExchangeFundingRate[]): ExchangeFundingRate[] {
  return [...list].sort((a, b) => (b.per8hPct ?? -Infinity) - (a.per8hPct ?? -Infinity) || 0);
}

/** Unweighted mean of the per-8-hour rates, and how many exchanges it covers. */
export function fundingMean(list: ExchangeFundingRate[]): { meanPer8hPct: number | null; exchanges: number } {
  const rated = list.filter((r) => r.per8hPct !== null);
  const sum = rated.reduce((s, r) => s + (r.per8hPct as number), 0);
  return { meanPer8hPct: rated.length > 0 ? sum / rated.length : null, exchanges: rated.length };
}
