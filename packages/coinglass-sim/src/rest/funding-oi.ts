/** Funding-rate and open-interest endpoints (reference §6, §7.1). */
import { change, nextFunding, usd } from "../model/aggregates.js";
import type { ModelCoin, ModelPair } from "../model/market.js";
import { round } from "../model/prng.js";
import { candleGrid, ohlc } from "../model/series.js";
import { addRoutes, type RouteContext, type RouteTable } from "./context.js";
import { coinParam, enumParam, exchangeListParam, gridParams, intervalParam, pairParam } from "./params.js";

const OI_W = {
  "5m": 5 * 60_000,
  "15m": 15 * 60_000,
  "30m": 30 * 60_000,
  "1h": 3600_000,
  "4h": 4 * 3600_000,
  "24h": 86_400_000,
};
/** Share of a pair's OI that is coin-margined (the rest is stablecoin-margined). */
const COIN_MARGIN_SHARE = 0.15;

const str6 = (x: number) => String(round(x, 6));

function unitParam(ctx: RouteContext): "usd" | "coin" {
  const u = ctx.q.get("unit");
  return u === "coin" ? "coin" : "usd";
}

function oiRow(ctx: RouteContext, exchange: string, coin: ModelCoin, pairs: readonly ModelPair[]) {
  const { market, now } = ctx;
  const at = (t: number) => pairs.reduce((s, p) => s + market.oiUsd(p, t), 0);
  const oi = at(now);
  const price = market.price(coin, now);
  const qty = oi / price;
  const row: Record<string, number | string> = {
    exchange,
    symbol: coin.symbol,
    open_interest_usd: usd(oi),
    open_interest_quantity: usd(qty),
    open_interest_by_stable_coin_margin: usd(oi * (1 - COIN_MARGIN_SHARE)),
    open_interest_quantity_by_coin_margin: usd(qty * COIN_MARGIN_SHARE),
    open_interest_quantity_by_stable_coin_margin: usd(qty * (1 - COIN_MARGIN_SHARE)),
  };
  for (const [w, ms] of Object.entries(OI_W))
    row[`open_interest_change_percent_${w}`] = change(at(now - ms), oi);
  return row;
}

/** OI candles (strings) of a set of pairs in USD or coin units. */
function oiCandles(ctx: RouteContext, pairs: readonly ModelPair[], coin: ModelCoin, key: number) {
  const iv = intervalParam(ctx);
  const coinUnit = unitParam(ctx) === "coin";
  const f = (t: number) => {
    const oi = pairs.reduce((s, p) => s + ctx.market.oiUsd(p, t), 0);
    return coinUnit ? oi / ctx.market.price(coin, t) : oi;
  };
  return candleGrid(iv, ctx.now, gridParams(ctx)).map((t) => {
    const [o, h, l, c] = ohlc(f, t, iv, ctx.now, key, 0.1);
    return {
      time: t,
      open: String(usd(o)),
      high: String(usd(h)),
      low: String(usd(l)),
      close: String(usd(c)),
    };
  });
}

function fundingCandles(ctx: RouteContext, f: (t: number) => number, key: number) {
  const iv = intervalParam(ctx);
  return candleGrid(iv, ctx.now, gridParams(ctx)).map((t) => {
    const [o, h, l, c] = ohlc(f, t, iv, ctx.now, key, 0.2);
    return { time: t, open: str6(o), high: str6(h), low: str6(l), close: str6(c) };
  });
}

/** OI-weighted (or volume-weighted) funding of a coin at t. */
function weightedFunding(ctx: RouteContext, coin: ModelCoin, byVolume: boolean) {
  return (t: number) => {
    let num = 0;
    let den = 0;
    for (const p of coin.pairs) {
      const w = byVolume ? ctx.market.volume24h(p, t) : ctx.market.oiUsd(p, t);
      num += ctx.market.funding(p, t) * w;
      den += w;
    }
    return den > 0 ? num / den : 0;
  };
}

export function registerFundingOi(table: RouteTable): void {
  addRoutes(table, "hobbyist", {
    "futures/funding-rate/exchange-list": (ctx) => {
      // Undocumented `symbol` filter (the Python project sends one): honoured when present.
      const symbol = ctx.q.get("symbol");
      const coins = symbol ? ctx.market.coins.filter((c) => c.symbol === symbol) : ctx.market.coins;
      return coins.map((coin) => ({
        symbol: coin.symbol,
        stablecoin_margin_list: coin.pairs.map((p) => ({
          exchange: p.exchange,
          funding_rate_interval: p.fundingHours,
          funding_rate: ctx.market.funding(p, ctx.now),
          next_funding_time: nextFunding(p, ctx.now),
        })),
        token_margin_list: coin.pairs
          .filter((p) => ["Binance", "OKX", "Bybit"].includes(p.exchange) && coin.rank < 15)
          .map((p) => ({
            exchange: p.exchange,
            funding_rate_interval: p.fundingHours,
            funding_rate: ctx.market.funding(p, ctx.now, true),
            next_funding_time: nextFunding(p, ctx.now),
          })),
      }));
    },
    "futures/funding-rate/history": (ctx) => {
      const p = pairParam(ctx);
      return fundingCandles(ctx, (t) => ctx.market.funding(p, t), p.key);
    },
    "futures/funding-rate/oi-weight-history": (ctx) => {
      const coin = coinParam(ctx);
      return fundingCandles(ctx, weightedFunding(ctx, coin, false), coin.key);
    },
    "futures/funding-rate/vol-weight-history": (ctx) => {
      const coin = coinParam(ctx);
      return fundingCandles(ctx, weightedFunding(ctx, coin, true), coin.key);
    },
    "futures/open-interest/exchange-list": (ctx) => {
      const coin = coinParam(ctx);
      const rows = coin.pairs
        .map((p) => oiRow(ctx, p.exchange, coin, [p]))
        .sort((a, b) => (b.open_interest_usd as number) - (a.open_interest_usd as number));
      return [oiRow(ctx, "All", coin, coin.pairs), ...rows];
    },
    "futures/open-interest/history": (ctx) => {
      const p = pairParam(ctx);
      return oiCandles(ctx, [p], ctx.market.coin(p.coin) as ModelCoin, p.key);
    },
    "futures/open-interest/aggregated-history": (ctx) => {
      const coin = coinParam(ctx);
      return oiCandles(ctx, coin.pairs, coin, coin.key);
    },
    "futures/open-interest/aggregated-stablecoin-history": (ctx) => {
      const only = exchangeListParam(ctx, true);
      const coin = coinParam(ctx);
      return oiCandles(
        ctx,
        coin.pairs.filter((p) => !only || only.has(p.exchange)),
        coin,
        coin.key,
      );
    },
    "futures/open-interest/exchange-history-chart": (ctx) => {
      const coin = coinParam(ctx);
      const range = enumParam(ctx, "range", ["all", "1m", "15m", "1h", "4h", "12h"] as const);
      const step = {
        all: 86_400_000,
        "1m": 60_000,
        "15m": 900_000,
        "1h": 3600_000,
        "4h": 4 * 3600_000,
        "12h": 12 * 3600_000,
      }[range];
      const grid = candleGrid(step, ctx.now, { limit: 200 });
      const data_map: Record<string, number[]> = {};
      for (const p of coin.pairs) data_map[p.exchange] = grid.map((t) => usd(ctx.market.oiUsd(p, t)));
      return {
        time_list: grid,
        price_list: grid.map((t) => round(ctx.market.price(coin, t), 6)),
        data_map,
      };
    },
  });
}
