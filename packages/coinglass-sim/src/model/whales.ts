/**
 * Hyperliquid whales. Positions live in "slots": each slot holds one position for a
 * seed-derived lifetime, then closes and a new one opens — so open/close alerts, the current
 * position list and the per-coin position pages all derive from seed + time and agree.
 * Symbols are Hyperliquid's own names (`BTC`, `kPEPE` for 1000PEPE).
 */
import type { WhalePositionEvent } from "./events.js";
import type { Market, ModelPair } from "./market.js";
import { hash01, round, roundSig } from "./prng.js";

const H = 3600_000;
const WHALE_SLOTS = 120;
const COIN_SLOTS = 60;

export interface WhalePosition {
  user: string;
  symbol: string;
  positionSize: number;
  entryPrice: number;
  markPrice: number;
  liqPrice: number;
  leverage: number;
  valueUsd: number;
  marginMode: "cross" | "isolated";
  createTime: number;
  fundingFee: number;
}

export function address(key: number, a: number, b: number): string {
  let s = "0x";
  for (let i = 0; i < 5; i++)
    s += Math.floor(hash01(key, a * 7 + i, b) * 0xffffffff)
      .toString(16)
      .padStart(8, "0");
  return s;
}

export function liqPriceOf(entry: number, leverage: number, long: boolean): number {
  return roundSig(long ? entry * (1 - 0.9 / leverage) : entry * (1 + 0.9 / leverage), 6);
}

export function createWhales(market: Market) {
  const hl = market.pairsOf("Hyperliquid");
  const weights = hl.map((p) => Math.sqrt(market.coin(p.coin)?.oiB ?? 0.1));
  const totalW = weights.reduce((a, b) => a + b, 0);
  const key = market.seed * 7919 + 17;
  const pickPair = (u: number): ModelPair => {
    let acc = u * totalW;
    for (let i = 0; i < hl.length; i++) {
      acc -= weights[i] as number;
      if (acc <= 0) return hl[i] as ModelPair;
    }
    return hl[hl.length - 1] as ModelPair;
  };
  const slotTiming = (salt: number, s: number) => {
    const life = (6 + 66 * hash01(key, salt, s)) * H;
    return { life, offset: hash01(key, salt + 1, s) * life };
  };
  /** The position of slot s in epoch e. `fixed` pins the coin (per-coin pages). */
  const position = (
    salt: number,
    s: number,
    e: number,
    minUsd: number,
    maxUsd: number,
    fixed?: ModelPair,
  ) => {
    const { life, offset } = slotTiming(salt, s);
    const start = e * life - offset;
    const p = fixed ?? pickPair(hash01(key, salt + 2, s * 1009 + e));
    const long = hash01(key, salt + 3, s * 1009 + e) < 0.55;
    const value = minUsd * (maxUsd / minUsd) ** hash01(key, salt + 4, s * 1009 + e);
    const leverage = [2, 3, 5, 10, 15, 20, 25, 40][
      Math.floor(hash01(key, salt + 5, s * 1009 + e) * 8)
    ] as number;
    const entry = roundSig(market.pairPrice(p, start), 6);
    return {
      p,
      start,
      end: start + life,
      user: address(key, salt + s, e),
      long,
      size: round(((long ? 1 : -1) * value) / entry, 4),
      entry,
      leverage: Math.min(leverage, p.maxLeverage),
      cross: hash01(key, salt + 6, s * 1009 + e) < 0.7,
    };
  };
  const current = (
    salt: number,
    slots: number,
    now: number,
    minUsd: number,
    maxUsd: number,
    fixed?: ModelPair,
  ) => {
    const out: WhalePosition[] = [];
    for (let s = 0; s < slots; s++) {
      const { life, offset } = slotTiming(salt, s);
      const pos = position(salt, s, Math.floor((now + offset) / life), minUsd, maxUsd, fixed);
      const mark = roundSig(market.pairPrice(pos.p, now), 6);
      const hours = (now - pos.start) / H;
      out.push({
        user: pos.user,
        symbol: pos.p.instrumentId,
        positionSize: pos.size,
        entryPrice: pos.entry,
        markPrice: mark,
        liqPrice: liqPriceOf(pos.entry, pos.leverage, pos.long),
        leverage: pos.leverage,
        valueUsd: round(Math.abs(pos.size) * mark, 4),
        marginMode: pos.cross ? "cross" : "isolated",
        createTime: Math.round(pos.start),
        fundingFee: round(-Math.abs(pos.size) * mark * 0.0000125 * hours * (pos.long ? 1 : -0.6), 4),
      });
    }
    return out;
  };
  return {
    /** Whale positions (value > $1M) open at `now`. */
    positions: (now: number) => current(100, WHALE_SLOTS, now, 1.5e6, 6e7),
    /** Positions of one coin (smaller ones too), biggest first. */
    coinPositions: (coin: string, now: number) => {
      const p = hl.find((x) => x.coin === coin || x.instrumentId === coin);
      if (!p) return [];
      return current(300, COIN_SLOTS, now, 1e5, 2e7, p).sort((a, b) => b.valueUsd - a.valueUsd);
    },
    /** Open (1) and close (2) events of whale positions in the last two days, newest first. */
    alerts: (now: number, limit: number): WhalePositionEvent[] => {
      const out: WhalePositionEvent[] = [];
      for (let s = 0; s < WHALE_SLOTS; s++) {
        const { life, offset } = slotTiming(100, s);
        const last = Math.floor((now + offset) / life);
        for (let e = last; e >= last - 8; e--) {
          const pos = position(100, s, e, 1.5e6, 6e7);
          if (pos.start < now - 48 * H) break;
          const ev = (time: number, action: 1 | 2): WhalePositionEvent => ({
            user: pos.user,
            symbol: pos.p.instrumentId,
            positionSize: pos.size,
            entryPrice: pos.entry,
            liqPrice: liqPriceOf(pos.entry, pos.leverage, pos.long),
            valueUsd: round(Math.abs(pos.size) * roundSig(market.pairPrice(pos.p, time), 6), 4),
            leverage: pos.leverage,
            action,
            time: Math.round(time),
          });
          if (pos.end <= now) out.push(ev(pos.end, 2));
          out.push(ev(pos.start, 1));
        }
      }
      return out.sort((a, b) => b.time - a.time).slice(0, limit);
    },
  };
}

export type Whales = ReturnType<typeof createWhales>;
