import type { Rules, TierIndex } from "../rules/schema.js";
import { TIER_NAMES } from "../rules/schema.js";
import type { Radar, RadarState } from "./radar.js";
import { createSideTrack, type SideTrack } from "./side-track.js";
import { singleEventDetection } from "./single-event.js";
import { createStormLifecycle, type StormLifecycle } from "./storm.js";
import type { Emit, LiquidationInput } from "./types.js";

interface LiqSide {
  track: SideTrack;
  storm: StormLifecycle;
  /** Event time until which large liquidations are cooling down on this coin and side. */
  largeUntil: number;
}

interface LiqCoin {
  tier: TierIndex;
  long: LiqSide;
  short: LiqSide;
  radar: RadarState;
  /** The tier's thresholds, copied here so the hot path reads plain fields. */
  largeMin: number;
  stormMin: number;
  stormCount: number;
}

/**
 * Large liquidation (one event at or above the tier minimum, with a cooldown on event time) and
 * liquidation storm (per coin and liquidated side, total and count over the window at or above
 * the tier minimums; one alert per storm, updated as it grows: see storm.ts). O(1) per event.
 */
export function createLiquidationDetectors(
  rules: Rules,
  tierOf: (coin: string) => TierIndex,
  radar: Radar,
  emit: Emit,
  /** Sees every liquidation at or above its tier's large minimum, cooling down or not (backfill dedupe). */
  onLarge?: (e: LiquidationInput) => void,
) {
  const coins = new Map<string, LiqCoin>();
  // Sides with a storm open, so the tick visits only those.
  const open = new Set<LiqSide>();
  const storm = rules.liquidation_storm;
  const sideOf = (coin: string, tier: TierIndex, side: "long" | "short"): LiqSide => {
    const rule = storm.tiers[TIER_NAMES[tier]];
    return {
      track: createSideTrack(side, storm.window_s),
      storm: createStormLifecycle(
        coin,
        side,
        {
          tier: TIER_NAMES[tier],
          minUsd: rule.min_usd,
          minCount: rule.min_count,
          cooldownMs: rule.cooldown_s * 1000,
          windowS: storm.window_s,
          updateMs: storm.update_interval_s * 1000,
        },
        emit,
      ),
      largeUntil: Number.NEGATIVE_INFINITY,
    };
  };
  const coinOf = (coin: string): LiqCoin => {
    let c = coins.get(coin);
    if (!c) {
      const tier = tierOf(coin);
      const rule = storm.tiers[TIER_NAMES[tier]];
      c = {
        tier,
        long: sideOf(coin, tier, "long"),
        short: sideOf(coin, tier, "short"),
        radar: radar.stateOf(coin),
        largeMin: rules.large_liquidation[TIER_NAMES[tier]].min_usd,
        stormMin: rule.min_usd,
        stormCount: rule.min_count,
      };
      coins.set(coin, c);
    }
    return c;
  };

  const large = (e: LiquidationInput, tier: TierIndex, s: LiqSide) => {
    const d = singleEventDetection("large_liquidation", e, tier, rules.large_liquidation[TIER_NAMES[tier]]);
    s.largeUntil = e.time + d.cooldownMs;
    emit(d);
  };

  return {
    /**
     * `now` is the clock (a storm state's `updated_at`). False when the order is older than the
     * storm window (its large-liquidation check still ran).
     */
    onLiquidation(e: LiquidationInput, now: number): boolean {
      const c = coins.get(e.coin) ?? coinOf(e.coin);
      const s = e.side === "long" ? c.long : c.short;
      if (e.usd >= c.largeMin) {
        onLarge?.(e);
        if (e.time >= s.largeUntil) large(e, c.tier, s);
      }
      s.storm.beforeAdd(e, s.track, now);
      if (!s.track.add(e.time, e.usd, e.price, e.exchange)) return false;
      s.storm.afterAdd(e, s.track, now);
      if (s.storm.open()) open.add(s);
      const w = s.track.window;
      if (w.usd >= c.stormMin && w.count >= c.stormCount) radar.storm(c.radar, s.track.qualify(e.time));
      return true;
    },
    /**
     * The clock moved on: storms whose window emptied end, due updates go out. `at` is how far
     * event time may be taken to have advanced (the clock less a grace for orders in flight).
     */
    tick(at: number, now: number) {
      for (const s of open) {
        s.storm.tick(at, s.track, now);
        if (!s.storm.open()) open.delete(s);
      }
    },
    /** Coins with state (bounded by the coins the stream carries). */
    size: () => coins.size,
  };
}
