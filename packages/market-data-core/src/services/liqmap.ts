import { assertPlan } from "../client/plans.js";
import type { CoinGlassClient } from "../client/types.js";
import type {
  LiquidationCluster,
  LiquidationHeatmap,
  LiquidationHeatmapSummary,
  LiquidationLevel,
  LiquidationMapRange,
  LiquidationMapReport,
  LiquidationMaxPainRow,
  MaxPainLevel,
} from "../models/liqmap.js";
import type { Lane, MarketResult } from "../models/result.js";
import { createParts, sumOrNull } from "./parts.js";

/** The liquidation map's window for each range (it has only 1d, 7d and 30d): the nearest not shorter. */
const MAP_RANGE = { "12h": "1d", "24h": "1d", "3d": "7d", "7d": "7d", "30d": "30d" } as const;
/** Levels closer than this (percent of the price) are one cluster. */
export const BAND_PCT = 0.5;
/** A band is "large" at this share of its side's largest band. */
const LARGE_SHARE = 0.4;
/** Clusters listed per side. */
const CLUSTERS = 3;
const HEATMAP_MODEL = 1;
const HEATMAP = `/api/futures/liquidation/aggregated-heatmap/model${HEATMAP_MODEL}`;

/**
 * The nearest large clusters on one side of the price: levels summed into bands of BAND_PCT
 * (counted outwards from the price); a cluster is a band at LARGE_SHARE of that side's largest
 * band and at least as large as both neighbours (a peak, so one wide cluster is listed once).
 * Nearest first.
 */
export function nearestClusters(
  levels: LiquidationLevel[],
  price: number,
  side: 1 | -1,
): LiquidationCluster[] {
  const width = (price * BAND_PCT) / 100;
  const bands = new Map<number, LiquidationLevel[]>();
  for (const l of levels) {
    const d = (l.priceUsd - price) * side;
    if (d <= 0) continue;
    const i = Math.floor(d / width);
    bands.set(i, [...(bands.get(i) ?? []), l]);
  }
  const sum = (i: number) => (bands.get(i) ?? []).reduce((s, l) => s + l.liquidationUsd, 0);
  const largest = Math.max(0, ...[...bands.keys()].map(sum));
  return [...bands.keys()]
    .filter(
      (i) => largest > 0 && sum(i) >= largest * LARGE_SHARE && sum(i) >= sum(i - 1) && sum(i) >= sum(i + 1),
    )
    .sort((a, b) => a - b)
    .slice(0, CLUSTERS)
    .map((i) => {
      const list = bands.get(i) as LiquidationLevel[];
      const peak = list.reduce((a, b) => (b.liquidationUsd > a.liquidationUsd ? b : a));
      const edges = [price + side * i * width, price + side * (i + 1) * width];
      return {
        priceUsd: peak.priceUsd,
        distancePct: (peak.priceUsd / price - 1) * 100,
        liquidationUsd: sum(i),
        fromUsd: Math.min(...edges),
        toUsd: Math.max(...edges),
      };
    });
}

/** The heatmap's extent and its largest cell, from CoinGlass's figures only. */
export function summarizeHeatmap(h: LiquidationHeatmap | null): LiquidationHeatmapSummary | null {
  if (!h) return null;
  const times = h.times.filter((t): t is number => t !== null);
  const prices = h.prices.filter((p): p is number => p !== null);
  let peak: LiquidationHeatmapSummary["peak"] = null;
  for (const [x, y, v] of h.cells)
    if (!peak || v > peak.liquidationUsd)
      peak = { priceUsd: h.prices[y] as number, liquidationUsd: v, time: h.times[x] ?? null };
  return {
    fromTime: times[0] ?? null,
    toTime: times.at(-1) ?? null,
    candles: h.times.length,
    priceRows: h.prices.length,
    cells: h.cells.length,
    minPriceUsd: prices.length ? Math.min(...prices) : null,
    maxPriceUsd: prices.length ? Math.max(...prices) : null,
    peak,
  };
}

function maxPainOf(row: LiquidationMaxPainRow | undefined, price: number | null) {
  if (!row) return null;
  const level = (s: LiquidationMaxPainRow["long"]): MaxPainLevel => ({
    priceUsd: s.priceUsd,
    liquidationUsd: s.liquidationUsd,
    distancePct: s.priceUsd === null || price === null ? null : (s.priceUsd / price - 1) * 100,
  });
  return { long: level(row.long), short: level(row.short) };
}

/**
 * A coin's heatmap (all exchanges), its liquidation levels and CoinGlass's max pain, fetched in
 * parallel. Professional plan only: below it nothing is asked and no quota is spent.
 */
export async function buildLiquidationMap(
  client: CoinGlassClient,
  coin: string,
  range: LiquidationMapRange,
  lane: Lane,
): Promise<MarketResult<LiquidationMapReport>> {
  assertPlan(client.plan, HEATMAP);
  const o = { lane };
  const parts = createParts();
  const mapRange = MAP_RANGE[range];
  const [heatmap, levels, pains] = await Promise.all([
    parts.take(client.fetchLiquidationHeatmap({ coin, range, model: HEATMAP_MODEL }, o), "heatmap"),
    parts.take(client.fetchLiquidationLevels({ coin, range: mapRange }, o), "clusters"),
    parts.take(client.fetchLiquidationMaxPain(range, o), "maxPain"),
  ]);
  const row = pains?.find((r) => r.symbol === coin);
  if (pains && !row) parts.miss("maxPain");
  // The newest candle with a close is the price the map is read against.
  const at = heatmap ? heatmap.closes.findLastIndex((c) => c !== null) : -1;
  const priceUsd = at >= 0 ? (heatmap?.closes[at] ?? null) : (row?.priceUsd ?? null);
  const priceTime = at >= 0 ? (heatmap?.times[at] ?? null) : null;
  const side = (s: 1 | -1) => (levels && priceUsd !== null ? nearestClusters(levels, priceUsd, s) : []);
  const total = (s: 1 | -1) =>
    levels && priceUsd !== null
      ? sumOrNull(levels.filter((l) => (l.priceUsd - priceUsd) * s > 0).map((l) => l.liquidationUsd))
      : null;
  return parts.result(
    {
      symbol: coin,
      range,
      mapRange,
      model: `model${HEATMAP_MODEL}`,
      priceUsd,
      priceTime,
      bandPct: BAND_PCT,
      clusters: { above: side(1), below: side(-1) },
      totals: { aboveUsd: total(1), belowUsd: total(-1) },
      maxPain: maxPainOf(row, priceUsd),
      heatmap,
    },
    coin,
  );
}
