import { allowedInterval, planAllows } from "../client/plans.js";
import type {
  DepthPoint,
  DepthSummary,
  LargeLimitOrder,
  OrderbookReport,
  WallTotals,
  WhaleAlert,
  WhalePosition,
  WhaleReport,
  WhaleTotals,
} from "../models/book-whales.js";
import type { DepthRange, PairMarket } from "../models/market.js";
import type { SentimentReport, Trend } from "../models/reports.js";
import type { Lane, MarketResult } from "../models/result.js";
import { fundingAverage } from "./funding.js";
import { createParts, imbalancePct, last, sumOrNull } from "./parts.js";
import { REFERENCE_EXCHANGE, reading } from "./raw.js";
import type { ReportDeps } from "./reports.js";

/** Hyperliquid writes thousand-unit coins as `kPEPE`; CoinGlass's coin list says `1000PEPE`. */
export function hyperliquidCoin(coin: string): string {
  return /^k[A-Z0-9]/.test(coin) ? `1000${coin.slice(1)}` : coin;
}

export async function buildWhale(
  { client }: ReportDeps,
  q: { coin: string | null; minUsd: number; limit: number },
  lane: Lane,
): Promise<MarketResult<WhaleReport>> {
  const o = { lane };
  const parts = createParts();
  const [alerts, positions] = await Promise.all([
    parts.take(client.fetchWhaleAlerts(o), "alerts"),
    parts.take(client.fetchWhalePositions(o), "positions"),
  ]);
  const keep = <T extends WhaleAlert | WhalePosition>(list: T[] | null): T[] =>
    (list ?? [])
      .map((x) => ({ ...x, coin: hyperliquidCoin(x.coin) }))
      .filter((x) => x.valueUsd >= q.minUsd && (q.coin === null || x.coin === q.coin));
  const a = keep(alerts)
    .sort((x, y) => y.time - x.time)
    .slice(0, q.limit);
  const all = keep(positions).sort((x, y) => y.valueUsd - x.valueUsd);
  // Totals cover every matching position, before `limit` cuts the list.
  let totals: WhaleTotals | null = null;
  if (positions !== null) {
    totals = { longUsd: 0, shortUsd: 0, count: all.length };
    for (const x of all) totals[x.direction === "long" ? "longUsd" : "shortUsd"] += x.valueUsd;
  }
  return parts.result(
    { symbol: q.coin, minUsd: q.minUsd, alerts: a, positions: all.slice(0, q.limit), totals },
    q.coin ?? undefined,
  );
}

function wallTotals(list: LargeLimitOrder[]): WallTotals {
  return { count: list.length, usd: sumOrNull(list.map((w) => w.currentUsd)) };
}

function depthSummary(p: DepthPoint | undefined): DepthSummary {
  return {
    bidsUsd: p?.bidsUsd ?? null,
    asksUsd: p?.asksUsd ?? null,
    imbalancePct: imbalancePct(p?.bidsUsd ?? null, p?.asksUsd ?? null),
    time: p?.time ?? null,
  };
}

export async function buildOrderbook(
  { client, symbols }: ReportDeps,
  coin: string,
  q: { exchange: string; range: DepthRange },
  lane: Lane,
): Promise<MarketResult<OrderbookReport>> {
  const o = { lane };
  const parts = createParts();
  const pair = symbols.pair(coin, q.exchange);
  const interval = allowedInterval(client.plan, "1h");
  const [walls, history, aggregated] = await Promise.all([
    parts.take(client.fetchLargeLimitOrders({ exchange: q.exchange, pair }, o), "walls"),
    parts.take(
      client.fetchOrderbookDepthHistory(
        { exchange: q.exchange, pair, interval, limit: 24, range: q.range },
        o,
      ),
      "depthHistory",
    ),
    parts.take(client.fetchAggregatedOrderbookDepthHistory({ coin, interval, limit: 1, range: q.range }, o)),
  ]);
  const open = (walls ?? []).filter((w) => w.state === "open" || w.state === "unknown");
  const bySize = (x: { currentUsd: number | null }, y: { currentUsd: number | null }) =>
    (y.currentUsd ?? 0) - (x.currentUsd ?? 0);
  const bids = open.filter((w) => w.side === "bid").sort(bySize);
  const asks = open.filter((w) => w.side === "ask").sort(bySize);
  return parts.result(
    {
      symbol: coin,
      exchange: q.exchange,
      pair,
      rangePct: q.range,
      walls: { bids, asks },
      wallTotals: walls === null ? null : { bids: wallTotals(bids), asks: wallTotals(asks) },
      depth: depthSummary(last(history)),
      depthHistory: history ?? [],
      aggregated: depthSummary(last(aggregated)),
    },
    coin,
  );
}

