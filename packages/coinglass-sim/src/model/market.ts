/**
 * The deterministic market model. Every figure is a pure function of (seed, instrument, time):
 * prices are fractal noise in log space (a random walk across time scales), open interest,
 * funding, ratios and flows are slower noises around realistic levels. Pure functions of time make
 * history end exactly at the current value and make two requests (or two simulators) agree.
 */
import { COINS, type CoinSpec, EXCHANGES, PAIRS, type PairSpec } from "./catalog.js";
import { fractal, hash01, hashString, valueNoise } from "./prng.js";

const S = 1000;
const M = 60 * S;
const H = 60 * M;
const D = 24 * H;
export const HOUR_MS = H;
export const DAY_MS = D;

const PRICE_PERIODS = [10 * S, M, 5 * M, 30 * M, 2 * H, 8 * H, D, 4 * D, 16 * D, 64 * D];
const SLOW_PERIODS = [30 * M, 4 * H, D, 8 * D];

/** A pair with the seed-derived constants the model needs. */
export interface ModelPair extends PairSpec {
  key: number;
  /** Share of the coin's OI and volume on this pair. */
  share: number;
  /** Price premium over the reference (Binance) price, as a fraction. */
  basis: number;
}

export interface ModelCoin extends CoinSpec {
  key: number;
  rank: number;
  priceAmps: number[];
  pairs: ModelPair[];
}

export interface Market {
  seed: number;
  coins: ModelCoin[];
  coin(symbol: string): ModelCoin | undefined;
  /** The pair `instrumentId` on `exchange`, if listed. */
  pair(exchange: string, instrumentId: string): ModelPair | undefined;
  pairsOf(exchange: string): ModelPair[];
  exchanges: string[];
  /** Reference (coin) price: equals the Binance pair price. */
  price(coin: ModelCoin, t: number): number;
  pairPrice(p: ModelPair, t: number): number;
  oiUsd(p: ModelPair, t: number): number;
  coinOiUsd(coin: ModelCoin, t: number, only?: Set<string>): number;
  /** 24h traded volume in USD ending at t. */
  volume24h(p: ModelPair, t: number): number;
  /** Funding rate in percent per interval (CoinGlass units). */
  funding(p: ModelPair, t: number, tokenMargin?: boolean): number;
  /** Long share in percent for kind 0 global accounts, 1 top accounts, 2 top positions. */
  longPercent(p: ModelPair, t: number, kind: 0 | 1 | 2): number;
  /** Taker buy share of volume (fraction) around t. */
  takerBuyShare(p: ModelPair, t: number): number;
  /** Baseline liquidations (USD) in hour bucket `h` (epoch hours). */
  liqHour(p: ModelPair, h: number): { long: number; short: number };
  /** Baseline liquidations summed over [from, to). */
  liqRange(p: ModelPair, from: number, to: number): { long: number; short: number };
}

