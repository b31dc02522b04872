import type { Rules } from "../rules/schema.js";
import { alertId, severityFor } from "./alert-id.js";
import type { Emit } from "./types.js";

/** One Hyperliquid whale-alert row (REST `hyperliquid/whale-alert`), as the detector needs it. */
export interface WhalePositionInput {
  user: string;
  coin: string;
  /** Signed size: positive = long, negative = short. */
  positionSize: number;
  valueUsd: number;
  /** From `position_action`: 1 = open, 2 = close. */
  action: "open" | "close";
  /** `create_time`, epoch ms. */
  time: number;
  entryPrice: number | null;
  liqPrice: number | null;
}

/** Keys of rows already handled in this process, oldest dropped first (the endpoint returns ~200). */
const SEEN_CAP = 4096;

/**
 * Hyperliquid whale position opened or closed at or above `whale_position.min_usd`. Direction from
 * the sign of `position_size` (the original read it from `position_action`), deduplicated on user +
 * coin + time + action here and, through `seenKey`, across restarts.
 */
export function createWhalePositionDetector(rules: Rules, emit: Emit) {
  const rule = rules.whale_position;
  const cooldownMs = rule.cooldown_s * 1000;
  const seen = new Set<string>();
  const until = new Map<string, number>();

  return {
    /** Feeds one poll's rows; `now` is the clock at the poll. */
    onRows(rows: readonly WhalePositionInput[], now: number) {
      // Oldest first, so cooldowns follow event time.
      const sorted = [...rows].sort((a, b) => a.time - b.time);
      for (const r of sorted) {
        if (r.positionSize === 0 || r.valueUsd < rule.min_usd) continue;
        const key = `hlpos:${r.user.toLowerCase()}:${r.coin}:${r.time}:${r.action}`;
        if (seen.has(key)) continue;
        seen.add(key);
        if (seen.size > SEEN_CAP) seen.delete(seen.values().next().value as string);
        if (now - r.time > rule.max_age_s * 1000) continue;
        const side = r.positionSize > 0 ? "long" : "short";
        const cdKey = `whale_position:${r.user.toLowerCase()}:${r.coin}:${r.action}`;
        if (r.time < (until.get(cdKey) ?? Number.NEGATIVE_INFINITY)) continue;
        until.set(cdKey, r.time + cooldownMs);
        if (until.size > SEEN_CAP) until.delete(until.keys().next().value as string);
        emit({
          alert: {
            id: alertId("whale_position", [r.user.toLowerCase(), r.coin, r.time, r.action]),
            kind: "whale_position",
            symbol: r.coin,
            side,
            usd: r.valueUsd,
            count: 1,
            window_s: 0,
            exchanges: ["Hyperliquid"],
            price: r.entryPrice,
            first_at: r.time,
            last_at: r.time,
            severity: severityFor(r.valueUsd, rule.min_usd),
            detail: {
              action: r.action,
              direction: side,
              user: r.user,
              position_size: r.positionSize,
              entry_price: r.entryPrice,
              liq_price: r.liqPrice,
              min_usd: rule.min_usd,
            },
          },
          cooldownKey: cdKey,
          cooldownMs,
          seenKey: key,
        });
      }
    },
  };
}