/** Trend of a percent change: flat inside ±band. */
export function trendOf(changePct: number | null, band: number): Trend | null {
  if (changePct === null) return null;
  return changePct > band ? "up" : changePct < -band ? "down" : "flat";
}

/** CoinGlass's fear & greed bands. */
export function fearGreedLabel(value: number | null): string | null {
  if (value === null) return null;
  if (value <= 25) return "Extreme Fear";
  if (value <= 46) return "Fear";
  if (value <= 54) return "Neutral";
  if (value <= 75) return "Greed";
  return "Extreme Greed";
}

export async function buildSentiment(
  { client, symbols }: ReportDeps,
  lane: Lane,
): Promise<MarketResult<SentimentReport>> {
  const o = { lane };
  const parts = createParts();
  const lsQuery = {
    exchange: REFERENCE_EXCHANGE,
    pair: symbols.pair("BTC", REFERENCE_EXCHANGE),
    interval: allowedInterval(client.plan, "1h"),
    limit: 1,
  };
  // Below Standard there is no coins-markets: ask pairs-markets (all plans) for the prices instead,
  // decided up front so nothing waits for a plan error first.
  const snapshot = planAllows(client.plan, "standard");
  const [fg, markets, btcOi, rates, ls, btcPairs, ethPairs] = await Promise.all([
    parts.take(client.fetchFearGreedHistory(o)),
    snapshot ? parts.take(client.fetchCoinsMarkets({}, o)) : null,
    parts.take(client.fetchOpenInterestExchangeList("BTC", o)),
    parts.take(client.fetchFundingRates(o)),
    parts.take(client.fetchGlobalLongShortAccountRatio(lsQuery, o)),
    snapshot ? null : parts.take(client.fetchPairsMarkets("BTC", o)),
    snapshot ? null : parts.take(client.fetchPairsMarkets("ETH", o)),
  ]);
  const point = last(fg);
  const btc = markets?.find((r) => r.symbol === "BTC");
  const eth = markets?.find((r) => r.symbol === "ETH");
  const ref = (rows: PairMarket[] | null) => rows?.find((p) => p.exchange === REFERENCE_EXCHANGE);
  const coin = (r: typeof btc, pair: PairMarket | undefined) => {
    const change = r?.priceChangePct["24h"] ?? pair?.priceChange24hPct ?? null;
    return {
      priceUsd: r?.priceUsd ?? pair?.priceUsd ?? null,
      change24hPct: change,
      trend: trendOf(change, 0.5),
    };
  };
  const oiChange =
    btcOi?.find((r) => r.exchange === "All")?.changePct["24h"] ?? btc?.openInterestChangePct["24h"] ?? null;
  const average = fundingAverage(rates?.find((r) => r.symbol === "BTC")?.stablecoinMargin ?? [], btcOi);
  const rate = average.per8hPct;
  return parts.result({
    fearGreed: {
      value: point?.value ?? null,
      label: fearGreedLabel(point?.value ?? null),
      time: point?.time ?? null,
    },
    btc: coin(btc, ref(btcPairs)),
    eth: coin(eth, ref(ethPairs)),
    funding: {
      btcOiWeightedRatePct: btc?.oiWeightedFundingRatePct ?? null,
      average,
      // 0.005 % per 8 h is half the usual 0.01 % baseline: below it neither side pays much.
      bias: rate === null ? null : rate > 0.005 ? "longs_pay" : rate < -0.005 ? "shorts_pay" : "neutral",
    },
    openInterest: { btcChange24hPct: oiChange, trend: trendOf(oiChange, 1) },
    longShort: reading(ls),
  });
}
