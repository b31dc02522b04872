import type { NewRule, RuleCondition } from "@teleglas/market-data-core";

/** Synthetic coins C000…C199 at a base price each, and the bench's mix of rule kinds. */
export const COINS = Array.from({ length: 200 }, (_, i) => `C${String(i).padStart(3, "0")}`);
export const EXCHANGES = ["Binance", "OKX", "Bybit"];
export const BASE = { price: 100, move: 0, oi: 0, funding: 0.01, liq: 1e6, ls: 1 };

/** A deterministic pseudo-random in [0, 1). */
export const rand = (seed: number) => {
  const x = Math.sin(seed * 12.9898) * 43_758.5453;
  return x - Math.floor(x);
};

/**
 * Rule `i`: mixed kinds (40 % price, 15 % move, 15 % OI, 10 % funding, 10 % liquidations, 10 %
 * long/short), every level away from the coins' starting values so nothing holds at the start.
 * Wallet rules are left out: user-position is one call per wallet by nature (bounded per round).
 */
export function benchRule(i: number, chatId: number): NewRule {
  const symbol = COINS[i % COINS.length] as string;
  const r = rand(i + 1);
  const side = r < 0.5;
  const k = i % 20;
  const gap = 0.5 + 20 * rand(i + 7); // 0.5 … 20.5 % away
  let condition: RuleCondition;
  if (k < 8) {
    condition = {
      kind: "price",
      symbol,
      op: side ? "above" : "below",
      level: BASE.price * (1 + (side ? gap : -gap) / 100),
    };
  } else if (k < 11) {
    condition = {
      kind: "move",
      symbol,
      window: (["5m", "15m", "1h", "4h", "24h"] as const)[k % 5] as "1h",
      direction: side ? "up" : "either",
      pct: gap,
    };
  } else if (k < 14) {
    condition = {
      kind: "oi",
      symbol,
      window: "4h",
      direction: side ? "up" : "down",
      pct: gap,
      exchange: k === 13 ? (EXCHANGES[i % 3] as string) : null,
    };
  } else if (k < 16) {
    condition = {
      kind: "funding",
      symbol,
      op: side ? "above" : "below",
      level: side ? 0.02 + gap / 100 : -gap / 100,
      exchange: k === 15 ? (EXCHANGES[i % 3] as string) : null,
    };
  } else if (k < 18) {
    condition = {
      kind: "liquidations",
      symbol,
      window: "1h",
      side: side ? "longs" : "either",
      usd: BASE.liq * (2 + gap),
    };
  } else {
    condition = {
      kind: "long_short",
      symbol,
      op: side ? "above" : "below",
      level: side ? 1 + gap / 10 : 1 / (1 + gap / 10),
    };
  }
  const repeat =
    i % 3 === 0
      ? { mode: "once" as const }
      : i % 3 === 1
        ? { mode: "every" as const, band: 0.5 }
        : { mode: "at_most" as const, band: 0.5, minutes: 60 };
  return { chatId, condition, repeat };
}

/** Every series of the bench coins at its starting value. */
export function startValues(): Map<string, number> {
  const v = new Map<string, number>();
  for (const c of COINS) {
    v.set(`${c}|price`, BASE.price);
    for (const w of ["5m", "15m", "1h", "4h", "24h"]) v.set(`${c}|move:${w}`, BASE.move);
    for (const w of ["1h", "4h", "24h"]) v.set(`${c}|oi:${w}`, BASE.oi);
    for (const e of EXCHANGES) for (const w of ["1h", "4h", "24h"]) v.set(`${c}|oi:${w}|${e}`, BASE.oi);
    v.set(`${c}|funding`, BASE.funding);
    for (const e of EXCHANGES) v.set(`${c}|funding|${e}`, BASE.funding);
    for (const w of ["1h", "4h", "24h"])
      for (const s of ["either", "longs", "shorts"]) v.set(`${c}|liq:${w}:${s}`, BASE.liq);
    v.set(`${c}|ls`, BASE.ls);
  }
  return v;
}

/** The series of `coins`, each moved from `from` by a relative step (price, liq, ls) or points. */
export function moved(from: Map<string, number>, coins: string[], step: number): Map<string, number> {
  const out = new Map<string, number>();
  const wanted = new Set(coins);
  for (const [s, v] of from) {
    if (!wanted.has(s.slice(0, s.indexOf("|")))) continue;
    const relative = s.includes("|price") || s.includes("|liq:") || s.includes("|ls");
    out.set(s, relative ? v * (1 + step / 100) : s.includes("|funding") ? v + step / 1000 : v + step);
  }
  return out;
}

/** The 10-rule set: the same sources as the million (coins-markets, OI per exchange, funding list). */
export function tenRules(chatId: number): NewRule[] {
  const repeat = { mode: "once" as const };
  const c = (condition: RuleCondition): NewRule => ({ chatId, condition, repeat });
  return [
    c({ kind: "price", symbol: "BTC", op: "above", level: 1e7 }),
    c({ kind: "move", symbol: "ETH", window: "1h", direction: "either", pct: 50 }),
    c({ kind: "oi", symbol: "SOL", window: "4h", direction: "up", pct: 90, exchange: null }),
    ...EXCHANGES.map((exchange) =>
      c({ kind: "oi", symbol: "BTC", window: "4h", direction: "up", pct: 90, exchange }),
    ),
    c({ kind: "funding", symbol: "BTC", op: "above", level: 5, exchange: null }),
    c({ kind: "funding", symbol: "BTC", op: "above", level: 5, exchange: "Binance" }),
    c({ kind: "liquidations", symbol: "BTC", window: "1h", side: "either", usd: 1e12 }),
    c({ kind: "long_short", symbol: "BTC", op: "above", level: 50 }),
  ];
}
