/**
 * Liquidation heatmaps, maps and max pain (coinglass-api-more.md §3): Professional plan only.
 * All come from one model of open leveraged positions (model/liqmap.ts), so the map of a window is
 * the heatmap's last column and max pain is the map's largest level on each side of the price.
 */
import { coinSource, type LevelGrid, levelGrid, pairSource } from "../model/liqmap.js";
import { round, roundSig } from "../model/prng.js";
import { addRoutes, type RouteContext, type RouteTable } from "./context.js";
import { coinParam, enumParam, invalid, pairParam } from "./params.js";

const HEATMAP_RANGE = ["12h", "24h", "3d", "7d", "30d", "90d", "180d", "1y"] as const;
const MAP_RANGE = { "1d": "24h", "7d": "7d", "30d": "30d" } as const;
const MAX_PAIN_RANGE = ["12h", "24h", "48h", "3d", "7d", "14d", "30d"] as const;
/** Coins in the max-pain list (the docs' example: BTC, ETH, SOL, …). */
const MAX_PAIN_COINS = 10;
/** Cells and levels under this share of the largest are left out, as a sparse payload. */
const FLOOR = 0.02;

const str = (x: number) => String(roundSig(x, 7));

function heatmap(grid: LevelGrid, volumeUsd: (t: number) => number) {
  let max = 0;
  for (const col of grid.cells) for (const v of col) max = Math.max(max, v);
  const cells: Array<[number, number, number]> = [];
  grid.cells.forEach((col, x) => {
    col.forEach((v, y) => {
      if (v > 0 && v >= max * FLOOR) cells.push([x, y, round(v, 2)]);
    });
  });
  const stepMs = (grid.times[1] ?? 0) - (grid.times[0] ?? 0);
  return {
    y_axis: grid.yAxis,
    liquidation_leverage_data: cells,
    // [time in seconds, open, high, low, close, volume USD] as numeric strings (§0.2).
    price_candlesticks: grid.times.map((t, i) => {
      const [o, h, l, c] = grid.candles[i] as number[];
      return [
        t / 1000,
        str(o as number),
        str(h as number),
        str(l as number),
        str(c as number),
        round(volumeUsd(t) * (stepMs / 86_400_000), 4).toFixed(4),
      ];
    }),
  };
}

/** `{ data: { "price": [[price, level, leverage | null, null], …] } }` from the last column. */
function levelMap(grid: LevelGrid, withLeverage: boolean) {
  const last = grid.cells.at(-1) ?? new Float64Array();
  const max = Math.max(0, ...last);
  const data: Record<string, Array<[number, number, number | null, null]>> = {};
  grid.yAxis.forEach((price, r) => {
    if ((last[r] ?? 0) <= 0 || (last[r] ?? 0) < max * FLOOR) return;
    data[String(price)] = withLeverage
      ? grid.leverages
          .map(
            (l, b) =>
              [price, round(grid.byLeverage[b]?.[r] ?? 0, 2), l, null] as [number, number, number, null],
          )
          .filter((t) => t[1] > 0)
      : [[price, round(last[r] ?? 0, 2), null, null]];
  });
  return { data };
}

function maxPain(ctx: RouteContext) {
  const range = ctx.q.get("range") || "24h";
  if (!(MAX_PAIN_RANGE as readonly string[]).includes(range)) invalid("range");
  return ctx.market.coins.slice(0, MAX_PAIN_COINS).map((coin) => {
    const grid = levelGrid(coinSource(ctx.market, coin), range, ctx.now);
    const price = ctx.market.price(coin, ctx.now);
    const last = grid.cells.at(-1) ?? new Float64Array();
    const best = (above: boolean) => {
      let at = -1;
      grid.yAxis.forEach((y, r) => {
        if (above === y > price && (at < 0 || (last[r] ?? 0) > (last[at] ?? 0))) at = r;
      });
      return at < 0
        ? { level: 0, price }
        : { level: round(last[at] ?? 0, 2), price: grid.yAxis[at] as number };
    };
    // As in the documented example: the "long" level above the price, the "short" one below.
    const up = best(true);
    const down = best(false);
    return {
      symbol: coin.symbol,
      price: roundSig(price, 7),
      long_max_pain_liq_level: up.level,
      long_max_pain_liq_price: up.price,
      short_max_pain_liq_level: down.level,
      short_max_pain_liq_price: down.price,
    };
  });
}

export function registerLiquidationMaps(table: RouteTable): void {
  const routes: Record<string, (ctx: RouteContext) => unknown> = {
    "futures/liquidation/map": (ctx) => {
      const pair = pairParam(ctx);
      const range = MAP_RANGE[enumParam(ctx, "range", ["1d", "7d", "30d"] as const)];
      return levelMap(levelGrid(pairSource(ctx.market, pair), range, ctx.now), true);
    },
    "futures/liquidation/aggregated-map": (ctx) => {
      const coin = coinParam(ctx);
      const range = MAP_RANGE[enumParam(ctx, "range", ["1d", "7d", "30d"] as const)];
      return levelMap(levelGrid(coinSource(ctx.market, coin), range, ctx.now), false);
    },
  };
  // The docs do not say how models 1, 2 and 3 differ (§12): all three serve the same model here.
  for (const model of ["model1", "model2", "model3"]) {
    routes[`futures/liquidation/heatmap/${model}`] = (ctx) => {
      const pair = pairParam(ctx);
      const src = pairSource(ctx.market, pair);
      return heatmap(levelGrid(src, enumParam(ctx, "range", HEATMAP_RANGE), ctx.now), src.volumeUsd);
    };
    routes[`futures/liquidation/aggregated-heatmap/${model}`] = (ctx) => {
      const src = coinSource(ctx.market, coinParam(ctx));
      return heatmap(levelGrid(src, enumParam(ctx, "range", HEATMAP_RANGE), ctx.now), src.volumeUsd);
    };
  }
  addRoutes(table, "professional", routes);
  // The max-pain example has no `msg` (§0.1).
  table.set("/api/futures/liquidation/max-pain", {
    minPlan: "professional",
    cache: true,
    noMsg: true,
    handler: maxPain,
  });
}
