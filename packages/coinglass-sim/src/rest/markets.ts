/** Reference data and per-coin / per-pair snapshots (reference §4). */
import {
  change,
  injectedByPair,
  liqWindow,
  nextFunding,
  pct,
  px,
  usd,
  WINDOWS_MS,
} from "../model/aggregates.js";
import { SUPPORTED_EXCHANGES } from "../model/catalog.js";
import type { ModelCoin, ModelPair } from "../model/market.js";
import { hash01, round } from "../model/prng.js";
import { candleGrid, ohlc } from "../model/series.js";
import { addRoutes, type RouteContext, type RouteTable } from "./context.js";
import { coinParam, exchangeListParam, gridParams, intervalParam, intParam, pairParam } from "./params.js";

const DAY = 24 * 3600_000;
const PRICE_W = ["5m", "15m", "30m", "1h", "4h", "12h", "24h"] as const;
const FLOW_W = ["5m", "15m", "30m", "1h", "4h", "24h"] as const;
const LIQ_W = ["1h", "4h", "12h", "24h"] as const;
const ms = (w: string) => WINDOWS_MS[w] as number;

type Injected = Map<string, { long: number; short: number }>;

/** Injected liquidations per pair for each snapshot window, built once per request. */
const injectedWindows = (ctx: RouteContext): Map<string, Injected> =>
  new Map(LIQ_W.map((w) => [w, injectedByPair(ctx.events, ctx.wall - ms(w))]));

function coinMarketRow(
  ctx: RouteContext,
  coin: ModelCoin,
  only: Set<string> | undefined,
  injected: Map<string, Injected>,
) {
  const { market, now } = ctx;
  const pairs = coin.pairs.filter((p) => !only || only.has(p.exchange));
  const price = market.price(coin, now);
  const oiAt = (t: number) => pairs.reduce((s, p) => s + market.oiUsd(p, t), 0);
  const volAt = (t: number) => pairs.reduce((s, p) => s + market.volume24h(p, t), 0);
  const oi = oiAt(now);
  const vol = volAt(now);
  const cap = coin.capB * 1e9 * (price / coin.price);
  let fOi = 0;
  let fVol = 0;
  for (const p of pairs) {
    const f = market.funding(p, now);
    fOi += f * market.oiUsd(p, now);
    fVol += f * market.volume24h(p, now);
  }
  const row: Record<string, number | string> = {
    symbol: coin.symbol,
    current_price: px(price),
    avg_funding_rate_by_oi: oi > 0 ? round(fOi / oi, 6) : 0,
    avg_funding_rate_by_vol: vol > 0 ? round(fVol / vol, 6) : 0,
    market_cap_usd: usd(cap),
    open_interest_market_cap_ratio: round(oi / cap, 4),
    open_interest_usd: usd(oi),
    open_interest_quantity: usd(oi / price),
    open_interest_volume_ratio: vol > 0 ? round(oi / vol, 4) : 0,
  };
  for (const w of PRICE_W) row[`price_change_percent_${w}`] = change(market.price(coin, now - ms(w)), price);
  for (const w of FLOW_W) row[`open_interest_change_percent_${w}`] = change(oiAt(now - ms(w)), oi);
  for (const w of FLOW_W) row[`volume_change_percent_${w}`] = change(volAt(now - ms(w)), vol);
  for (const w of ["1h", "4h", "24h"]) row[`volume_change_usd_${w}`] = usd(vol - volAt(now - ms(w)));
  for (const w of PRICE_W) {
    const t = now - ms(w) / 2;
    const long = pairs.reduce((s, p) => s + market.longPercent(p, t, 0), 0) / Math.max(1, pairs.length);
    row[`long_short_ratio_${w}`] = round(long / (100 - long), 4);
  }
  for (const w of LIQ_W) {
    let long = 0;
    let short = 0;
    const byPair = injected.get(w) as Injected;
    for (const p of pairs) {
      const v = liqWindow(market, byPair, p, now, ms(w));
      long += v.long;
      short += v.short;
    }
    row[`liquidation_usd_${w}`] = usd(long) + usd(short);
    row[`long_liquidation_usd_${w}`] = usd(long);
    row[`short_liquidation_usd_${w}`] = usd(short);
  }
  return row;
}

