/**
 * Figures a test sets by hand on top of the seeded model: a coin's price and open interest, one
 * exchange's funding, a coin's long/short ratio. Price and OI are steps in time — from the moment
 * they are set the model's value is scaled to the level asked, and history before stays as it was
 * — so the rolling changes (price 5m…24h, OI 1h…24h) see the jump, as they would a real move.
 */
import type { Market, ModelCoin, ModelPair } from "./market.js";

interface Step {
  at: number;
  factor: number;
}

export interface OverrideControl {
  /** Scales the coin's price from `at` on so that it is `price` at `at`. */
  setPrice(coin: ModelCoin, price: number, at: number): void;
  /** Scales the coin's open interest (or one exchange's) from `at` on so that it is `usd` at `at`. */
  setOpenInterest(coin: ModelCoin, usd: number, at: number, exchange?: string): void;
  /** Funding in percent per interval (CoinGlass units) on the coin's pairs of one exchange, or all. */
  setFunding(coin: ModelCoin, ratePct: number, exchange?: string): void;
  /** Holds the coin's global long/short account ratio at `ratio` (every window). */
  setLongShortRatio(coin: ModelCoin, ratio: number): void;
  clear(): void;
  /** +1 on every change (the REST answer cache follows it). */
  version(): number;
}

const factorAt = (steps: Step[] | undefined, t: number): number => {
  if (!steps) return 1;
  let f = 1;
  for (const s of steps) if (s.at <= t) f = s.factor;
  return f;
};

/** Adds a step at `at` (replacing one at the same instant), keeping steps in time order. */
function addStep(map: Map<string, Step[]>, key: string, at: number, factor: number): void {
  const steps = (map.get(key) ?? []).filter((s) => s.at !== at);
  steps.push({ at, factor });
  steps.sort((a, b) => a.at - b.at);
  map.set(key, steps);
}

/** The market with overrides applied, and the handle that sets them. */
export function withOverrides(base: Market): { market: Market; overrides: OverrideControl } {
  const priceSteps = new Map<string, Step[]>();
  const oiSteps = new Map<string, Step[]>();
  const funding = new Map<string, number>();
  const longPct = new Map<string, number>();
  let version = 0;

  const price = (coin: ModelCoin, t: number) =>
    base.price(coin, t) * factorAt(priceSteps.get(coin.symbol), t);
  const oiUsd = (p: ModelPair, t: number) =>
    base.oiUsd(p, t) * factorAt(oiSteps.get(p.coin), t) * factorAt(oiSteps.get(`${p.coin}|${p.exchange}`), t);

  const market: Market = {
    ...base,
    price,
    pairPrice: (p, t) => base.pairPrice(p, t) * factorAt(priceSteps.get(p.coin), t),
    oiUsd,
    coinOiUsd: (coin, t, only) => {
      let sum = 0;
      for (const p of coin.pairs) if (!only || only.has(p.exchange)) sum += oiUsd(p, t);
      return sum;
    },
    funding: (p, t, token) => funding.get(`${p.coin}|${p.exchange}`) ?? base.funding(p, t, token),
    longPercent: (p, t, kind) =>
      (kind === 0 ? longPct.get(p.coin) : undefined) ?? base.longPercent(p, t, kind),
  };

  const overrides: OverrideControl = {
    setPrice(coin, value, at) {
      version++;
      addStep(priceSteps, coin.symbol, at, 1);
      addStep(priceSteps, coin.symbol, at, value / base.price(coin, at));
    },
    setOpenInterest(coin, usd, at, exchange) {
      version++;
      const key = exchange ? `${coin.symbol}|${exchange}` : coin.symbol;
      const pairs = coin.pairs.filter((p) => !exchange || p.exchange === exchange);
      if (pairs.length === 0) throw new Error(`${coin.symbol} is not listed on ${exchange}`);
      // The current total without this key's own step, so the new factor lands exactly on `usd`.
      addStep(oiSteps, key, at, 1);
      const now = pairs.reduce((s, p) => s + oiUsd(p, at), 0);
      addStep(oiSteps, key, at, usd / now);
    },
    setFunding(coin, ratePct, exchange) {
      version++;
      const pairs = coin.pairs.filter((p) => !exchange || p.exchange === exchange);
      if (pairs.length === 0) throw new Error(`${coin.symbol} is not listed on ${exchange}`);
      for (const p of pairs) funding.set(`${p.coin}|${p.exchange}`, ratePct);
    },
    setLongShortRatio(coin, ratio) {
      version++;
      longPct.set(coin.symbol, (100 * ratio) / (1 + ratio));
    },
    clear() {
      version++;
      priceSteps.clear();
      oiSteps.clear();
      funding.clear();
      longPct.clear();
    },
    version: () => version,
  };
  return { market, overrides };
}
