/**
 * Exchange balances on chain (coinglass-api-more.md §6.1): per coin and exchange, a slow drift
 * from a base share of the coin's supply, plus the net of whale transfers injected through the
 * control API — so a transfer into an exchange shows in its balance and its 1-day change. Whale
 * transfers (§6.5, Startup+) are the injected ones plus a seeded trickle of ≥ $10M moves.
 */
import type { ModelCoin } from "../model/market.js";
import { DAY_MS } from "../model/market.js";
import { hash01, round, valueNoise } from "../model/prng.js";
import { addRoutes, type RouteContext, type RouteTable } from "./context.js";
import { coinParam, optionalCoin, timeParam } from "./params.js";

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

const CHAINS: Record<string, string> = {
  BTC: "bitcoin",
  ETH: "ethereum",
  XRP: "ripple",
  SOL: "solana",
  DOGE: "dogecoin",
  LTC: "litecoin",
  TRX: "tron",
  BCH: "bitcoin cash",
};
const LABELS = ["unknown wallet", "unknown wallet", "Binance", "Coinbase", "OKX", "Kraken", "Bitfinex"];
const HOUR = 3_600_000;

/** Seeded whale moves: about one an hour across the chains' native coins, $10M–$150M. */
function modelTransfers(ctx: RouteContext, from: number, to: number) {
  const coins = Object.keys(CHAINS).flatMap((s) => ctx.market.coin(s) ?? []);
  const out = [];
  for (let h = Math.floor(from / HOUR); h * HOUR <= to; h++) {
    if (hash01(ctx.market.seed, h, 700) < 0.3) continue;
    const coin = coins[Math.floor(hash01(ctx.market.seed, h, 701) * coins.length)] as ModelCoin;
    const t = h * HOUR + Math.floor(hash01(ctx.market.seed, h, 702) * HOUR);
    if (t < from || t > to || t > ctx.now) continue;
    const usd = 10e6 + hash01(ctx.market.seed, h, 703) * 140e6;
    const fromLabel = LABELS[Math.floor(hash01(ctx.market.seed, h, 704) * LABELS.length)] as string;
    const pick = LABELS[Math.floor(hash01(ctx.market.seed, h, 705) * LABELS.length)] as string;
    // An exchange does not send to itself here: such a move would be an internal one.
    const toLabel = pick === fromLabel ? "unknown wallet" : pick;
    out.push({
      coin,
      usd,
      from: fromLabel,
      to: toLabel,
      time: t,
      hash: `m${h.toString(16)}${coin.key.toString(16)}`,
    });
  }
  return out;
}

export function registerWhaleTransfers(table: RouteTable): void {
  table.set("/api/chain/v2/whale-transfer", {
    minPlan: "startup",
    cache: true,
    noMsg: true,
    handler: (ctx: RouteContext) => {
      const only = optionalCoin(ctx);
      const from = timeParam(ctx, "start_time") ?? ctx.now - 7 * DAY_MS;
      const to = timeParam(ctx, "end_time") ?? ctx.wall;
      const injected = ctx.events.transfers().flatMap((x) => {
        const coin = ctx.market.coin(x.symbol);
        return coin && x.usd >= 10e6
          ? [{ coin, usd: x.usd, from: x.from, to: x.to, time: x.time, hash: x.hash }]
          : [];
      });
      return [...modelTransfers(ctx, from, to), ...injected]
        .filter((x) => (!only || x.coin.symbol === only.symbol) && x.time >= from && x.time <= to)
        .sort((a, b) => b.time - a.time)
        .map((x) => {
          const price = ctx.market.price(x.coin, Math.min(x.time, ctx.now));
          return {
            transaction_hash: x.hash,
            // Numeric strings and second timestamps, as documented.
            amount_usd: String(round(x.usd, 6)),
            asset_quantity: String(round(x.usd / price, 8)),
            asset_symbol: x.coin.symbol,
            from: x.from,
            to: x.to,
            blockchain_name: CHAINS[x.coin.symbol] ?? "ethereum",
            block_height: Math.floor(x.time / 12_000),
            block_timestamp: Math.floor(x.time / 1000),
          };
        });
    },
  });
}
