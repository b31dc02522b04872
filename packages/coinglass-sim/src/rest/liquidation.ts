/** Liquidation endpoints (reference §5). */
import { injectedByPair, liqCandles, liqWindow, usd } from "../model/aggregates.js";
import type { ModelPair } from "../model/market.js";
import { candleGrid } from "../model/series.js";
import { addRoutes, type RouteTable } from "./context.js";
import {
  coinParam,
  enumParam,
  exchangeListParam,
  exchangeParam,
  gridParams,
  intervalParam,
  invalid,
  optionalCoin,
  pairParam,
  required,
  timeParam,
} from "./params.js";

const H = 3600_000;
const RANGES = { "1h": H, "4h": 4 * H, "12h": 12 * H, "24h": 24 * H } as const;

export function registerLiquidation(table: RouteTable): void {
  addRoutes(table, "hobbyist", {
    "futures/liquidation/exchange-list": (ctx) => {
      const range = RANGES[enumParam(ctx, "range", ["1h", "4h", "12h", "24h"] as const)];
      const coin = optionalCoin(ctx);
      const injected = injectedByPair(ctx.events, ctx.wall - range);
      const rows = ctx.market.exchanges.map((exchange) => {
        let long = 0;
        let short = 0;
        for (const p of ctx.market.pairsOf(exchange)) {
          if (coin && p.coin !== coin.symbol) continue;
          const v = liqWindow(ctx.market, injected, p, ctx.now, range);
          long += v.long;
          short += v.short;
        }
        return {
          exchange,
          liquidation_usd: usd(long) + usd(short),
          long_liquidation_usd: usd(long),
          short_liquidation_usd: usd(short),
        };
      });
      const listed = rows
        .filter((r) => r.liquidation_usd > 0)
        .sort((a, b) => b.liquidation_usd - a.liquidation_usd);
      const all = { exchange: "All", liquidation_usd: 0, long_liquidation_usd: 0, short_liquidation_usd: 0 };
      for (const r of listed) {
        all.long_liquidation_usd += r.long_liquidation_usd;
        all.short_liquidation_usd += r.short_liquidation_usd;
        all.liquidation_usd += r.liquidation_usd;
      }
      return [all, ...listed];
    },
    "futures/liquidation/aggregated-history": (ctx) => {
      const only = exchangeListParam(ctx, true);
      const coin = coinParam(ctx);
      const iv = intervalParam(ctx);
      const pairs = coin.pairs.filter((p) => !only || only.has(p.exchange));
      const grid = candleGrid(iv, ctx.now, gridParams(ctx));
      return liqCandles(ctx.market, ctx.events, pairs, grid, iv, ctx.now).map((v, i) => ({
        time: grid[i] as number,
        aggregated_long_liquidation_usd: usd(v.long),
        aggregated_short_liquidation_usd: usd(v.short),
      }));
    },
    "futures/liquidation/history": (ctx) => {
      const p = pairParam(ctx);
      const iv = intervalParam(ctx);
      const grid = candleGrid(iv, ctx.now, gridParams(ctx));
      return liqCandles(ctx.market, ctx.events, [p], grid, iv, ctx.now).map((v, i) => ({
        time: grid[i] as number,
        long_liquidation_usd: String(usd(v.long)),
        short_liquidation_usd: String(usd(v.short)),
      }));
    },
  });
  addRoutes(table, "startup", {
    "futures/liquidation/coin-list": (ctx) => {
      const exchange = exchangeParam(ctx);
      const windows = (["24h", "12h", "4h", "1h"] as const).map((w) => ({
        w,
        ms: RANGES[w],
        injected: injectedByPair(ctx.events, ctx.wall - RANGES[w]),
      }));
      const rows = ctx.market.pairsOf(exchange).map((p: ModelPair) => {
        const row: Record<string, number | string> = { symbol: p.coin };
        for (const { w, ms, injected } of windows) {
          const v = liqWindow(ctx.market, injected, p, ctx.now, ms);
          row[`liquidation_usd_${w}`] = usd(v.long) + usd(v.short);
          row[`long_liquidation_usd_${w}`] = usd(v.long);
          row[`short_liquidation_usd_${w}`] = usd(v.short);
        }
        return row;
      });
      return rows.sort((a, b) => (b.liquidation_usd_24h as number) - (a.liquidation_usd_24h as number));
    },
  });
  // Individual orders change with every event: never served from the per-tick cache.
  addRoutes(
    table,
    "standard",
    {
      "futures/liquidation/order": (ctx) => {
        const exchange = exchangeParam(ctx);
        const coin = coinParam(ctx);
        const min = Number(required(ctx, "min_liquidation_amount"));
        if (!Number.isFinite(min) || min < 0) invalid("min_liquidation_amount");
        const start = timeParam(ctx, "start_time") ?? ctx.wall - 7 * 24 * H;
        const end = timeParam(ctx, "end_time") ?? Number.POSITIVE_INFINITY;
        return ctx.events
          .liquidations(
            (e) =>
              e.exchange === exchange &&
              e.coin === coin.symbol &&
              e.usd >= min &&
              e.time >= start &&
              e.time <= end,
            200,
          )
          .map((e) => ({
            exchange_name: e.exchange.toUpperCase(),
            symbol: e.pair,
            base_asset: e.coin,
            price: e.price,
            usd_value: usd(e.usd),
            side: e.side,
            time: e.time,
          }));
      },
    },
    false,
  );
}
