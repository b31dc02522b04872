/**
 * Funding-rate arbitrage and accumulated funding (coinglass-api-more.md §5), from the same
 * per-pair funding the exchange-list serves: the arbitrage legs are each coin's lowest and
 * highest rate, so the two endpoints always agree.
 */
import { nextFunding } from "../model/aggregates.js";
import { HOUR_MS, type ModelPair } from "../model/market.js";
import { round } from "../model/prng.js";
import { addRoutes, type RouteContext, type RouteTable } from "./context.js";
import { enumParam, exchangeListParam, invalid, required } from "./params.js";

/** Taker fee per leg, percent (a flat 0.05 % each side, as most venues charge). */
const FEE_PER_LEG_PCT = 0.05;
/** The arbitrage doc spells Gate as "Gate.io" (§5.1); the other endpoints say "Gate". */
const arbName = (exchange: string) => (exchange === "Gate" ? "Gate.io" : exchange);

const perHour = (ctx: RouteContext, p: ModelPair) => ctx.market.funding(p, ctx.now) / p.fundingHours;

function leg(ctx: RouteContext, p: ModelPair) {
  return {
    exchange: arbName(p.exchange),
    open_interest_usd: round(ctx.market.oiUsd(p, ctx.now), 4),
    funding_rate_interval: p.fundingHours,
    funding_rate: round(ctx.market.funding(p, ctx.now), 6),
  };
}

const RANGE_HOURS = { "1d": 24, "7d": 168, "30d": 720, "365d": 8760 } as const;
/** Samples per range when summing funding (the sum is an estimate of the integral). */
const SAMPLES = 48;

export function registerArbitrage(table: RouteTable): void {
  addRoutes(table, "startup", {
    "futures/funding-rate/arbitrage": (ctx) => {
      const usd = Number(required(ctx, "usd"));
      if (!Number.isInteger(usd) || usd <= 0) invalid("usd");
      const only = exchangeListParam(ctx, false);
      return ctx.market.coins
        .flatMap((coin) => {
          const pairs = coin.pairs.filter((p) => !only || only.has(p.exchange));
          if (pairs.length < 2) return [];
          const sorted = [...pairs].sort((a, b) => perHour(ctx, a) - perHour(ctx, b));
          const buy = sorted[0] as ModelPair;
          const sell = sorted[sorted.length - 1] as ModelPair;
          const diffPerHour = perHour(ctx, sell) - perHour(ctx, buy);
          const buyPrice = ctx.market.pairPrice(buy, ctx.now);
          return [
            {
              symbol: coin.symbol,
              buy: leg(ctx, buy),
              sell: leg(ctx, sell),
              apr: round(diffPerHour * 24 * 365, 2),
              funding: round(ctx.market.funding(sell, ctx.now) - ctx.market.funding(buy, ctx.now), 6),
              fee: FEE_PER_LEG_PCT * 2,
              spread: round(((ctx.market.pairPrice(sell, ctx.now) - buyPrice) / buyPrice) * 100, 4),
              next_funding_time: Math.min(nextFunding(buy, ctx.now), nextFunding(sell, ctx.now)),
            },
          ];
        })
        .sort((a, b) => b.apr - a.apr);
    },
  });
  addRoutes(table, "hobbyist", {
    "futures/funding-rate/accumulated-exchange-list": (ctx) => {
      const range = enumParam(ctx, "range", ["1d", "7d", "30d", "365d"] as const);
      const hours = RANGE_HOURS[range];
      const sum = (p: ModelPair, token: boolean) => {
        let s = 0;
        for (let i = 0; i < SAMPLES; i++)
          s += ctx.market.funding(p, ctx.now - ((i + 0.5) / SAMPLES) * hours * HOUR_MS, token);
        return round((s / SAMPLES) * (hours / p.fundingHours), 8);
      };
      return ctx.market.coins.map((coin) => ({
        symbol: coin.symbol,
        stablecoin_margin_list: coin.pairs.map((p) => ({
          exchange: p.exchange.toUpperCase(),
          funding_rate: sum(p, false),
        })),
        token_margin_list: coin.pairs
          .filter((p) => ["Binance", "OKX", "Bybit"].includes(p.exchange) && coin.rank < 15)
          .map((p) => ({ exchange: p.exchange.toUpperCase(), funding_rate: sum(p, true) })),
      }));
    },
  });
}
