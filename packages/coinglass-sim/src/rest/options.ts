/**
 * Options (coinglass-api-more.md §2), BTC and ETH. Each expiry has open interest per strike on a
 * grid around the model price; max pain is computed the way it is defined — the strike where
 * option holders would be paid least at expiry — so it always lies inside the strike range.
 */
import { DAY_MS, type Market, type ModelCoin } from "../model/market.js";
import { hash01, round, valueNoise } from "../model/prng.js";
import { candleGrid } from "../model/series.js";
import { addRoutes, type RouteContext, type RouteTable } from "./context.js";
import { enumParam, invalid, required } from "./params.js";

const OPTION_COINS = ["BTC", "ETH"];
/** Venues with their share of options open interest (Deribit dominates, as in the docs' example). */
const VENUES: ReadonlyArray<[string, number]> = [
  ["Deribit", 0.72],
  ["OKX", 0.1],
  ["Binance", 0.08],
  ["Bybit", 0.06],
  ["CME", 0.04],
];
/** Options open interest in coins at the model's reference, per coin. */
const OI_COINS: Record<string, number> = { BTC: 360_000, ETH: 2_900_000 };

function optionCoin(ctx: RouteContext): ModelCoin {
  const s = required(ctx, "symbol");
  if (!OPTION_COINS.includes(s)) invalid("symbol");
  return ctx.market.coin(s) as ModelCoin;
}

/** Upcoming expiries: the next 3 days, the next 4 Fridays, the last Fridays of the next 3 months. */
function expiries(now: number): number[] {
  const today = Math.floor(now / DAY_MS) * DAY_MS;
  const out = new Set<number>();
  for (let d = 1; d <= 3; d++) out.add(today + d * DAY_MS);
  for (let d = 1; out.size < 7 && d < 40; d++) {
    if (new Date(today + d * DAY_MS).getUTCDay() === 5) out.add(today + d * DAY_MS);
  }
  for (let m = 1; m <= 3; m++) {
    const t = new Date(today);
    const lastDay = Date.UTC(t.getUTCFullYear(), t.getUTCMonth() + m + 1, 0);
    let d = lastDay;
    while (new Date(d).getUTCDay() !== 5) d -= DAY_MS;
    out.add(d);
  }
  return [...out].sort((a, b) => a - b);
}

const yymmdd = (t: number) => new Date(t).toISOString().slice(2, 10).replaceAll("-", "");

/** Strike step: about 1 % of the price, on a round number. */
function strikeStep(price: number): number {
  const raw = price * 0.01;
  const mag = 10 ** Math.floor(Math.log10(raw));
  return [1, 2, 2.5, 5, 10].map((k) => k * mag).find((s) => s >= raw) ?? 10 * mag;
}

function expiryBook(market: Market, coin: ModelCoin, exchange: string, expiry: number, now: number) {
  const price = market.price(coin, now);
  const step = strikeStep(price);
  const center = Math.round(price / step) * step;
  const share = VENUES.find(([v]) => v === exchange)?.[1] ?? 0.05;
  const horizon = Math.max(1, (expiry - now) / DAY_MS);
  const size = (OI_COINS[coin.symbol] ?? 100_000) * share * Math.min(0.3, 0.02 * Math.sqrt(horizon));
  // A seed-and-expiry dependent skew: where holders cluster relative to the price.
  const skew = valueNoise(coin.key, 71, expiry / (7 * DAY_MS)) * 0.06;
  const strikes: Array<{ k: number; call: number; put: number }> = [];
  for (let i = -25; i <= 25; i++) {
    const k = center + i * step;
    if (k <= 0) continue;
    const x = (k / price - 1 - skew) / 0.08;
    const bell = Math.exp(-x * x);
    const jitter = 0.6 + 0.8 * hash01(coin.key, expiry / DAY_MS, i + 100);
    strikes.push({
      k,
      call: (size / 30) * bell * jitter * (k >= price ? 1.3 : 0.7),
      put: (size / 30) * bell * (1.6 - jitter) * (k <= price ? 1.3 : 0.7),
    });
  }
  // Max pain: the settlement strike that minimises what all calls and puts pay out.
  let best = strikes[0]?.k ?? center;
  let least = Number.POSITIVE_INFINITY;
  for (const s of strikes) {
    let pay = 0;
    for (const o of strikes) pay += o.call * Math.max(0, s.k - o.k) + o.put * Math.max(0, o.k - s.k);
    if (pay < least) {
      least = pay;
      best = s.k;
    }
  }
  const callOi = strikes.reduce((a, s) => a + s.call, 0);
  const putOi = strikes.reduce((a, s) => a + s.put, 0);
  return {
    date: yymmdd(expiry),
    call_open_interest_market_value: round(callOi * price * 0.03, 2),
    put_open_interest: round(putOi, 1),
    put_open_interest_market_value: round(putOi * price * 0.025, 2),
    max_pain_price: String(best),
    call_open_interest: round(callOi, 1),
    call_open_interest_notional: round(callOi * price, 2),
    put_open_interest_notional: round(putOi * price, 2),
  };
}

