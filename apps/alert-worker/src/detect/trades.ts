import type { Rules, TierIndex } from "../rules/schema.js";
import { TIER_NAMES } from "../rules/schema.js";
import { alertId, cooldownBucket, severityFor } from "./alert-id.js";
import type { Radar, RadarState } from "./radar.js";
import { createSideTrack, type SideTrack } from "./side-track.js";
import { singleEventDetection } from "./single-event.js";
import type { Emit, TradeInput } from "./types.js";

interface TradeCoin {
  tier: TierIndex;
  radar: RadarState;
  /** The tier's thresholds, copied here so the hot path reads plain fields. */
  whaleMin: number;
  clusterMin: number;
  clusterCount: number;
  dominance: number;
  buy: SideTrack;
  sell: SideTrack;
  /** Event time until which each detector is cooling down, per taker side. */
  whaleUntil: { buy: number; sell: number };
  clusterUntil: { buy: number; sell: number };
}

/**
 * Whale trade (one trade at or above the tier minimum) and whale cluster (over the window: total at
 * or above the minimum, enough trades, and one side's share of the USD at or above the dominance
 * ratio). Trade side is the taker's: WS side 1 = sell, 2 = buy — one mapping, in the stream client,
 * for every detector (the original's cluster detector had it backwards).
 */
export function createTradeDetectors(
  rules: Rules,
  tierOf: (coin: string) => TierIndex,
  radar: Radar,
  emit: Emit,
) {
  const coins = new Map<string, TradeCoin>();
  const cluster = rules.whale_cluster;
  const never = Number.NEGATIVE_INFINITY;
  const coinOf = (coin: string): TradeCoin => {
    let c = coins.get(coin);
    if (!c) {
      const tier = tierOf(coin);
      const rule = cluster.tiers[TIER_NAMES[tier]];
      c = {
        tier,
        radar: radar.stateOf(coin),
        whaleMin: rules.whale_trade[TIER_NAMES[tier]].min_usd,
        clusterMin: rule.min_usd,
        clusterCount: rule.min_count,
        dominance: rule.min_dominance,
        buy: createSideTrack("buy", cluster.window_s),
        sell: createSideTrack("sell", cluster.window_s),
        whaleUntil: { buy: never, sell: never },
        clusterUntil: { buy: never, sell: never },
      };
      coins.set(coin, c);
    }
    return c;
  };

  const whale = (e: TradeInput, c: TradeCoin) => {
    const d = singleEventDetection("whale_trade", e, c.tier, rules.whale_trade[TIER_NAMES[c.tier]]);
    c.whaleUntil[e.side] = e.time + d.cooldownMs;
    emit(d);
  };

  const clusterAlert = (
    e: TradeInput,
    c: TradeCoin,
    side: "buy" | "sell",
    total: number,
    dominance: number,
  ) => {
    const rule = cluster.tiers[TIER_NAMES[c.tier]];
    const cooldownMs = rule.cooldown_s * 1000;
    c.clusterUntil[side] = e.time + cooldownMs;
    const b = c.buy.window;
    const s = c.sell.window;
    const firsts = [b.firstAt(), s.firstAt()].filter((t): t is number => t !== null);
    const lasts = [b.lastAt(), s.lastAt()].filter((t): t is number => t !== null);
    emit({
      alert: {
        id: alertId("whale_cluster", [e.coin, side, cooldownBucket(e.time, cooldownMs)]),
        kind: "whale_cluster",
        symbol: e.coin,
        side,
        usd: total,
        count: b.count + s.count,
        window_s: cluster.window_s,
        exchanges: [...new Set([...c.buy.exchanges(), ...c.sell.exchanges()])].sort(),
        price: e.price,
        first_at: firsts.length > 0 ? Math.min(...firsts) : e.time,
        last_at: lasts.length > 0 ? Math.max(...lasts) : e.time,
        severity: severityFor(total, rule.min_usd),
        detail: {
          tier: TIER_NAMES[c.tier],
          buy_usd: b.usd,
          sell_usd: s.usd,
          buy_count: b.count,
          sell_count: s.count,
          dominance,
          min_usd: rule.min_usd,
          min_dominance: rule.min_dominance,
          min_count: rule.min_count,
        },
      },
      cooldownKey: `whale_cluster:${e.coin}:${side}`,
      cooldownMs,
    });
  };

  return {
    /** False when the trade is older than its window (its whale-trade check still ran). */
    onTrade(e: TradeInput): boolean {
      const c = coins.get(e.coin) ?? coinOf(e.coin);
      if (e.usd >= c.whaleMin && e.time >= c.whaleUntil[e.side]) whale(e, c);
      const own = e.side === "buy" ? c.buy : c.sell;
      if (!own.add(e.time, e.usd, e.price, e.exchange)) return false;
      // Both sides' windows must agree on "now", or one side would keep seconds the other dropped.
      (e.side === "buy" ? c.sell : c.buy).window.advanceTo(e.time);
      const buyUsd = c.buy.window.usd;
      const sellUsd = c.sell.window.usd;
      const total = buyUsd + sellUsd;
      const count = c.buy.window.count + c.sell.window.count;
      if (total < c.clusterMin || count < c.clusterCount) return true;
      const side = buyUsd >= sellUsd ? "buy" : "sell";
      const dominance = (side === "buy" ? buyUsd : sellUsd) / total;
      if (dominance < c.dominance) return true;
      if (e.time >= c.clusterUntil[side]) clusterAlert(e, c, side, total, dominance);
      const q = (side === "buy" ? c.buy : c.sell).qualify(e.time);
      q.usd = total;
      q.count = count;
      radar.cluster(c.radar, q);
      return true;
    },
    size: () => coins.size,
  };
}
