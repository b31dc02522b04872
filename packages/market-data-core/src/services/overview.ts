import type { CoinOverview, MarketOverview } from "../models/reports.js";
import type { Lane, MarketResult } from "../models/result.js";
import { fundingMean, fundingRanking } from "./funding.js";
import { createParts } from "./parts.js";
import type { ReportDeps } from "./reports.js";

/**
 * The `limit` largest coins by open interest with their funding (per 8 h), OI and RSI: three
 * all-coin calls (coins-markets, funding exchange-list, rsi/list) shared with the other reports.
 * Without coins-markets (plan, upstream) there is no ranking, so its error is thrown.
 */
export async function buildOverview(
  { client }: ReportDeps,
  limit: number,
  lane: Lane,
): Promise<MarketResult<MarketOverview>> {
  const o = { lane };
  const parts = createParts();
  const [markets, rates, rsi] = await Promise.all([
    client.fetchCoinsMarkets({}, o),
    parts.take(client.fetchFundingRates(o)),
    parts.take(client.fetchRsiList(o)),
  ]);
  await parts.take(Promise.resolve(markets)); // counts its freshness in meta like the other parts
  const coins: CoinOverview[] = markets.value
    .filter((c) => c.openInterestUsd !== null)
    .sort((a, b) => (b.openInterestUsd as number) - (a.openInterestUsd as number))
    .slice(0, limit)
    .map((c) => {
      const list = rates?.find((r) => r.symbol === c.symbol)?.stablecoinMargin ?? [];
      const { highest, lowest } = fundingRanking(list);
      const r = rsi?.find((x) => x.symbol === c.symbol)?.rsi;
      return {
        symbol: c.symbol,
        priceUsd: c.priceUsd,
        openInterestUsd: c.openInterestUsd,
        openInterestChange24hPct: c.openInterestChangePct["24h"] ?? null,
        funding: { ...fundingMean(list), highest, lowest },
        rsi: { "1h": r?.["1h"] ?? null, "4h": r?.["4h"] ?? null, "24h": r?.["24h"] ?? null },
      };
    });
  return parts.result({ rankedBy: "open_interest", coins });
}