/** Options OI of one venue in coins at t: its share of the coin's total, drifting slowly. */
function venueOi(coin: ModelCoin, venue: number, share: number, t: number): number {
  return (
    (OI_COINS[coin.symbol] ?? 0) * share * (1 + 0.08 * valueNoise(coin.key, 80 + venue, t / (3 * DAY_MS)))
  );
}

function chart(ctx: RouteContext, volume: boolean) {
  const coin = optionCoin(ctx);
  const unit = required(ctx, "unit").toUpperCase();
  if (unit !== "USD" && unit !== coin.symbol) invalid("unit");
  const range = volume ? "4h" : enumParam(ctx, "range", ["1h", "4h", "12h", "all"] as const);
  const step = { "1h": 3600_000, "4h": 4 * 3600_000, "12h": 12 * 3600_000, all: DAY_MS }[range];
  const grid = candleGrid(step, ctx.now, { limit: 200 });
  const data_map: Record<string, number[]> = {};
  VENUES.forEach(([name, share], i) => {
    data_map[name.toLowerCase()] = grid.map((t) => {
      const oi = venueOi(coin, i, share, t) * (volume ? 0.08 : 1);
      return round(unit === "USD" ? oi * ctx.market.price(coin, t) : oi, 5);
    });
  });
  return [{ time_list: grid, price_list: grid.map((t) => round(ctx.market.price(coin, t), 2)), data_map }];
}

export function registerOptions(table: RouteTable): void {
  addRoutes(table, "hobbyist", {
    "option/info": (ctx) => {
      const coin = optionCoin(ctx);
      const { now, market } = ctx;
      const price = market.price(coin, now);
      const rows = VENUES.map(([name, share], i) => {
        const oi = venueOi(coin, i, share, now);
        const before = venueOi(coin, i, share, now - DAY_MS);
        const vol = oi * price * (0.07 + 0.03 * valueNoise(coin.key, 90 + i, now / DAY_MS));
        const volBefore = oi * price * (0.07 + 0.03 * valueNoise(coin.key, 90 + i, (now - DAY_MS) / DAY_MS));
        return {
          exchange_name: name,
          open_interest: round(oi, 2),
          open_interest_change_24h: round((oi / before - 1) * 100, 2),
          open_interest_usd: oi * price,
          volume_usd_24h: vol,
          // Left out for Deribit, as in the documented example.
          ...(name === "Deribit" ? {} : { volume_change_percent_24h: round((vol / volBefore - 1) * 100, 1) }),
        };
      });
      const oi = rows.reduce((s, r) => s + r.open_interest, 0);
      const withShare = rows.map((r) => ({ ...r, oi_market_share: round((r.open_interest / oi) * 100, 2) }));
      const oiBefore = VENUES.reduce((s, [, share], i) => s + venueOi(coin, i, share, now - DAY_MS), 0);
      const vol = rows.reduce((s, r) => s + r.volume_usd_24h, 0);
      return [
        {
          exchange_name: "All",
          open_interest: round(oi, 2),
          oi_market_share: 100,
          open_interest_change_24h: round((oi / oiBefore - 1) * 100, 2),
          open_interest_usd: oi * price,
          volume_usd_24h: vol,
          volume_change_percent_24h: round(valueNoise(coin.key, 99, now / DAY_MS) * 40, 1),
        },
        ...withShare.sort((a, b) => b.open_interest - a.open_interest),
      ];
    },
    "option/max-pain": (ctx) => {
      const coin = optionCoin(ctx);
      const exchange = required(ctx, "exchange");
      if (!VENUES.some(([v]) => v === exchange) || exchange === "CME") invalid("exchange");
      return expiries(ctx.now).map((e) => expiryBook(ctx.market, coin, exchange, e, ctx.now));
    },
    "option/exchange-oi-history": (ctx) => chart(ctx, false),
    "option/exchange-vol-history": (ctx) => chart(ctx, true),
  });
}
