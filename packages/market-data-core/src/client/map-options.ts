/** Mappers of the options endpoints (coinglass-api-more.md §2). */
import type { OptionChart, OptionExpiry, OptionVenue } from "../models/options.js";
import { keyed, num, obj, rows, str } from "./parse.js";

export function mapOptionInfo(data: unknown, endpoint: string): OptionVenue[] {
  return keyed(data, endpoint, "exchange_name", (exchange, r) => ({
    exchange,
    openInterest: num(r.open_interest),
    openInterestUsd: num(r.open_interest_usd),
    sharePct: num(r.oi_market_share),
    openInterestChange24hPct: num(r.open_interest_change_24h),
    volume24hUsd: num(r.volume_usd_24h),
    volumeChange24hPct: num(r.volume_change_percent_24h),
  }));
}

/** `250422` -> `2025-04-22`; null unless it is six digits of a real date. */
export function expiryDate(v: unknown): string | null {
  const s = str(v);
  if (!s || !/^\d{6}$/.test(s)) return null;
  const iso = `20${s.slice(0, 2)}-${s.slice(2, 4)}-${s.slice(4, 6)}`;
  return Number.isNaN(Date.parse(`${iso}T00:00:00Z`)) ? null : iso;
}

/** Expiries soonest first; a row without a readable date is dropped. */
export function mapOptionMaxPain(data: unknown, endpoint: string): OptionExpiry[] {
  return rows(data, endpoint)
    .flatMap((r) => {
      const date = expiryDate(r.date);
      if (!date) return [];
      return [
        {
          date,
          maxPainUsd: num(r.max_pain_price),
          callOpenInterest: num(r.call_open_interest),
          putOpenInterest: num(r.put_open_interest),
          callNotionalUsd: num(r.call_open_interest_notional),
          putNotionalUsd: num(r.put_open_interest_notional),
          callMarketValueUsd: num(r.call_open_interest_market_value),
          putMarketValueUsd: num(r.put_open_interest_market_value),
        },
      ];
    })
    .sort((a, b) => (a.date < b.date ? -1 : 1));
}

/** The one object of parallel lists; lists cut to the shortest so indexes line up. */
export function mapOptionChart(data: unknown, endpoint: string): OptionChart {
  const r = obj(Array.isArray(data) ? data[0] : data, endpoint);
  const times = (Array.isArray(r.time_list) ? r.time_list : []).map(num);
  const n = times.indexOf(null);
  const count = n < 0 ? times.length : n;
  const prices = (Array.isArray(r.price_list) ? r.price_list : []).map(num);
  const map = (typeof r.data_map === "object" && r.data_map !== null ? r.data_map : {}) as Record<
    string,
    unknown
  >;
  const byExchange: Record<string, Array<number | null>> = {};
  for (const [k, v] of Object.entries(map))
    if (Array.isArray(v)) byExchange[k] = Array.from({ length: count }, (_, i) => num(v[i]));
  return {
    times: times.slice(0, count) as number[],
    prices: Array.from({ length: count }, (_, i) => prices[i] ?? null),
    byExchange,
  };
}
