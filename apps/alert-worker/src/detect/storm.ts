import type { Alert } from "@teleglas/market-data-core";
import { alertId, cooldownBucket, severityFor } from "./alert-id.js";
import type { SideTrack } from "./side-track.js";
import type { Detection, Emit, LiquidationInput } from "./types.js";

/** The thresholds and timings of one coin's storms. */
export interface StormRule {
  tier: string;
  minUsd: number;
  minCount: number;
  cooldownMs: number;
  windowS: number;
  /** At most one update per this long while a storm grows (its end goes out at once). */
  updateMs: number;
}

interface Totals {
  usd: number;
  count: number;
  exchanges: Set<string>;
  firstAt: number;
  lastAt: number;
}

/**
 * One liquidation storm on one coin and side, from the moment it crosses its threshold until it
 * quiets, published once and then updated under the same id, so the message stays true to it.
 *
 * - Starts when the window meets the threshold: the first alert (revision 0) carries the window.
 * - Every later order on that side adds to the storm's own totals, which are not bounded by the
 *   window: a storm longer than the window is still reported whole.
 * - Ends when the window no longer meets the threshold (checked on each order and by `tick`).
 * - Resumes under the same id when the threshold is met again within the cooldown after the end;
 *   orders in between count too. After that the next storm is a new alert.
 */
export function createStormLifecycle(symbol: string, side: "long" | "short", rule: StormRule, emit: Emit) {
  let id: string | null = null;
  let totals: Totals | null = null;
  let tail: Totals | null = null; // orders after an end, merged in when the storm resumes
  let price = 0;
  let revision = 0;
  let endedAt: number | null = null;
  let emittedAt = 0;
  let dirty = false;

  const addTo = (t: Totals, e: LiquidationInput) => {
    t.usd += e.usd;
    t.count++;
    t.exchanges.add(e.exchange);
    if (e.time < t.firstAt) t.firstAt = e.time;
    if (e.time > t.lastAt) t.lastAt = e.time;
  };

  const publish = (at: number, updatedAt: number) => {
    const t = totals as Totals;
    const alert: Alert = {
      id: id as string,
      kind: "liquidation_storm",
      symbol,
      side,
      usd: t.usd,
      count: t.count,
      window_s: rule.windowS,
      exchanges: [...t.exchanges].sort(),
      price,
      first_at: t.firstAt,
      last_at: t.lastAt,
      severity: severityFor(t.usd, rule.minUsd),
      detail: {
        tier: rule.tier,
        min_usd: rule.minUsd,
        min_count: rule.minCount,
        duration_s: Math.round((t.lastAt - t.firstAt) / 100) / 10,
      },
      updated_at: Math.round(updatedAt),
      revision,
      status: endedAt === null ? "active" : "ended",
    };
    const d: Detection =
      revision === 0
        ? { alert, cooldownKey: `liquidation_storm:${symbol}:${side}`, cooldownMs: rule.cooldownMs }
        : { alert, cooldownKey: "", cooldownMs: 0, update: true };
    revision++;
    emittedAt = at;
    dirty = false;
    emit(d);
  };

  const holds = (track: SideTrack) => track.window.usd >= rule.minUsd && track.window.count >= rule.minCount;

  const end = (at: number, now: number) => {
    endedAt = at;
    publish(at, now);
  };

  return {
    /** True while a storm is open (active, or ended but able to resume); the caller ticks those. */
    open: () => id !== null,
    /**
     * Before the order enters the window: the window moved to its time; a storm whose window no
     * longer holds has ended (the order is not part of it).
     */
    beforeAdd(e: LiquidationInput, track: SideTrack, now: number) {
      if (id === null || endedAt !== null) return;
      track.window.advanceTo(e.time);
      if (!holds(track)) end(e.time, now);
    },
    /** After the order entered the window. */
    afterAdd(e: LiquidationInput, track: SideTrack, now: number) {
      price = e.price;
      if (id !== null && endedAt === null) {
        addTo(totals as Totals, e);
        dirty = true;
        if (e.time - emittedAt >= rule.updateMs) publish(e.time, now);
        return;
      }
      if (id !== null && endedAt !== null) {
        if (e.time - endedAt < rule.cooldownMs) {
          tail ??= { usd: 0, count: 0, exchanges: new Set(), firstAt: e.time, lastAt: e.time };
          addTo(tail, e);
          if (!holds(track)) return;
          const t = totals as Totals;
          t.usd += tail.usd;
          t.count += tail.count;
          for (const x of tail.exchanges) t.exchanges.add(x);
          t.lastAt = Math.max(t.lastAt, tail.lastAt);
          tail = null;
          endedAt = null;
          publish(e.time, now);
          return;
        }
        id = null; // closed for good: this order may start the next storm
      }
      if (!holds(track)) return;
      const w = track.window;
      id = alertId("liquidation_storm", [symbol, side, cooldownBucket(e.time, rule.cooldownMs)]);
      totals = {
        usd: w.usd,
        count: w.count,
        exchanges: new Set(track.exchanges()),
        firstAt: w.firstAt() ?? e.time,
        lastAt: w.lastAt() ?? e.time,
      };
      tail = null;
      endedAt = null;
      revision = 0;
      publish(e.time, now);
    },
    /**
     * The clock moved on without orders: `at` is the event time the window may advance to. Ends a
     * storm whose window emptied, sends a due update, and closes an ended storm past its cooldown.
     */
    tick(at: number, track: SideTrack, now: number) {
      if (id === null) return;
      if (endedAt !== null) {
        if (at - endedAt >= rule.cooldownMs) id = null;
        return;
      }
      track.window.advanceTo(at);
      if (!holds(track)) end(at, now);
      else if (dirty && at - emittedAt >= rule.updateMs) publish(at, now);
    },
  };
}
export type StormLifecycle = ReturnType<typeof createStormLifecycle>;
