/** The client's liquidation heatmap, map and max-pain calls (Professional plan, coinglass-api-more.md §3). */
import type { LiquidationHeatmap, LiquidationLevel, LiquidationMaxPainRow } from "../models/liqmap.js";
import type { Cached, CallOptions } from "../models/result.js";
import { mapLiquidationHeatmap, mapLiquidationLevels, mapLiquidationMaxPain } from "./map-liqmap.js";
import { POLICY } from "./requests.js";
import type { Call } from "./types.js";

type R<T> = Promise<Cached<T>>;

/** Heatmap windows CoinGlass accepts. */
export type HeatmapRange = "12h" | "24h" | "3d" | "7d" | "30d" | "90d" | "180d" | "1y";
/** Max-pain windows CoinGlass accepts. */
export type MaxPainRange = "12h" | "24h" | "48h" | "3d" | "7d" | "14d" | "30d";

export interface LiquidationMapEndpoints {
  /** A coin's heatmap over all exchanges (`aggregated-heatmap/model1..3`). */
  fetchLiquidationHeatmap(
    q: { coin: string; range: HeatmapRange; model?: 1 | 2 | 3 },
    o?: CallOptions,
  ): R<LiquidationHeatmap>;
  /** A coin's liquidation levels by price over all exchanges (`aggregated-map`), ascending. */
  fetchLiquidationLevels(
    q: { coin: string; range: "1d" | "7d" | "30d" },
    o?: CallOptions,
  ): R<LiquidationLevel[]>;
  /** Liquidation max pain of every listed coin. */
  fetchLiquidationMaxPain(range: MaxPainRange, o?: CallOptions): R<LiquidationMaxPainRow[]>;
}

const L = "/api/futures/liquidation";

export function liquidationMapEndpoints(call: Call): LiquidationMapEndpoints {
  return {
    fetchLiquidationHeatmap: (q, o) =>
      call(
        `${L}/aggregated-heatmap/model${q.model ?? 1}`,
        { symbol: q.coin, range: q.range },
        POLICY.liquidationMap,
        mapLiquidationHeatmap,
        o,
      ),
    fetchLiquidationLevels: (q, o) =>
      call(
        `${L}/aggregated-map`,
        { symbol: q.coin, range: q.range },
        POLICY.liquidationMap,
        mapLiquidationLevels,
        o,
      ),
    fetchLiquidationMaxPain: (range, o) =>
      call(`${L}/max-pain`, { range }, POLICY.liquidationMap, mapLiquidationMaxPain, o),
  };
}
