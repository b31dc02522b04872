import type { EtfAsset } from "../coinglass/raw/etf.js";

/** One fund's net flow on one day; `flowUsd` null when CoinGlass gave no figure for it. */
export interface EtfFundFlow {
  ticker: string;
  /** Net creations minus redemptions, USD; negative = outflow. */
  flowUsd: number | null;
}

/** One trading day of spot-ETF flows. */
export interface EtfFlowDay {
  /** The day, epoch ms (00:00 UTC). */
  time: number;
  /** Net flow of all funds that day, USD (CoinGlass's own total). */
  totalUsd: number | null;
  /** The underlying coin's price that day, USD. */
  priceUsd: number | null;
  /** As CoinGlass lists them. */
  funds: EtfFundFlow[];
}

/** One day of all funds' combined net assets. */
export interface EtfNetAssetsPoint {
  time: number;
  netAssetsUsd: number;
  /** The day's capital change, USD. */
  changeUsd: number | null;
  priceUsd: number | null;
}

/** `getEtf(asset, { days })`: recent spot-ETF flows and net assets of one asset. */
export interface EtfReport {
  asset: EtfAsset;
  /** The last `days` trading days CoinGlass published, oldest first. */
  days: EtfFlowDay[];
  /** The newest published day (the last of `days`), or null when none. */
  latest: EtfFlowDay | null;
  /** Sum of the days' totals, USD; null when any day lacks its total. */
  periodTotalUsd: number | null;
  /** Latest combined net assets; null where CoinGlass publishes none (SOL, XRP) or failed. */
  netAssets: { usd: number; changeUsd: number | null; time: number } | null;
  /**
   * Hong Kong spot-ETF days (BTC only; CoinGlass publishes no other), oldest first; empty for
   * other assets.
   */
  hongKong: EtfFlowDay[];
}
