/** Mappers of the spot-market indicators (coinglass-api-more.md §4.1) and the basis (§4.2). */
import type { BasisPoint, BitfinexMarginPoint, CoinbasePremiumPoint } from "../models/indicators.js";
import { byTime, complete, rows } from "./parse.js";

/** These endpoints send `time` in epoch seconds (§0.2); a value that is already ms stays. */
const toMs = (t: number) => (t < 1e12 ? t * 1000 : t);

export function mapCoinbasePremium(data: unknown, endpoint: string): CoinbasePremiumPoint[] {
  return byTime(
    complete(rows(data, endpoint), endpoint, ["time", "premium"], (_r, n) => ({
      time: toMs(n.time as number),
      premiumUsd: n.premium as number,
    })),
  );
}

export function mapBitfinexMargin(data: unknown, endpoint: string): BitfinexMarginPoint[] {
  return byTime(
    complete(rows(data, endpoint), endpoint, ["time", "long_quantity", "short_quantity"], (_r, n) => ({
      time: toMs(n.time as number),
      longQuantity: n.long_quantity as number,
      shortQuantity: n.short_quantity as number,
    })),
  );
}

/** Basis rows; the change fields are left out: what they measure is not settled (§4.2). */
export function mapBasis(data: unknown, endpoint: string): BasisPoint[] {
  return byTime(
    complete(rows(data, endpoint), endpoint, ["time", "open_basis", "close_basis"], (_r, n) => ({
      time: n.time as number,
      openBasisPct: n.open_basis as number,
      closeBasisPct: n.close_basis as number,
    })),
  );
}
