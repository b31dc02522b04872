/**
 * Indicators and indexes: RSI list, RSI/EMA series, basis, fear & greed (reference §4.9), the
 * Coinbase premium and Bitfinex margin longs/shorts (coinglass-api-more.md §4.1).
 */
import { change, px } from "../model/aggregates.js";
import type { Market, ModelCoin } from "../model/market.js";
import { round, valueNoise } from "../model/prng.js";
import { alignDown, candleGrid, INTERVALS } from "../model/series.js";
import { addRoutes, type RouteContext, type RouteTable } from "./context.js";
import { coinParam, gridParams, intervalParam, intParam, invalid, pairParam } from "./params.js";

const DAY = 86_400_000;

/** Wilder's RSI of `closes`; the first `window` values are null (not enough data). */
export function rsiSeries(closes: readonly number[], window: number): (number | null)[] {
  const out: (number | null)[] = closes.map(() => null);
  let gain = 0;
  let loss = 0;
  for (let i = 1; i < closes.length; i++) {
    const d = (closes[i] as number) - (closes[i - 1] as number);
    const g = Math.max(d, 0);
    const l = Math.max(-d, 0);
    if (i <= window) {
      gain += g / window;
      loss += l / window;
    } else {
      gain = (gain * (window - 1) + g) / window;
      loss = (loss * (window - 1) + l) / window;
    }
    if (i >= window) out[i] = loss === 0 ? 100 : round(100 - 100 / (1 + gain / loss), 8);
  }
  return out;
}

/** EMA seeded with the first value. */
export function emaSeries(values: readonly number[], window: number): number[] {
  const k = 2 / (window + 1);
  const out: number[] = [];
  let ema = values[0] ?? 0;
  for (const v of values) {
    ema = v * k + ema * (1 - k);
    out.push(round(ema, 8));
  }
  return out;
}

/** Closes of the `n` candles of length `iv` ending with the one containing `now`. */
function closes(f: (t: number) => number, iv: number, now: number, n: number, end = now): number[] {
  const last = alignDown(Math.min(end, now), iv);
  const out: number[] = [];
  for (let i = n - 1; i >= 0; i--) out.push(f(Math.min(last - i * iv + iv, now)));
  return out;
}

function seriesParams(ctx: RouteContext) {
  const window = intParam(ctx, "window", 14, 500);
  const st = ctx.q.get("series_type") ?? "close";
  if (!["open", "high", "low", "close"].includes(st)) invalid("series_type");
  return { window };
}

/** Indicator series over the requested grid with a warm-up of 3 windows. */
function indicator(
  ctx: RouteContext,
  calc: (values: number[], window: number) => (number | null)[],
  field: string,
) {
  const p = pairParam(ctx);
  const iv = intervalParam(ctx);
  const { window } = seriesParams(ctx);
  const grid = candleGrid(iv, ctx.now, gridParams(ctx, 1000, 4500));
  const last = grid[grid.length - 1];
  if (last === undefined) return [];
  const warm = 3 * window;
  const values = closes((t) => ctx.market.pairPrice(p, t), iv, ctx.now, grid.length + warm, last);
  const out = calc(values, window).slice(warm);
  return grid.map((t, i) => ({ time: t, [field]: out[i] ?? null }));
}

const RSI_LIST = [
  ["15m", INTERVALS["15m"]],
  ["1h", INTERVALS["1h"]],
  ["4h", INTERVALS["4h"]],
  ["12h", INTERVALS["12h"]],
  ["24h", INTERVALS["1d"]],
  ["1w", INTERVALS["1w"]],
] as const;

function rsiListRow(market: Market, coin: ModelCoin, now: number) {
  const f = (t: number) => market.price(coin, t);
  const row: Record<string, number | string> = { symbol: coin.symbol };
  for (const [name, iv] of RSI_LIST) {
    const r = rsiSeries(closes(f, iv as number, now, 43), 14);
    row[`rsi_${name}`] = round(r[r.length - 1] ?? 50, 2);
    row[`price_change_percent_${name}`] = change(f(now - (iv as number)), f(now));
  }
  row.current_price = px(f(now));
  return row;
}

export function registerIndicators(table: RouteTable): void {
  addRoutes(table, "hobbyist", {
    "index/fear-greed-history": (ctx) => {
      const btc = ctx.market.coin("BTC") as ModelCoin;
      const days = candleGrid(DAY, ctx.now, { limit: 365 });
      const value = (t: number) =>
        Math.round(
          Math.min(
            95,
            Math.max(
              5,
              50 + 40 * valueNoise(btc.key, 99, t / (20 * DAY)) + 10 * valueNoise(btc.key, 98, t / (3 * DAY)),
            ),
          ),
        );
      return [
        {
          data_list: days.map(value),
          price_list: days.map((t) => round(ctx.market.price(btc, Math.min(t + DAY, ctx.now)), 2)),
          // The documented sample's time_list values are epoch seconds.
          time_list: days.map((t) => t / 1000),
        },
      ];
    },
    "futures/basis/history": (ctx) => {
      const p = pairParam(ctx);
      const iv = intervalParam(ctx);
      // Futures premium over spot in percent (documented unit), a slow noise around +0.05 %.
      const basis = (t: number) => 0.04 + 0.06 * valueNoise(p.key, 97, t / (6 * 3600_000));
      return candleGrid(iv, ctx.now, gridParams(ctx)).map((t) => {
        const o = basis(t);
        const c = basis(Math.min(t + iv, ctx.now));
        const before = basis(t - iv);
        return {
          time: t,
          open_basis: round(o, 4),
          close_basis: round(c, 4),
          open_change: round((o / before - 1) * 100, 2),
          close_change: round((c / o - 1) * 100, 2),
        };
      });
    },
    "coinbase-premium-index": (ctx) => {
      const iv = intervalParam(ctx);
      const btc = ctx.market.coin("BTC") as ModelCoin;
      // Coinbase minus Binance in USD: a few dollars either side, in line with the BTC price.
      const gap = (t: number) =>
        ctx.market.price(btc, t) * 0.0002 * valueNoise(btc.key, 61, t / (8 * 3600_000));
      return candleGrid(iv, ctx.now, gridParams(ctx)).map((t) => {
        const g = gap(t);
        // Times in seconds and premium_rate as a fraction, as documented (§0.2, §0.3 #7).
        return { time: t / 1000, premium: round(g, 2), premium_rate: round(g / ctx.market.price(btc, t), 6) };
      });
    },
    "bitfinex-margin-long-short": (ctx) => {
      const coin = coinParam(ctx);
      if (!["BTC", "ETH"].includes(coin.symbol)) invalid("symbol");
      const iv = intervalParam(ctx);
      const base = coin.symbol === "BTC" ? 100_000 : 1_000_000;
      return candleGrid(iv, ctx.now, gridParams(ctx)).map((t) => ({
        time: t / 1000,
        long_quantity: round(base * (1 + 0.05 * valueNoise(coin.key, 62, t / (5 * DAY))), 2),
        short_quantity: round(base * 0.03 * (1 + 0.4 * valueNoise(coin.key, 63, t / (2 * DAY))), 2),
      }));
    },
  });
  addRoutes(table, "startup", {
    "futures/indicators/rsi": (ctx) => indicator(ctx, rsiSeries, "rsi_value"),
    "futures/indicators/ema": (ctx) => indicator(ctx, emaSeries, "ema_value"),
  });
  addRoutes(table, "standard", {
    "futures/rsi/list": (ctx) => ctx.market.coins.map((c) => rsiListRow(ctx.market, c, ctx.now)),
  });
}
