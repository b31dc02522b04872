/** Windows of `getLiquidationMap` (each maps onto the windows the three endpoints accept). */
export const LIQUIDATION_MAP_RANGES = ["12h", "24h", "3d", "7d", "30d"] as const;
export type LiquidationMapRange = (typeof LIQUIDATION_MAP_RANGES)[number];

/**
 * A liquidation heatmap (`fetchLiquidationHeatmap`): one column per candle, one row per price.
 * Cells CoinGlass did not list are empty (no positions there), not unknown.
 */
export interface LiquidationHeatmap {
  /** Candle open times, epoch ms (CoinGlass sends seconds), oldest first; null when unreadable. */
  times: Array<number | null>;
  /** Candle closes, USD. */
  closes: Array<number | null>;
  /** Row prices, USD, as CoinGlass orders them (ascending in the docs). */
  prices: Array<number | null>;
  /** `[column, row, usd]`; cells pointing at no column or row are dropped. */
  cells: Array<[number, number, number]>;
}

/** One price of a liquidation map (`fetchLiquidationLevels`): the amount summed over leverages. */
export interface LiquidationLevel {
  priceUsd: number;
  liquidationUsd: number;
}

/** One coin of the liquidation max-pain list, as CoinGlass names the sides (undefined in its docs). */
export interface LiquidationMaxPainRow {
  symbol: string;
  priceUsd: number | null;
  long: { priceUsd: number | null; liquidationUsd: number | null };
  short: { priceUsd: number | null; liquidationUsd: number | null };
}

/** A band of nearby levels with a lot to liquidate. */
export interface LiquidationCluster {
  /** The band's largest level, USD. */
  priceUsd: number;
  /** (priceUsd / price − 1) × 100. */
  distancePct: number;
  /** Summed over the band, USD. */
  liquidationUsd: number;
  fromUsd: number;
  toUsd: number;
}

/** A max-pain price with where it sits against the current price. */
export interface MaxPainLevel {
  priceUsd: number | null;
  liquidationUsd: number | null;
  distancePct: number | null;
}

/** `getLiquidationMap(symbol, { range })`. */
export interface LiquidationMapReport {
  symbol: string;
  range: LiquidationMapRange;
  /** The window of the liquidation map the clusters come from (`1d`, `7d`, `30d`). */
  mapRange: string;
  /** The heatmap model asked for (the docs do not say how models differ). */
  model: string;
  /** Close of the heatmap's newest candle, else the max-pain list's price, USD. */
  priceUsd: number | null;
  /** Open time of that candle (null when the price came from the max-pain list). */
  priceTime: number | null;
  /** Width of the bands levels are summed over, percent of the price. */
  bandPct: number;
  /** Nearest large clusters above and below the price, nearest first. */
  clusters: { above: LiquidationCluster[]; below: LiquidationCluster[] };
  /** All map levels above and below the price, summed, USD. */
  totals: { aboveUsd: number | null; belowUsd: number | null };
  /** CoinGlass's liquidation max pain for the coin, sides named as CoinGlass names them. */
  maxPain: { long: MaxPainLevel; short: MaxPainLevel } | null;
  heatmap: LiquidationHeatmap | null;
}

/** A heatmap in a few figures (the API's answer: the grid itself is for pictures). */
export interface LiquidationHeatmapSummary {
  /** Open time of the first and last candle, epoch ms. */
  fromTime: number | null;
  toTime: number | null;
  candles: number;
  priceRows: number;
  /** Cells with an amount. */
  cells: number;
  minPriceUsd: number | null;
  maxPriceUsd: number | null;
  /** The largest cell: where and when the most was waiting to be liquidated. */
  peak: { priceUsd: number; liquidationUsd: number; time: number | null } | null;
}