export function createMarket(seed: number): Market {
  const byPair = new Map<string, ModelPair>();
  const byExchange = new Map<string, ModelPair[]>();
  const coins: ModelCoin[] = COINS.map((spec, rank) => ({
    ...spec,
    rank,
    key: hashString(`${seed}:coin:${spec.symbol}`),
    priceAmps: PRICE_PERIODS.map((p) => spec.vol * Math.sqrt(p / D) * 0.8),
    pairs: [],
  }));
  const coinMap = new Map(coins.map((c) => [c.symbol, c]));
  const weights = new Map(EXCHANGES.map((e) => [e.name, e.weight]));
  for (const spec of PAIRS) {
    const coin = coinMap.get(spec.coin) as ModelCoin;
    const key = hashString(`${seed}:pair:${spec.exchange}:${spec.instrumentId}`);
    const jitter = 0.6 + 0.8 * hash01(key, 1, 0);
    const basis = spec.exchange === "Binance" ? 0 : (hash01(key, 2, 0) - 0.5) * 0.0008;
    const mp: ModelPair = { ...spec, key, share: (weights.get(spec.exchange) ?? 0.05) * jitter, basis };
    coin.pairs.push(mp);
    byPair.set(`${spec.exchange}|${spec.instrumentId}`, mp);
    const list = byExchange.get(spec.exchange) ?? [];
    list.push(mp);
    byExchange.set(spec.exchange, list);
  }
  // Normalise shares so a coin's pairs add up to its totals.
  for (const coin of coins) {
    const total = coin.pairs.reduce((s, p) => s + p.share, 0);
    for (const p of coin.pairs) p.share /= total;
  }
  const coinOf = (p: ModelPair) => coinMap.get(p.coin) as ModelCoin;

  const price = (coin: ModelCoin, t: number) =>
    coin.price * Math.exp(fractal(coin.key, t, PRICE_PERIODS, coin.priceAmps));
  const slow = (key: number, salt: number, t: number) =>
    fractal(key + salt, t, SLOW_PERIODS, [0.15, 0.3, 0.45, 0.6]) / 1.5;
  const oiUsd = (p: ModelPair, t: number) =>
    coinOf(p).oiB * 1e9 * p.share * Math.exp(0.12 * slow(p.key, 11, t));
  const liqHour = (p: ModelPair, h: number) => {
    const c = coinOf(p);
    const mean = (c.oiB * 1e9 * p.share * 0.004) / 24;
    const u1 = hash01(p.key, 21, h);
    const spike = hash01(p.key, 22, h) < 0.05 ? 4 : 1;
    const amount = mean * (0.3 + 1.4 * u1) * spike;
    const longFrac = 0.1 + 0.8 * hash01(p.key, 23, h);
    return { long: amount * longFrac, short: amount * (1 - longFrac) };
  };

  return {
    seed,
    coins,
    exchanges: EXCHANGES.map((e) => e.name),
    coin: (symbol) => coinMap.get(symbol),
    pair: (exchange, id) => byPair.get(`${exchange}|${id}`),
    pairsOf: (exchange) => byExchange.get(exchange) ?? [],
    price,
    // Binance is the reference venue: its pair price is exactly the coin price.
    pairPrice: (p, t) =>
      p.exchange === "Binance"
        ? price(coinOf(p), t)
        : price(coinOf(p), t) * (1 + p.basis + 0.00005 * valueNoise(p.key, 3, t / (30 * S))),
    oiUsd,
    coinOiUsd: (coin, t, only) => {
      let sum = 0;
      for (const p of coin.pairs) if (!only || only.has(p.exchange)) sum += oiUsd(p, t);
      return sum;
    },
    volume24h: (p, t) => coinOf(p).volB * 1e9 * p.share * (1 + 0.35 * slow(p.key, 31, t)),
    funding: (p, t, token = false) => {
      const base = 0.006 + 0.008 * slow(p.key, token ? 42 : 41, t) + 0.002 * valueNoise(p.key, 43, t / H);
      return Math.round((token ? base - 0.004 : base) * (p.fundingHours / 8) * 1e6) / 1e6;
    },
    longPercent: (p, t, kind) => {
      const bias = kind === 0 ? 58 : kind === 1 ? 55 : 52;
      const v = bias + 14 * slow(p.key, 51 + kind, t);
      return Math.round(Math.min(85, Math.max(15, v)) * 100) / 100;
    },
    takerBuyShare: (p, t) => 0.5 + 0.06 * slow(p.key, 61, t) + 0.02 * valueNoise(p.key, 62, t / (5 * M)),
    liqHour,
    liqRange: (p, from, to) => {
      let long = 0;
      let short = 0;
      for (let h = Math.floor(from / H); h * H < to; h++) {
        const lo = Math.max(from, h * H);
        const hi = Math.min(to, (h + 1) * H);
        if (hi <= lo) continue;
        const f = (hi - lo) / H;
        const v = liqHour(p, h);
        long += v.long * f;
        short += v.short * f;
      }
      return { long, short };
    },
  };
}
