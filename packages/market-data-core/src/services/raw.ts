import { allowedInterval } from "../client/plans.js";
import type { CoinGlassClient } from "../client/types.js";
import type { ChangeWindow, LongShortPoint, TakerVolume } from "../models/market.js";
import type { Lane, MarketResult } from "../models/result.js";
import {
  type LongShortReading,
  RAW_TAKER_RANGES,
  type RawSnapshot,
  type RawTakerRange,
  type TakerFlow,
} from "../models/snapshot.js";
import type { Symbols } from "../symbols/symbols.js";
import { byPer8h, fundingAverage } from "./funding.js";
import { createParts, imbalancePct, last, sumOrNull } from "./parts.js";
import { REFERENCE_EXCHANGE } from "./reference.js";
import { rsiFor } from "./rsi.js";

const WINDOWS: readonly ChangeWindow[] = ["5m", "15m", "30m", "1h", "4h", "12h", "24h"];
const DAY = 86_400_000;

export { REFERENCE_EXCHANGE } from "./reference.js";

/** Every window key present, missing ones null. */
export function fill<W extends string>(
  ws: readonly W[],
  from: Partial<Record<W, number | null>> | undefined,
) {
  const out = {} as Record<W, number | null>;
  for (const w of ws) out[w] = from?.[w] ?? null;
  return out;
}

/** The latest point of a long/short series as a reading (all null when absent). */
export function reading(points: LongShortPoint[] | null): LongShortReading {
  const p = last(points);
  return {
    longPct: p?.longPct ?? null,
    shortPct: p?.shortPct ?? null,
    ratio: p?.ratio ?? null,
    time: p?.time ?? null,
  };
}

/** Taker flow of one range (all null when absent). */
export function flow(t: TakerVolume | null): TakerFlow {
  const buyUsd = t?.buyUsd ?? null;
  const sellUsd = t?.sellUsd ?? null;
  return {
    buyUsd,
    sellUsd,
    netUsd: buyUsd !== null && sellUsd !== null ? buyUsd - sellUsd : null,
    buyRatioPct: t?.buyRatioPct ?? null,
  };
}

/** The long/short queries `getRaw` and `getLongShort` share (same params, so one cache entry). */
export function longShortQueries(client: CoinGlassClient, symbols: Symbols, coin: string, lane: Lane) {
  const q = {
    exchange: REFERENCE_EXCHANGE,
    pair: symbols.pair(coin, REFERENCE_EXCHANGE),
    interval: allowedInterval(client.plan, "1h"),
    limit: 1,
  };
  const o = { lane };
  return {
    query: q,
    global: client.fetchGlobalLongShortAccountRatio(q, o),
    topAccounts: client.fetchTopLongShortAccountRatio(q, o),
    topPositions: client.fetchTopLongShortPositionRatio(q, o),
  };
}

/**
 * `/raw` for one coin: every upstream call starts at once (about 16, most shared across coins
 * or cached), and each section is filled only from what CoinGlass returned.
 */
