/** Mappers of the funding-arbitrage endpoints (coinglass-api-more.md §5). */

import type { AccumulatedFunding, ArbitrageLeg, RawArbitragePair } from "../models/arbitrage.js";
import { fundingOnBasis } from "../models/funding.js";
import { keyed, num, type Row, str } from "./parse.js";

function leg(v: unknown): ArbitrageLeg | null {
  const r = (typeof v === "object" && v !== null ? v : {}) as Row;
  const exchange = str(r.exchange);
  if (!exchange) return null;
  const ratePct = num(r.funding_rate);
  const intervalHours = num(r.funding_rate_interval);
  return {
    exchange,
    openInterestUsd: num(r.open_interest_usd),
    ratePct,
    intervalHours,
    ...fundingOnBasis(ratePct, intervalHours),
  };
}

/** Pairs; one without both legs' exchanges is dropped. */
export function mapFundingArbitrage(data: unknown, endpoint: string): RawArbitragePair[] {
  return keyed(data, endpoint, "symbol", (symbol, r) => {
    const long = leg(r.buy);
    const short = leg(r.sell);
    if (!long || !short) return null;
    return {
      symbol,
      long,
      short,
      coinglassAprPct: num(r.apr),
      feePct: num(r.fee),
      priceSpreadPct: num(r.spread),
      nextFundingTime: num(r.next_funding_time),
    };
  }).filter((p): p is RawArbitragePair => p !== null);
}

function sums(v: unknown): Array<{ exchange: string; ratePct: number }> {
  return (Array.isArray(v) ? v : []).flatMap((x) => {
    const r = (typeof x === "object" && x !== null ? x : {}) as Row;
    const exchange = str(r.exchange);
    const ratePct = num(r.funding_rate);
    return exchange && ratePct !== null ? [{ exchange, ratePct }] : [];
  });
}

export function mapAccumulatedFunding(data: unknown, endpoint: string): AccumulatedFunding[] {
  return keyed(data, endpoint, "symbol", (symbol, r) => ({
    symbol,
    stablecoinMargin: sums(r.stablecoin_margin_list),
    tokenMargin: sums(r.token_margin_list),
  }));
}
