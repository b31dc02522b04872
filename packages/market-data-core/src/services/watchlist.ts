import { planAllows, requiredPlan } from "../client/plans.js";
import type { CoinGlassClient } from "../client/types.js";
import type { WatchlistReport, WatchlistRow } from "../models/reports.js";
import type { Lane, MarketResult } from "../models/result.js";
import { fundingAverage } from "./funding.js";
import { createParts } from "./parts.js";
import { REFERENCE_EXCHANGE } from "./reference.js";

const COINS_MARKETS = "/api/futures/coins-markets";

/**
 * Price, 24 h change, funding per 8 h and open-interest change of a few coins, taken the way
 * `getRaw` takes them, from calls shared by every coin and chat: coins-markets (Standard+; pairs
 * markets per coin below it) and the funding exchange list, plus each coin's open interest per
 * exchange (the funding average's weights). Figures CoinGlass did not give are null.
 */
export async function buildWatchlist(
  client: CoinGlassClient,
  coins: string[],
  lane: Lane,
): Promise<MarketResult<WatchlistReport>> {
  const o = { lane };
  const parts = createParts();
  const hasMarkets = planAllows(client.plan, requiredPlan(COINS_MARKETS, {}));
  const [markets, funding, perCoin] = await Promise.all([
    hasMarkets ? parts.take(client.fetchCoinsMarkets({}, o)) : null,
    parts.take(client.fetchFundingRates(o), "funding"),
    Promise.all(
      coins.map(async (coin) => ({
        oi: await parts.take(client.fetchOpenInterestExchangeList(coin, o)),
        pairs: hasMarkets ? null : await parts.take(client.fetchPairsMarkets(coin, o)),
      })),
    ),
  ]);
  const rows = coins.map((coin, i): WatchlistRow => {
    const cm = markets?.find((r) => r.symbol === coin);
    const { oi, pairs } = perCoin[i] ?? { oi: null, pairs: null };
    const oiAll = oi?.find((r) => r.exchange === "All");
    const refPair = pairs?.find((p) => p.exchange === REFERENCE_EXCHANGE) ?? pairs?.[0];
    const rates = funding?.find((r) => r.symbol === coin)?.stablecoinMargin ?? [];
    return {
      symbol: coin,
      priceUsd: cm?.priceUsd ?? refPair?.priceUsd ?? null,
      change24hPct: cm?.priceChangePct["24h"] ?? refPair?.priceChange24hPct ?? null,
      fundingPer8hPct: fundingAverage(rates, oi).per8hPct,
      openInterestChange24hPct: cm?.openInterestChangePct["24h"] ?? oiAll?.changePct["24h"] ?? null,
    };
  });
  return parts.result({ coins: rows });
}
