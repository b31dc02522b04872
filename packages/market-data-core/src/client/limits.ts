/**
 * The largest answer accepted from each CoinGlass endpoint, in bytes. A body is read as a stream
 * and dropped the moment it passes its cap, so a runaway answer (tens of MB) cannot take a
 * process's memory: it becomes an upstream failure (stale value or 503) instead.
 *
 * Sized from the largest answers the documented parameters allow, with headroom of 4× or more:
 * a 1,000-point history is about 0.13 MB (a 4,500-point indicator 0.21 MB) in the simulator; the
 * per-coin lists (coins-markets at `per_page=1000`, funding, price change) about 1.5 KB per coin;
 * every exchange's pair list and 100 order-book snapshots run to a few MB on the real service.
 */
const MiB = 1024 * 1024;

export const DEFAULT_MAX_BODY_BYTES = 4 * MiB;

const BY_ENDPOINT: Record<string, number> = {
  "/api/futures/supported-coins": 1 * MiB,
  "/api/futures/supported-exchanges": 1 * MiB,
  "/api/futures/supported-exchange-pairs": 16 * MiB,
  "/api/futures/coins-markets": 8 * MiB,
  "/api/futures/coins-price-change": 8 * MiB,
  "/api/futures/rsi/list": 8 * MiB,
  "/api/futures/funding-rate/exchange-list": 8 * MiB,
  "/api/futures/liquidation/coin-list": 8 * MiB,
  "/api/futures/orderbook/history": 16 * MiB,
  // A year-long heatmap is a few hundred candles by a few hundred prices of [x, y, value] cells.
  ...Object.fromEntries(
    [1, 2, 3].map((m) => [`/api/futures/liquidation/aggregated-heatmap/model${m}`, 16 * MiB]),
  ),
  ...Object.fromEntries([1, 2, 3].map((m) => [`/api/futures/liquidation/heatmap/model${m}`, 16 * MiB])),
};

/** The size cap of one endpoint's answer, bytes. */
export function maxBodyBytes(endpoint: string): number {
  return BY_ENDPOINT[endpoint] ?? DEFAULT_MAX_BODY_BYTES;
}

/** Reference lists: an empty one is a failed answer, never "CoinGlass supports nothing". */
export const REFERENCE_ENDPOINTS = new Set([
  "/api/futures/supported-coins",
  "/api/futures/supported-exchanges",
  "/api/futures/supported-exchange-pairs",
]);
