/**
 * Exchange balances on chain (coinglass-api-more.md §6.1): per coin and exchange, a slow drift
 * from a base share of the coin's supply, plus the net of whale transfers injected through the
 * control API — so a transfer into an exchange shows in its balance and its 1-day change.
 */
import type { ModelCoin } from "../model/market.js";
import { DAY_MS } from "../model/market.js";
import { round, valueNoise } from "../model/prng.js";
import { addRoutes, type RouteContext, type RouteTable } from "./context.js";
import { coinParam } from "./params.js";

/** Custodial exchanges with their share of the coin's exchange-held supply. */
const CUSTODIANS: ReadonlyArray<[string, number]> = [
  ["Coinbase", 0.3],
  ["Binance", 0.25],
  ["Bitfinex", 0.12],
  ["OKX", 0.1],
  ["Kraken", 0.08],
  ["Bybit", 0.07],
  ["Gemini", 0.05],
  ["Bitget", 0.03],
];
/** Coins held on exchanges, in units, at the model's reference price ≈ 12 % of market cap. */
const heldUnits = (coin: ModelCoin) => (coin.capB * 1e9 * 0.12) / coin.price;

function balanceAt(coin: ModelCoin, i: number, share: number, t: number): number {
  return heldUnits(coin) * share * (1 + 0.04 * valueNoise(coin.key, 300 + i, t / (20 * DAY_MS)));
}

export function registerOnchain(table: RouteTable): void {
  addRoutes(table, "hobbyist", {
    "exchange/balance/list": (ctx: RouteContext) => {
      const coin = coinParam(ctx);
      const { now, events } = ctx;
      const injected = (exchange: string, since: number) =>
        events
          .transfers()
          .filter((x) => x.symbol === coin.symbol && x.time >= since && x.time <= ctx.wall)
          .reduce(
            (s, x) => s + (x.to === exchange ? x.quantity : 0) - (x.from === exchange ? x.quantity : 0),
            0,
          );
      return CUSTODIANS.map(([name, share], i) => {
        const all = injected(name, 0);
        const bal = balanceAt(coin, i, share, now) + all;
        const row: Record<string, number | string> = { exchange_name: name, total_balance: round(bal, 6) };
        for (const [w, ms] of [
          ["1d", DAY_MS],
          ["7d", 7 * DAY_MS],
          ["30d", 30 * DAY_MS],
        ] as const) {
          const before = balanceAt(coin, i, share, now - ms) + all - injected(name, ctx.wall - ms);
          row[`balance_change_${w}`] = round(bal - before, 6);
          row[`balance_change_percent_${w}`] = round((bal / before - 1) * 100, 2);
        }
        return row;
      }).sort((a, b) => (b.total_balance as number) - (a.total_balance as number));
    },
  });
}
