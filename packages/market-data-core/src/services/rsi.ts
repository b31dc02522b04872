import { planAllows } from "../client/plans.js";
import type { CoinGlassClient } from "../client/types.js";
import { type Interval, RSI_WINDOWS, type RsiWindow } from "../models/market.js";
import type { Lane } from "../models/result.js";
import type { Symbols } from "../symbols/symbols.js";
import { last, type Parts } from "./parts.js";
import { REFERENCE_EXCHANGE } from "./reference.js";

/** Intervals of `indicators/rsi` a Startup key may ask for, standing for the rsi/list windows. */
const STARTUP_RSI: Array<[RsiWindow, Interval]> = [
  ["1h", "1h"],
  ["4h", "4h"],
  ["24h", "1d"],
];

/**
 * RSI per window for one coin, decided by plan up front (nothing waits for a plan error):
 * Standard and above read CoinGlass's rsi/list; Startup reads the Binance pair's RSI series
 * (`indicators/rsi`, last point) for 1h, 4h and 1d; Hobbyist has neither. Windows not given stay null.
 */
export async function rsiFor(
  client: CoinGlassClient,
  symbols: Symbols,
  coin: string,
  lane: Lane,
  parts: Parts,
): Promise<{
  rsi: Record<RsiWindow, number | null>;
  priceUsd: number | null;
  priceChangePct: Record<RsiWindow, number | null>;
}> {
  const rsi = Object.fromEntries(RSI_WINDOWS.map((w) => [w, null])) as Record<RsiWindow, number | null>;
  const priceChangePct = { ...rsi };
  if (planAllows(client.plan, "standard") || !planAllows(client.plan, "startup")) {
    const list = await parts.take(client.fetchRsiList({ lane }));
    const row = list?.find((r) => r.symbol === coin);
    return {
      rsi: { ...rsi, ...row?.rsi },
      priceUsd: row?.priceUsd ?? null,
      priceChangePct: { ...priceChangePct, ...row?.priceChangePct },
    };
  }
  const pair = symbols.pair(coin, REFERENCE_EXCHANGE);
  const series = await Promise.all(
    STARTUP_RSI.map(([, interval]) =>
      parts.take(
        client.fetchRsiHistory({ exchange: REFERENCE_EXCHANGE, pair, interval, limit: 1 }, { lane }),
      ),
    ),
  );
  STARTUP_RSI.forEach(([w], i) => {
    rsi[w] = last(series[i])?.value ?? null;
  });
  return { rsi, priceUsd: null, priceChangePct };
}