export async function buildRaw(
  client: CoinGlassClient,
  symbols: Symbols,
  coin: string,
  lane: Lane,
): Promise<MarketResult<RawSnapshot>> {
  const o = { lane };
  const parts = createParts();
  const pair = symbols.pair(coin, REFERENCE_EXCHANGE);
  const hourly = allowedInterval(client.plan, "1h");
  const ls = longShortQueries(client, symbols, coin, lane);
  const [markets, pairs, candles, oi, funding, liq, global, topAcc, topPos, rsiValues, depth, ...taker] =
    await Promise.all([
      parts.take(client.fetchCoinsMarkets({}, o)),
      parts.take(client.fetchPairsMarkets(coin, o)),
      parts.take(
        client.fetchPriceHistory(
          { exchange: REFERENCE_EXCHANGE, pair, interval: hourly, limit: hourly === "1h" ? 24 : 6 },
          o,
        ),
      ),
      parts.take(client.fetchOpenInterestExchangeList(coin, o), "openInterest.byExchange"),
      parts.take(client.fetchFundingRates(o), "funding.byExchange"),
      parts.take(
        client.fetchLiquidationExchangeList({ coin, range: "24h" }, o),
        "liquidations.byExchange24h",
      ),
      parts.take(ls.global),
      parts.take(ls.topAccounts),
      parts.take(ls.topPositions),
      rsiFor(client, symbols, coin, lane, parts),
      parts.take(
        client.fetchAggregatedOrderbookDepthHistory({ coin, interval: hourly, limit: 1, range: 1 }, o),
      ),
      ...RAW_TAKER_RANGES.map((range) => parts.take(client.fetchTakerVolume({ coin, range }, o))),
    ]);

  const cm = markets?.find((r) => r.symbol === coin);
  const refPair = pairs?.find((p) => p.exchange === REFERENCE_EXCHANGE) ?? pairs?.[0];
  const now = Date.now();
  const recent = candles?.filter((c) => c.time >= now - DAY) ?? [];
  const oiAll = oi?.find((r) => r.exchange === "All");
  const fundingRow = funding?.find((r) => r.symbol === coin);
  if (funding && !fundingRow) parts.miss("funding.byExchange");
  const refFunding =
    fundingRow?.stablecoinMargin.find((r) => r.exchange === REFERENCE_EXCHANGE) ??
    fundingRow?.stablecoinMargin[0];
  const liqAll = liq?.find((r) => r.exchange === "All");
  const book = last(depth);
  const priceChange = fill(WINDOWS, cm?.priceChangePct);
  if (priceChange["24h"] === null) priceChange["24h"] = refPair?.priceChange24hPct ?? null;
  const oiChange = fill(WINDOWS, cm?.openInterestChangePct ?? oiAll?.changePct);
  const liqWindows = {
    "1h": cm?.liquidations["1h"] ?? { totalUsd: null, longUsd: null, shortUsd: null },
    "4h": cm?.liquidations["4h"] ?? { totalUsd: null, longUsd: null, shortUsd: null },
    "12h": cm?.liquidations["12h"] ?? { totalUsd: null, longUsd: null, shortUsd: null },
    "24h": cm?.liquidations["24h"] ?? {
      totalUsd: liqAll?.totalUsd ?? null,
      longUsd: liqAll?.longUsd ?? null,
      shortUsd: liqAll?.shortUsd ?? null,
    },
  };
  const takerByRange = {} as Record<RawTakerRange, TakerFlow>;
  RAW_TAKER_RANGES.forEach((range, i) => {
    takerByRange[range] = flow(taker[i] ?? null);
  });

  const data: RawSnapshot = {
    symbol: coin,
    timestamp: now,
    price: {
      lastUsd: cm?.priceUsd ?? refPair?.priceUsd ?? null,
      changePct: priceChange,
      high24hUsd: recent.length > 0 ? Math.max(...recent.map((c) => c.high)) : null,
      low24hUsd: recent.length > 0 ? Math.min(...recent.map((c) => c.low)) : null,
    },
    openInterest: {
      totalUsd: oiAll?.openInterestUsd ?? cm?.openInterestUsd ?? null,
      totalQuantity: oiAll?.openInterestQuantity ?? cm?.openInterestQuantity ?? null,
      changePct: oiChange,
      byExchange: (oi ?? [])
        .filter((r) => r.exchange !== "All")
        .map((r) => ({
          exchange: r.exchange,
          usd: r.openInterestUsd,
          quantity: r.openInterestQuantity,
          change24hPct: r.changePct["24h"] ?? null,
        }))
        .sort((a, b) => (b.usd ?? 0) - (a.usd ?? 0)),
    },
    volume: {
      volume24hUsd: pairs ? sumOrNull(pairs.map((p) => p.volume24hUsd)) : null,
      changePct: fill(WINDOWS, cm?.volumeChangePct),
    },
    funding: {
      oiWeightedRatePct: cm?.oiWeightedFundingRatePct ?? null,
      volWeightedRatePct: cm?.volWeightedFundingRatePct ?? null,
      average: fundingAverage(fundingRow?.stablecoinMargin ?? [], oi),
      byExchange: byPer8h(fundingRow?.stablecoinMargin ?? []),
      referenceExchange: refFunding?.exchange ?? null,
      nextFundingTime: refFunding?.nextFundingTime ?? null,
      intervalHours: refFunding?.intervalHours ?? null,
    },
    liquidations: {
      windows: liqWindows,
      byExchange24h: (liq ?? [])
        .filter((r) => r.exchange !== "All")
        .sort((a, b) => (b.totalUsd ?? 0) - (a.totalUsd ?? 0)),
    },
    longShort: {
      exchange: REFERENCE_EXCHANGE,
      globalAccounts: reading(global),
      topAccounts: reading(topAcc),
      topPositions: reading(topPos),
    },
    taker: takerByRange,
    rsi: rsiValues.rsi,
    orderbook: {
      rangePct: 1,
      bidsUsd: book?.bidsUsd ?? null,
      asksUsd: book?.asksUsd ?? null,
      imbalancePct: imbalancePct(book?.bidsUsd ?? null, book?.asksUsd ?? null),
      time: book?.time ?? null,
    },
  };
  return parts.result(data, coin);
}
