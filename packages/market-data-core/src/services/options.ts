import type { CoinGlassClient } from "../client/types.js";
import type { OptionsReport } from "../models/options.js";
import type { Lane, MarketResult } from "../models/result.js";
import { createParts, sumOrNull } from "./parts.js";

/** The coins CoinGlass has options data for (coinglass-api-more.md §2). */
export const OPTION_COINS = ["BTC", "ETH"] as const;
export type OptionCoin = (typeof OPTION_COINS)[number];

/** Exchanges with a max-pain figure (Deribit is most of the market). */
export const OPTION_EXCHANGES = ["Deribit", "OKX", "Binance", "Bybit"] as const;
export type OptionExchange = (typeof OPTION_EXCHANGES)[number];

const ratio = (a: number | null, b: number | null) => (a === null || b === null || b === 0 ? null : a / b);

/**
 * Venues, expiries with max pain and the underlying price (newest point of the hourly options OI chart),
 * fetched in parallel. Distances and put/call ratios are derived only from figures CoinGlass gave.
 */
export async function buildOptions(
  client: CoinGlassClient,
  coin: OptionCoin,
  exchange: OptionExchange,
  lane: Lane,
): Promise<MarketResult<OptionsReport>> {
  const o = { lane };
  const parts = createParts();
  const [venues, expiries, chart] = await Promise.all([
    parts.take(client.fetchOptionInfo(coin, o), "byExchange"),
    parts.take(client.fetchOptionMaxPain({ coin, exchange }, o), "expiries"),
    parts.take(client.fetchOptionOiHistory({ coin, range: "1h" }, o)),
  ]);
  // The chart's newest point with a price: at most an hour old, and its time says so.
  const at = chart ? chart.prices.findLastIndex((p) => p !== null) : -1;
  const priceUsd = at < 0 ? null : (chart?.prices[at] ?? null);
  const priceTime = at < 0 ? null : (chart?.times[at] ?? null);
  const list = expiries ?? [];
  return parts.result(
    {
      symbol: coin,
      exchange,
      priceUsd,
      priceTime,
      total: venues?.find((v) => v.exchange === "All") ?? null,
      byExchange: (venues ?? [])
        .filter((v) => v.exchange !== "All")
        .sort((a, b) => (b.openInterestUsd ?? 0) - (a.openInterestUsd ?? 0)),
      expiries: list.map((e) => ({
        ...e,
        maxPainDistancePct:
          e.maxPainUsd === null || priceUsd === null ? null : (e.maxPainUsd / priceUsd - 1) * 100,
        putCallRatio: ratio(e.putOpenInterest, e.callOpenInterest),
      })),
      putCallOiRatio: ratio(
        sumOrNull(list.map((e) => e.putOpenInterest)),
        sumOrNull(list.map((e) => e.callOpenInterest)),
      ),
    },
    coin,
  );
}
