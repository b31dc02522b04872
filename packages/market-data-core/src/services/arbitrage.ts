import { assertPlan } from "../client/plans.js";
import type { CoinGlassClient } from "../client/types.js";
import type { AccumulatedFunding, FundingArbitrageReport, RawArbitragePair } from "../models/arbitrage.js";
import { aprOfPer8h } from "../models/funding.js";
import type { Lane, MarketResult } from "../models/result.js";
import { createParts } from "./parts.js";

/** Options of `getFundingArbitrage`. */
export interface FundingArbitrageQuery {
  /** Pairs returned, 1..50 (default 10). */
  limit?: number;
  /** Principal CoinGlass sizes the pairs for, USD (default 10,000). */
  principalUsd?: number;
}

const ARBITRAGE = "/api/futures/funding-rate/arbitrage";

/** `Gate.io` (arbitrage) and `GATE` (accumulated list) are one exchange. */
const exchangeKey = (name: string) => name.toUpperCase().replace(/\.IO$/, "");

function accumulatedOf(list: AccumulatedFunding[] | null, coin: string, exchange: string): number | null {
  const row = list?.find((r) => r.symbol === coin);
  const key = exchangeKey(exchange);
  return row?.stablecoinMargin.find((x) => exchangeKey(x.exchange) === key)?.ratePct ?? null;
}

function spread(p: RawArbitragePair): number | null {
  return p.long.per8hPct === null || p.short.per8hPct === null ? null : p.short.per8hPct - p.long.per8hPct;
}

/**
 * CoinGlass's arbitrage pairs ranked by what they collect on the common 8-hour basis, not by
 * CoinGlass's `apr` (which assumes both legs settle on the same interval). The plan is checked
 * first: below Startup there is nothing to ask, and no quota is spent finding that out.
 */
export async function buildFundingArbitrage(
  client: CoinGlassClient,
  q: { limit: number; principalUsd: number },
  lane: Lane,
): Promise<MarketResult<FundingArbitrageReport>> {
  assertPlan(client.plan, ARBITRAGE);
  const o = { lane };
  const parts = createParts();
  const asked = client.fetchFundingArbitrage({ usd: q.principalUsd }, o);
  const [pairs, accumulated] = await Promise.all([
    parts.take(asked, "pairs"),
    parts.take(client.fetchAccumulatedFunding("7d", o), "accumulated7d"),
  ]);
  // The pairs are the answer: without them there is nothing to show, even if the sums came.
  if (pairs === null) await asked;
  const ranked = (pairs ?? [])
    .map((p) => {
      const s = spread(p);
      return {
        ...p,
        spreadPer8hPct: s,
        spreadAprPct: aprOfPer8h(s),
        accumulated7d: {
          longPct: accumulatedOf(accumulated, p.symbol, p.long.exchange),
          shortPct: accumulatedOf(accumulated, p.symbol, p.short.exchange),
        },
      };
    })
    .sort((a, b) => (b.spreadAprPct ?? -Infinity) - (a.spreadAprPct ?? -Infinity))
    .slice(0, q.limit);
  return parts.result({ pairs: ranked, principalUsd: q.principalUsd });
}
