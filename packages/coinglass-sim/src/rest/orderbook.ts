/** Order-book endpoints: walls, depth history and heatmap snapshots (reference §7.4). */
import { usd } from "../model/aggregates.js";
import type { ModelPair } from "../model/market.js";
import { hash01, round, roundSig } from "../model/prng.js";
import { candleGrid } from "../model/series.js";
import { addRoutes, type RouteContext, type RouteTable } from "./context.js";
import { coinParam, exchangeListParam, gridParams, intervalParam, invalid, pairParam } from "./params.js";

const RANGES = ["0.25", "0.5", "0.75", "1", "2", "3", "5", "10"];
const WALL_SLOTS = 14;

function rangeParam(ctx: RouteContext): number {
  const r = ctx.q.get("range");
  if (r === null || r === "") return 1;
  return RANGES.includes(r) ? Number(r) : invalid("range");
}

/** USD resting within ±range% of the price on one side. */
function depth(ctx: RouteContext, p: ModelPair, t: number, range: number, side: 0 | 1): number {
  const base = ctx.market.oiUsd(p, t) * 0.0015 * Math.sqrt(range);
  return base * (0.7 + 0.6 * hash01(p.key, 70 + side, Math.floor(t / 60_000)));
}

/** The documented wall thresholds: BTC >= $1M, ETH >= $500K, others >= $50K. */
const wallMin = (coin: string) => (coin === "BTC" ? 1e6 : coin === "ETH" ? 5e5 : 5e4);

function walls(ctx: RouteContext, p: ModelPair) {
  const now = ctx.now;
  const price = ctx.market.pairPrice(p, now);
  const out = [];
  for (let s = 0; s < WALL_SLOTS; s++) {
    const life = (5 + 55 * hash01(p.key, 80, s)) * 60_000;
    const offset = hash01(p.key, 81, s) * life;
    const e = Math.floor((now + offset) / life);
    const start = Math.round(e * life - offset);
    const u = (salt: number) => hash01(p.key, salt, s * 7919 + e);
    const ask = u(82) < 0.5;
    const level = roundSig(price * (1 + (ask ? 1 : -1) * (0.003 + 0.04 * u(83))), 6);
    const startUsd = wallMin(p.coin) * (1 + 19 * u(84) ** 2);
    const startQty = startUsd / level;
    const executedFrac = Math.min(0.9, ((now - start) / life) * 0.5 * u(85));
    const currentQty = startQty * (1 - executedFrac);
    out.push({
      id: Math.floor(u(86) * 1e10),
      exchange_name: p.exchange,
      symbol: p.instrumentId,
      base_asset: p.coin,
      quote_asset: p.quote,
      price: level,
      start_time: start,
      start_quantity: round(startQty, 5),
      start_usd_value: usd(startUsd),
      current_quantity: round(currentQty, 5),
      current_usd_value: usd(currentQty * level),
      current_time: now,
      executed_volume: round(startQty - currentQty, 5),
      executed_usd_value: usd((startQty - currentQty) * level),
      trade_count: Math.floor(executedFrac * 40),
      order_side: ask ? 1 : 2,
      order_state: 1,
    });
  }
  return out.sort((a, b) => b.current_usd_value - a.current_usd_value);
}

function heatmapLevels(ctx: RouteContext, p: ModelPair, t: number, side: 0 | 1): [number, number][] {
  const price = ctx.market.pairPrice(p, t);
  const out: [number, number][] = [];
  for (let i = 1; i <= 20; i++) {
    const level = roundSig(price * (1 + (side === 0 ? -1 : 1) * i * 0.001), 6);
    const qty =
      (depth(ctx, p, t, 0.25, side) / price / 10) *
      (0.2 + 1.6 * hash01(p.key, 90 + side, i * 100_003 + t / 60_000));
    out.push([level, round(qty, 4)]);
  }
  return out;
}

export function registerOrderbook(table: RouteTable): void {
  addRoutes(table, "hobbyist", {
    "futures/orderbook/ask-bids-history": (ctx) => {
      const p = pairParam(ctx);
      const iv = intervalParam(ctx);
      const range = rangeParam(ctx);
      return candleGrid(iv, ctx.now, gridParams(ctx)).map((t) => {
        const time = Math.min(t + iv, ctx.now);
        const price = ctx.market.pairPrice(p, time);
        const bids = depth(ctx, p, time, range, 0);
        const asks = depth(ctx, p, time, range, 1);
        return {
          bids_usd: usd(bids),
          bids_quantity: round(bids / price, 4),
          asks_usd: usd(asks),
          asks_quantity: round(asks / price, 4),
          time: t,
        };
      });
    },
    "futures/orderbook/aggregated-ask-bids-history": (ctx) => {
      const only = exchangeListParam(ctx, true);
      const coin = coinParam(ctx);
      const iv = intervalParam(ctx);
      const range = rangeParam(ctx);
      const pairs = coin.pairs.filter((p) => !only || only.has(p.exchange));
      return candleGrid(iv, ctx.now, gridParams(ctx)).map((t) => {
        const time = Math.min(t + iv, ctx.now);
        const price = ctx.market.price(coin, time);
        let bids = 0;
        let asks = 0;
        for (const p of pairs) {
          bids += depth(ctx, p, time, range, 0);
          asks += depth(ctx, p, time, range, 1);
        }
        return {
          aggregated_bids_usd: usd(bids),
          aggregated_bids_quantity: round(bids / price, 5),
          aggregated_asks_usd: usd(asks),
          aggregated_asks_quantity: round(asks / price, 5),
          time: t,
        };
      });
    },
  });
  addRoutes(table, "standard", {
    "futures/orderbook/large-limit-order": (ctx) => walls(ctx, pairParam(ctx)),
    "futures/orderbook/history": (ctx) => {
      const p = pairParam(ctx);
      const iv = intervalParam(ctx, { exclude: ["1w"] });
      return candleGrid(iv, ctx.now, gridParams(ctx, 100, 100)).map((t) => {
        const time = Math.min(t + iv, ctx.now);
        return [Math.floor(t / 1000), heatmapLevels(ctx, p, time, 0), heatmapLevels(ctx, p, time, 1)];
      });
    },
  });
  const heatmap = table.get("/api/futures/orderbook/history");
  if (heatmap) heatmap.successFlag = true;
}
