import { allowedInterval } from "../client/plans.js";
import type { IndicatorsReport } from "../models/indicators.js";
import type { Lane, MarketResult } from "../models/result.js";
import { createParts, last } from "./parts.js";
import { REFERENCE_EXCHANGE } from "./raw.js";
import type { ReportDeps } from "./reports.js";

/** Coins with Bitfinex margin data (coinglass-api-more.md §4.1); the Coinbase premium is BTC's. */
export const INDICATOR_COINS = ["BTC", "ETH"] as const;
export type IndicatorCoin = (typeof INDICATOR_COINS)[number];

/** The point about 24 h before the last one, when the series reaches that far. */
function dayBefore<T extends { time: number }>(list: T[]): T | undefined {
  const end = last(list);
  if (!end) return undefined;
  return list.find((p) => p.time >= end.time - 86_400_000 && p.time <= end.time - 86_400_000 + 3_600_000);
}

/**
 * Coinbase premium (BTC), Bitfinex margin longs/shorts and the Binance basis, in parallel, on the
 * shortest bar the plan allows up to 1 h (Hobbyist: 4 h). The premium rate, borrow rates and the
 * basis "change" fields are left out: the docs do not settle their units (§0.3 #7, §12.8).
 */
export async function buildIndicators(
  { client, symbols }: ReportDeps,
  coin: IndicatorCoin,
  lane: Lane,
): Promise<MarketResult<IndicatorsReport>> {
  const o = { lane };
  const parts = createParts();
  const interval = allowedInterval(client.plan, "1h");
  const limit = interval === "1h" ? 25 : 7;
  const pair = symbols.pair(coin, REFERENCE_EXCHANGE);
  const [premium, margin, basis] = await Promise.all([
    coin === "BTC" ? parts.take(client.fetchCoinbasePremium({ interval, limit }, o)) : null,
    parts.take(client.fetchBitfinexMargin({ coin, interval, limit }, o)),
    parts.take(client.fetchBasisHistory({ exchange: REFERENCE_EXCHANGE, pair, interval, limit: 1 }, o)),
  ]);
  const p = last(premium);
  const pDay = premium ? dayBefore(premium) : undefined;
  const m = last(margin);
  const mDay = margin ? dayBefore(margin) : undefined;
  const b = last(basis);
  return parts.result(
    {
      symbol: coin,
      interval,
      coinbasePremium: p
        ? {
            premiumUsd: p.premiumUsd,
            time: p.time,
            change24hUsd: pDay ? p.premiumUsd - pDay.premiumUsd : null,
          }
        : null,
      bitfinexMargin: m
        ? {
            longQuantity: m.longQuantity,
            shortQuantity: m.shortQuantity,
            longShortRatio: m.shortQuantity > 0 ? m.longQuantity / m.shortQuantity : null,
            longsChange24hPct:
              mDay && mDay.longQuantity > 0 ? (m.longQuantity / mDay.longQuantity - 1) * 100 : null,
            time: m.time,
          }
        : null,
      basis: b ? { exchange: REFERENCE_EXCHANGE, pair, basisPct: b.closeBasisPct, time: b.time } : null,
    },
    coin,
  );
}
