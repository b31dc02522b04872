import type { Qualification } from "./radar.js";
import { createSecondWindow, type SecondWindow } from "./window.js";

/** One coin and side over a window: the running totals, the exchanges seen, the last price. */
export interface SideTrack {
  readonly window: SecondWindow;
  /** The track's radar qualification, updated in place when the caller says its condition holds. */
  readonly q: Qualification;
  lastPrice: number;
  /** Adds an event; false when it is older than the window. */
  add(time: number, usd: number, price: number, exchange: string): boolean;
  /** Exchanges with an event still in the window, sorted. */
  exchanges(): string[];
  /** Marks the condition as holding now (for the radar). */
  qualify(at: number): Qualification;
}

export function createSideTrack(side: Qualification["side"], windowS: number): SideTrack {
  const window = createSecondWindow(windowS);
  // Exchange -> newest event time: bounded by the number of exchanges, no allocation per event.
  const seen = new Map<string, number>();
  let newest = Number.NEGATIVE_INFINITY;
  const exchanges = () => {
    const first = window.firstAt();
    if (first === null) return [];
    const out: string[] = [];
    for (const [name, time] of seen) if (time >= first) out.push(name);
    return out.sort();
  };
  const firstAt = () => window.firstAt() ?? track.q.at;
  const track: SideTrack = {
    window,
    lastPrice: 0,
    q: { at: 0, side, usd: 0, count: 0, price: 0, firstAt, exchanges },
    add(time, usd, price, exchange) {
      if (!window.add(time, usd)) return false;
      // In-order events (the usual case) cost one map write; only a late one needs the read.
      if (time >= newest) {
        newest = time;
        seen.set(exchange, time);
      } else if (!((seen.get(exchange) ?? -1) >= time)) seen.set(exchange, time);
      track.lastPrice = price;
      return true;
    },
    exchanges,
    qualify(at) {
      const q = track.q;
      q.at = at;
      q.usd = window.usd;
      q.count = window.count;
      q.price = track.lastPrice;
      return q;
    },
  };
  return track;
}
