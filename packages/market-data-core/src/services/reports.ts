import { allowedInterval } from "../client/plans.js";
import type { CoinGlassClient } from "../client/types.js";
import type { LiquidationRange, TakerRange } from "../models/market.js";
import type {
  FundingReport,
  LiquidationSummary,
  LongShortReport,
  OpenInterestReport,
  RsiReport,
  TakerReport,
} from "../models/reports.js";
import type { Lane, MarketResult } from "../models/result.js";
import type { Symbols } from "../symbols/symbols.js";
import { byPer8h, fundingAverage, fundingRanking } from "./funding.js";
import { createParts } from "./parts.js";
import { fill, flow, longShortQueries, REFERENCE_EXCHANGE, reading } from "./raw.js";
import { rsiFor } from "./rsi.js";

/** Dependencies of the per-topic reports. */
export interface ReportDeps {
  client: CoinGlassClient;
  symbols: Symbols;
}

export async function buildLiq(
  { client }: ReportDeps,
  coin: string,
  range: LiquidationRange,
  lane: Lane,
): Promise<MarketResult<LiquidationSummary>> {
  const parts = createParts();
  const rows = await parts.take(client.fetchLiquidationExchangeList({ coin, range }, { lane }), "byExchange");
  const all = rows?.find((r) => r.exchange === "All");
  const totalUsd = all?.totalUsd ?? null;
  const longUsd = all?.longUsd ?? null;
  const shortUsd = all?.shortUsd ?? null;
  return parts.result(
    {
      symbol: coin,
      range,
      totalUsd,
      longUsd,
      shortUsd,
      longSharePct: totalUsd && longUsd !== null ? (longUsd / totalUsd) * 100 : null,
      dominantSide:
        longUsd === null || shortUsd === null || longUsd === shortUsd
          ? null
          : longUsd > shortUsd
            ? "long"
            : "short",
      byExchange: (rows ?? [])
        .filter((r) => r.exchange !== "All")
        .sort((a, b) => (b.totalUsd ?? 0) - (a.totalUsd ?? 0)),
    },
    coin,
  );
}

export async function buildFunding(
  { client, symbols }: ReportDeps,
  coin: string,
  lane: Lane,
): Promise<MarketResult<FundingReport>> {
  const o = { lane };
  const parts = createParts();
  const [rates, markets, oi, history] = await Promise.all([
    parts.take(client.fetchFundingRates(o), "stablecoinMargin"),
    parts.take(client.fetchCoinsMarkets({}, o)),
    parts.take(client.fetchOpenInterestExchangeList(coin, o)),
    parts.take(
      client.fetchFundingRateHistory(
        {
          exchange: REFERENCE_EXCHANGE,
          pair: symbols.pair(coin, REFERENCE_EXCHANGE),
          interval: allowedInterval(client.plan, "8h"),
          limit: 30,
        },
        o,
      ),
      "history",
    ),
  ]);
  const row = rates?.find((r) => r.symbol === coin);
  if (rates && !row) parts.miss("stablecoinMargin");
  const cm = markets?.find((r) => r.symbol === coin);
  const stablecoinMargin = row?.stablecoinMargin ?? [];
  return parts.result(
    {
      symbol: coin,
      oiWeightedRatePct: cm?.oiWeightedFundingRatePct ?? null,
      volWeightedRatePct: cm?.volWeightedFundingRatePct ?? null,
      average: fundingAverage(stablecoinMargin, oi),
      stablecoinMargin: byPer8h(stablecoinMargin),
      tokenMargin: byPer8h(row?.tokenMargin ?? []),
      ...fundingRanking(stablecoinMargin),
      history: history ?? [],
    },
    coin,
  );
}

export async function buildOpenInterest(
  { client }: ReportDeps,
  coin: string,
  lane: Lane,
): Promise<MarketResult<OpenInterestReport>> {
  const o = { lane };
  const parts = createParts();
  const [rows, history] = await Promise.all([
    parts.take(client.fetchOpenInterestExchangeList(coin, o), "byExchange"),
    parts.take(
      client.fetchOpenInterestAggregatedHistory(
        { coin, interval: allowedInterval(client.plan, "1h"), limit: 24 },
        o,
      ),
      "history",
    ),
  ]);
  const all = rows?.find((r) => r.exchange === "All");
  return parts.result(
    {
      symbol: coin,
      totalUsd: all?.openInterestUsd ?? null,
      totalQuantity: all?.openInterestQuantity ?? null,
      changePct: fill(["5m", "15m", "30m", "1h", "4h", "24h"] as const, all?.changePct),
      byExchange: (rows ?? [])
        .filter((r) => r.exchange !== "All")
        .sort((a, b) => (b.openInterestUsd ?? 0) - (a.openInterestUsd ?? 0)),
      history: history ?? [],
    },
    coin,
  );
}

export async function buildLongShort(
  { client, symbols }: ReportDeps,
  coin: string,
  lane: Lane,
): Promise<MarketResult<LongShortReport>> {
  const parts = createParts();
  const ls = longShortQueries(client, symbols, coin, lane);
  const [g, a, p] = await Promise.all([
    parts.take(ls.global),
    parts.take(ls.topAccounts),
    parts.take(ls.topPositions),
  ]);
  return parts.result(
    {
      symbol: coin,
      exchange: ls.query.exchange,
      pair: ls.query.pair,
      interval: ls.query.interval,
      globalAccounts: reading(g),
      topAccounts: reading(a),
      topPositions: reading(p),
    },
    coin,
  );
}

export async function buildTaker(
  { client }: ReportDeps,
  coin: string,
  range: TakerRange,
  lane: Lane,
): Promise<MarketResult<TakerReport>> {
  const parts = createParts();
  const t = await parts.take(client.fetchTakerVolume({ coin, range }, { lane }), "byExchange");
  return parts.result(
    {
      symbol: coin,
      range,
      ...flow(t),
      sellRatioPct: t?.sellRatioPct ?? null,
      byExchange: (t?.byExchange ?? []).map((x) => ({
        exchange: x.exchange,
        buyUsd: x.buyUsd,
        sellUsd: x.sellUsd,
        buyRatioPct: x.buyRatioPct,
      })),
    },
    coin,
  );
}

export async function buildRsi(
  { client, symbols }: ReportDeps,
  coin: string,
  lane: Lane,
): Promise<MarketResult<RsiReport>> {
  const parts = createParts();
  const r = await rsiFor(client, symbols, coin, lane, parts);
  return parts.result({ symbol: coin, ...r }, coin);
}
