import type { Rules, TierIndex } from "../rules/schema.js";
import { TIER_NAMES } from "../rules/schema.js";
import { alertId, cooldownBucket, severityFor } from "./alert-id.js";
import type { Radar, RadarState } from "./radar.js";
import { createSideTrack, type SideTrack } from "./side-track.js";
import { singleEventDetection } from "./single-event.js";
import type { Emit, LiquidationInput } from "./types.js";

interface LiqSide {
  track: SideTrack;
  /** Event time until which each detector is cooling down on this coin and side. */
  largeUntil: number;
  stormUntil: number;
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
 * Large liquidation (one event at or above the tier minimum) and liquidation storm (per coin and
 * liquidated side, total and count over the window at or above the tier minimums), each with its
 * own cooldown on event time. O(1) per event.
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
  const storm = rules.liquidation_storm;
  const sideOf = (side: "long" | "short"): LiqSide => ({
    track: createSideTrack(side, storm.window_s),
    largeUntil: Number.NEGATIVE_INFINITY,
    stormUntil: Number.NEGATIVE_INFINITY,
  });
  const coinOf = (coin: string): LiqCoin => {
    let c = coins.get(coin);
    if (!c) {
      const tier = tierOf(coin);
      const rule = storm.tiers[TIER_NAMES[tier]];
      c = {
        tier,
        long: sideOf("long"),
        short: sideOf("short"),
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

  const stormAlert = (e: LiquidationInput, tier: TierIndex, s: LiqSide) => {
    const rule = storm.tiers[TIER_NAMES[tier]];
    const cooldownMs = rule.cooldown_s * 1000;
    s.stormUntil = e.time + cooldownMs;
    const w = s.track.window;
    emit({
      alert: {
        id: alertId("liquidation_storm", [e.coin, e.side, cooldownBucket(e.time, cooldownMs)]),
        kind: "liquidation_storm",
        symbol: e.coin,
        side: e.side,
        usd: w.usd,
        count: w.count,
        window_s: storm.window_s,
        exchanges: s.track.exchanges(),
        price: s.track.lastPrice,
        first_at: w.firstAt() ?? e.time,
        last_at: w.lastAt() ?? e.time,
        severity: severityFor(w.usd, rule.min_usd),
        detail: { tier: TIER_NAMES[tier], min_usd: rule.min_usd, min_count: rule.min_count },
      },
      cooldownKey: `liquidation_storm:${e.coin}:${e.side}`,
      cooldownMs,
    });
  };

  return {
    onLiquidation(e: LiquidationInput) {
      const c = coins.get(e.coin) ?? coinOf(e.coin);
      const s = e.side === "long" ? c.long : c.short;
      if (e.usd >= c.largeMin) {
        onLarge?.(e);
        if (e.time >= s.largeUntil) large(e, c.tier, s);
      }
      if (!s.track.add(e.time, e.usd, e.price, e.exchange)) return;
      const w = s.track.window;
      if (w.usd < c.stormMin || w.count < c.stormCount) return;
      if (e.time >= s.stormUntil) stormAlert(e, c.tier, s);
      radar.storm(c.radar, s.track.qualify(e.time));
    },
    /** Coins with state (bounded by the coins the stream carries). */
    size: () => coins.size,
  };
}

/** Identifies one liquidation order across the stream, REST backfill and restarts. */
export function liquidationKey(e: LiquidationInput): string {
  return singleEventDetection("large_liquidation", e, 2, { min_usd: 0, cooldown_s: 1 }).seenKey as string;
}
