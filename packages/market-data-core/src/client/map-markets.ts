/** Raw -> domain mapping of market, price, reference-data and indicator endpoints. */
import type {
  Candle,
  CoinMarket,
  CoinPriceChange,
  FearGreedPoint,
  IndicatorPoint,
  Instrument,
  LiquidationRange,
  LiquidationTotals,
  OhlcBar,
  PairMarket,
  RsiListRow,
  RsiWindow,
} from "../models/market.js";
import {
  byTime,
  complete,
  keyed,
  list,
  num,
  obj,
  type Row,
  rows,
  str,
  unreadable,
  windows,
} from "./parse.js";

const ALL_W = ["5m", "15m", "30m", "1h", "4h", "12h", "24h"] as const;
const NO12_W = ["5m", "15m", "30m", "1h", "4h", "24h"] as const;
const LIQ_W = ["1h", "4h", "12h", "24h"] as const;
const RSI_W = ["15m", "1h", "4h", "12h", "24h", "1w"] as const;

/** Liquidation totals of the given windows from `liquidation_usd_{w}` style fields. */
export function liqWindows(r: Row): Record<LiquidationRange, LiquidationTotals> {
  const out = {} as Record<LiquidationRange, LiquidationTotals>;
  for (const w of LIQ_W) {
    out[w] = {
      totalUsd: num(r[`liquidation_usd_${w}`]),
      longUsd: num(r[`long_liquidation_usd_${w}`]),
      shortUsd: num(r[`short_liquidation_usd_${w}`]),
    };
  }
  return out;
}

export function mapStrings(data: unknown, endpoint: string): string[] {
  return list(data, endpoint).filter((s): s is string => typeof s === "string");
}

export function mapInstruments(data: unknown, endpoint: string): Instrument[] {
  const out: Instrument[] = [];
  for (const [exchange, list] of Object.entries(obj(data, endpoint))) {
    if (!Array.isArray(list)) continue;
    for (const r of list as Row[]) {
      const instrumentId = str(r.instrument_id);
      const baseAsset = str(r.base_asset);
      if (!instrumentId || !baseAsset) continue;
      out.push({ exchange, instrumentId, baseAsset, quoteAsset: str(r.quote_asset) ?? "" });
    }
  }
  return out;
}

export function mapCoinsMarkets(data: unknown, endpoint: string): CoinMarket[] {
  return keyed(data, endpoint, "symbol", (symbol, r) => ({
    symbol,
    priceUsd: num(r.current_price),
    oiWeightedFundingRatePct: num(r.avg_funding_rate_by_oi),
    volWeightedFundingRatePct: num(r.avg_funding_rate_by_vol),
    marketCapUsd: num(r.market_cap_usd),
    openInterestUsd: num(r.open_interest_usd),
    openInterestQuantity: num(r.open_interest_quantity),
    openInterestVolumeRatio: num(r.open_interest_volume_ratio),
    priceChangePct: windows(r, "price_change_percent_", ALL_W),
    openInterestChangePct: windows(r, "open_interest_change_percent_", NO12_W),
    volumeChangePct: windows(r, "volume_change_percent_", NO12_W),
    longShortRatio: windows(r, "long_short_ratio_", ALL_W),
    liquidations: liqWindows(r),
  }));
}

export function mapPairsMarkets(data: unknown, endpoint: string): PairMarket[] {
  return rows(data, endpoint).map((r) => ({
    instrumentId: str(r.instrument_id) ?? "",
    exchange: str(r.exchange_name) ?? "",
    pairName: str(r.symbol) ?? "",
    priceUsd: num(r.current_price),
    indexPriceUsd: num(r.index_price),
    priceChange24hPct: num(r.price_change_percent_24h),
    volume24hUsd: num(r.volume_usd),
    volumeChange24hPct: num(r.volume_usd_change_percent_24h),
    longVolume24hUsd: num(r.long_volume_usd),
    shortVolume24hUsd: num(r.short_volume_usd),
    openInterestUsd: num(r.open_interest_usd),
    openInterestQuantity: num(r.open_interest_quantity),
    openInterestChange24hPct: num(r.open_interest_change_percent_24h),
    longLiquidation24hUsd: num(r.long_liquidation_usd_24h),
    shortLiquidation24hUsd: num(r.short_liquidation_usd_24h),
    fundingRatePct: num(r.funding_rate),
    nextFundingTime: num(r.next_funding_time),
  }));
}

export function mapPriceChange(data: unknown, endpoint: string): CoinPriceChange[] {
  return keyed(data, endpoint, "symbol", (symbol, r) => ({
    symbol,
    priceUsd: num(r.current_price),
    priceChangePct: windows(r, "price_change_percent_", ALL_W),
    amplitudePct: windows(r, "price_amplitude_percent_", ALL_W),
  }));
}

export function mapCandles(data: unknown, endpoint: string): Candle[] {
  const list = complete(rows(data, endpoint), endpoint, ["time", "open", "high", "low", "close"], (r, n) => ({
    time: n.time as number,
    open: n.open as number,
    high: n.high as number,
    low: n.low as number,
    close: n.close as number,
    volumeUsd: num(r.volume_usd),
  }));
  return byTime(list);
}

export function mapOhlc(data: unknown, endpoint: string): OhlcBar[] {
  return byTime(
    complete(rows(data, endpoint), endpoint, ["time", "open", "high", "low", "close"], (_r, n) => ({
      time: n.time as number,
      open: n.open as number,
      high: n.high as number,
      low: n.low as number,
      close: n.close as number,
    })),
  );
}

export function mapRsiList(data: unknown, endpoint: string): RsiListRow[] {
  return keyed(data, endpoint, "symbol", (symbol, r) => {
    const rsi = {} as Record<RsiWindow, number | null>;
    const priceChangePct = {} as Record<RsiWindow, number | null>;
    for (const w of RSI_W) {
      rsi[w] = num(r[`rsi_${w}`]);
      priceChangePct[w] = num(r[`price_change_percent_${w}`]);
    }
    return { symbol, priceUsd: num(r.current_price), rsi, priceChangePct };
  });
}

export function mapIndicator(field: string) {
  return (data: unknown, endpoint: string): IndicatorPoint[] =>
    byTime(
      complete(rows(data, endpoint), endpoint, ["time"], (r, n) => ({
        time: n.time as number,
        value: num(r[field]),
      })),
    );
}

/**
 * Fear & greed: `data_list`/`price_list`/`time_list`, wrapped in a one-element list or an object.
 * Times that look like seconds are turned into ms.
 */
export function mapFearGreed(data: unknown, endpoint: string): FearGreedPoint[] {
  const root = Array.isArray(data) ? (data[0] as unknown) : data;
  const r = obj(root, endpoint);
  const values = Array.isArray(r.data_list) ? r.data_list : [];
  const prices = Array.isArray(r.price_list) ? r.price_list : [];
  const times = Array.isArray(r.time_list) ? r.time_list : [];
  const out: FearGreedPoint[] = [];
  for (let i = 0; i < Math.min(values.length, times.length); i++) {
    const value = num(values[i]);
    const t = num(times[i]);
    if (value === null || t === null) continue;
    out.push({ time: t < 1e12 ? t * 1000 : t, value, priceUsd: num(prices[i]) });
  }
  if (out.length === 0 && values.length > 0) unreadable(endpoint, "data_list, time_list");
  return byTime(out);
}