function pairMarketRow(
  ctx: RouteContext,
  p: ModelPair,
  injected: Map<string, { long: number; short: number }>,
) {
  const { market, now } = ctx;
  const price = market.pairPrice(p, now);
  const vol = market.volume24h(p, now);
  const vol24ago = market.volume24h(p, now - DAY);
  const buy = market.takerBuyShare(p, now);
  const oi = market.oiUsd(p, now);
  const liq = liqWindow(market, injected, p, now, DAY);
  const row: Record<string, number | string> = {
    instrument_id: p.instrumentId,
    exchange_name: p.exchange,
    symbol: `${p.coin}/${p.quote}`,
    current_price: px(price),
    index_price: px(price * (1 - 0.0002 * (hash01(p.key, 5, Math.floor(now / 60_000)) - 0.5))),
    price_change_percent_24h: change(market.pairPrice(p, now - DAY), price),
    volume_usd: usd(vol),
    volume_usd_change_percent_24h: change(vol24ago, vol),
    long_volume_usd: usd(vol * buy),
    short_volume_usd: usd(vol * (1 - buy)),
    long_volume_quantity: round((vol * buy) / price, 4),
    short_volume_quantity: round((vol * (1 - buy)) / price, 4),
    open_interest_quantity: round(oi / price, 4),
    open_interest_usd: usd(oi),
    open_interest_change_percent_24h: change(market.oiUsd(p, now - DAY), oi),
    long_liquidation_usd_24h: usd(liq.long),
    short_liquidation_usd_24h: usd(liq.short),
    funding_rate: market.funding(p, now),
  };
  // The reference says next_funding_time may be absent on some rows: HTX rows leave it out.
  if (p.exchange !== "HTX") row.next_funding_time = nextFunding(p, now);
  row.open_interest_volume_radio = round(oi / vol, 4);
  row.oi_vol_ratio_change_percent_24h = change(market.oiUsd(p, now - DAY) / vol24ago, oi / vol);
  return row;
}

export function registerMarkets(table: RouteTable): void {
  addRoutes(table, "hobbyist", {
    "futures/supported-coins": (ctx) => ctx.market.coins.map((c) => c.symbol),
    "futures/supported-exchanges": () => SUPPORTED_EXCHANGES,
    "futures/supported-exchange-pairs": (ctx) => {
      const only = ctx.q.get("exchange");
      const out: Record<string, unknown[]> = {};
      for (const ex of ctx.market.exchanges) {
        if (only && only !== ex) continue;
        out[ex] = ctx.market.pairsOf(ex).map((p) => ({
          instrument_id: p.instrumentId,
          base_asset: p.coin,
          quote_asset: p.quote,
          settlement_currency: p.quote,
          max_leverage: p.maxLeverage,
          funding_interval: p.fundingHours,
          price_tick_size: p.tickSize,
        }));
      }
      return out;
    },
    "futures/pairs-markets": (ctx) => {
      const coin = coinParam(ctx);
      const injected = injectedByPair(ctx.events, ctx.wall - DAY);
      return coin.pairs.map((p) => pairMarketRow(ctx, p, injected));
    },
    "futures/price/history": (ctx) => {
      const p = pairParam(ctx);
      const iv = intervalParam(ctx);
      const f = (t: number) => ctx.market.pairPrice(p, t);
      return candleGrid(iv, ctx.now, gridParams(ctx)).map((t) => {
        const [o, h, l, c] = ohlc(f, t, iv, ctx.now, p.key, 0.3);
        const frac = Math.min(iv, ctx.now - t) / DAY;
        const v = ctx.market.volume24h(p, t) * frac * (0.5 + hash01(p.key, 6, t / 60_000));
        return {
          time: t,
          open: String(px(o)),
          high: String(px(h)),
          low: String(px(l)),
          close: String(px(c)),
          volume_usd: String(usd(v)),
        };
      });
    },
    "futures/exchange-rank": (ctx) => {
      const injected = injectedByPair(ctx.events, ctx.wall - DAY);
      return ctx.market.exchanges.map((ex) => {
        let oi = 0;
        let vol = 0;
        let liq = 0;
        for (const p of ctx.market.pairsOf(ex)) {
          oi += ctx.market.oiUsd(p, ctx.now);
          vol += ctx.market.volume24h(p, ctx.now);
          const l = liqWindow(ctx.market, injected, p, ctx.now, DAY);
          liq += l.long + l.short;
        }
        return {
          exchange: ex,
          open_interest_usd: usd(oi),
          volume_usd: usd(vol),
          liquidation_usd_24h: usd(liq),
        };
      });
    },
    "user/account/subscription": (ctx) => ({
      level: ctx.plan.toUpperCase(),
      expire_time: ctx.now + 365 * DAY,
      expired: false,
    }),
  });
  addRoutes(table, "standard", {
    "futures/coins-markets": (ctx) => {
      const only = exchangeListParam(ctx, false);
      const perPage = intParam(ctx, "per_page", 10, 1000);
      const page = intParam(ctx, "page", 1, 1_000_000);
      const symbol = ctx.q.get("symbol");
      const coins = symbol ? ctx.market.coins.filter((c) => c.symbol === symbol) : ctx.market.coins;
      const injected = injectedWindows(ctx);
      return coins
        .slice((page - 1) * perPage, page * perPage)
        .map((c) => coinMarketRow(ctx, c, only, injected));
    },
    "futures/coins-price-change": (ctx) =>
      ctx.market.coins.map((coin) => {
        const f = (t: number) => ctx.market.price(coin, t);
        const price = f(ctx.now);
        const row: Record<string, number | string> = { symbol: coin.symbol, current_price: px(price) };
        for (const w of PRICE_W) row[`price_change_percent_${w}`] = change(f(ctx.now - ms(w)), price);
        for (const w of PRICE_W) {
          const [, h, l] = ohlc(f, ctx.now - ms(w), ms(w), ctx.now, coin.key, 0.2);
          row[`price_amplitude_percent_${w}`] = pct(((h - l) / l) * 100);
        }
        return row;
      }),
  });
}
