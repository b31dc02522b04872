/** Long/short ratios and taker buy/sell volume (reference §7.2, §7.3). */
import { pct, usd } from "../model/aggregates.js";
import type { ModelPair } from "../model/market.js";
import { hash01, round } from "../model/prng.js";
import { candleGrid } from "../model/series.js";
import { addRoutes, type RouteContext, type RouteTable } from "./context.js";
import { coinParam, enumParam, exchangeListParam, gridParams, intervalParam, pairParam } from "./params.js";

const DAY = 86_400_000;
const RANGES = {
  "5m": 5 * 60_000,
  "15m": 15 * 60_000,
  "30m": 30 * 60_000,
  "1h": 3600_000,
  "4h": 4 * 3600_000,
  "12h": 12 * 3600_000,
  "24h": DAY,
} as const;

/** Long/short rows: long + short = 100 exactly, ratio = long / short. */
function ratioRows(ctx: RouteContext, kind: 0 | 1 | 2, prefix: string, legacy: boolean) {
  const p = pairParam(ctx);
  const iv = intervalParam(ctx, { legacy });
  return candleGrid(iv, ctx.now, gridParams(ctx)).map((t) => {
    const long = ctx.market.longPercent(p, Math.min(t + iv, ctx.now), kind);
    const short = round(100 - long, 2);
    return {
      time: t,
      [`${prefix}_long_percent`]: long,
      [`${prefix}_short_percent`]: short,
      [`${prefix}_long_short_ratio`]: round(long / short, 2),
    };
  });
}

/**
 * Taker buy/sell USD of a pair over [from, to), plus injected whale trades. A window ending at
 * model time takes injected trades up to wall time (model time is frozen without background).
 */
function taker(ctx: RouteContext, p: ModelPair, from: number, to: number) {
  const vol = (ctx.market.volume24h(p, to) * (to - from)) / DAY;
  const noise = 0.6 + 0.8 * hash01(p.key, 63, Math.floor(from / 60_000));
  const total = vol * noise;
  let buy = total * ctx.market.takerBuyShare(p, to);
  let sell = total - buy;
  const end = to >= ctx.now ? Number.POSITIVE_INFINITY : to;
  const start = to >= ctx.now ? ctx.wall - (to - from) : from;
  for (const t of ctx.events.tradesSince(start)) {
    if (t.time >= end || t.exchange !== p.exchange || t.pair !== p.instrumentId) continue;
    if (t.side === 2) buy += t.usd;
    else sell += t.usd;
  }
  return { buy, sell };
}

/** Buy/sell ratio percents that add up to exactly 100. */
function ratios(buy: number, sell: number) {
  const total = buy + sell;
  const b = total > 0 ? pct((buy / total) * 100) : 50;
  return { buy_ratio: b, sell_ratio: round(100 - b, 2) };
}

export function registerRatios(table: RouteTable): void {
  addRoutes(table, "hobbyist", {
    // The Python project sends `interval=h1` here; the reference says accept both spellings.
    "futures/global-long-short-account-ratio/history": (ctx) => ratioRows(ctx, 0, "global_account", true),
    "futures/top-long-short-account-ratio/history": (ctx) => ratioRows(ctx, 1, "top_account", false),
    "futures/top-long-short-position-ratio/history": (ctx) => ratioRows(ctx, 2, "top_position", false),
    "futures/taker-buy-sell-volume/exchange-list": (ctx) => {
      const coin = coinParam(ctx);
      const range = RANGES[enumParam(ctx, "range", Object.keys(RANGES) as (keyof typeof RANGES)[])];
      let buyAll = 0;
      let sellAll = 0;
      const exchange_list = coin.pairs.map((p) => {
        const v = taker(ctx, p, ctx.now - range, ctx.now);
        const buy = usd(v.buy);
        const sell = usd(v.sell);
        buyAll += buy;
        sellAll += sell;
        return { exchange: p.exchange, ...ratios(buy, sell), buy_vol_usd: buy, sell_vol_usd: sell };
      });
      exchange_list.sort((a, b) => b.buy_vol_usd + b.sell_vol_usd - (a.buy_vol_usd + a.sell_vol_usd));
      return {
        symbol: coin.symbol,
        ...ratios(buyAll, sellAll),
        buy_vol_usd: buyAll,
        sell_vol_usd: sellAll,
        exchange_list,
      };
    },
    "futures/v2/taker-buy-sell-volume/history": (ctx) => {
      const p = pairParam(ctx);
      const iv = intervalParam(ctx);
      return candleGrid(iv, ctx.now, gridParams(ctx)).map((t) => {
        const v = taker(ctx, p, t, Math.min(t + iv, ctx.now));
        return {
          time: t,
          taker_buy_volume_usd: String(usd(v.buy)),
          taker_sell_volume_usd: String(usd(v.sell)),
        };
      });
    },
    "futures/aggregated-taker-buy-sell-volume/history": (ctx) => {
      const only = exchangeListParam(ctx, true);
      const coin = coinParam(ctx);
      const iv = intervalParam(ctx);
      const pairs = coin.pairs.filter((p) => !only || only.has(p.exchange));
      return candleGrid(iv, ctx.now, gridParams(ctx)).map((t) => {
        let buy = 0;
        let sell = 0;
        for (const p of pairs) {
          const v = taker(ctx, p, t, Math.min(t + iv, ctx.now));
          buy += v.buy;
          sell += v.sell;
        }
        return { time: t, aggregated_buy_volume_usd: usd(buy), aggregated_sell_volume_usd: usd(sell) };
      });
    },
  });
}
