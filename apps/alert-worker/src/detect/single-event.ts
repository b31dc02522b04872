import type { Alert } from "@teleglas/market-data-core";
import { TIER_NAMES, type TierIndex } from "../rules/schema.js";
import { alertId, severityFor } from "./alert-id.js";
import type { Detection, DetectorInput } from "./types.js";

/** Identifies one upstream event (a liquidation order, a trade) across the stream, a REST backfill and restarts. */
export function eventKey(e: DetectorInput): string {
  return `${e.type === "liquidation" ? "liq" : "trade"}:${e.exchange.toLowerCase()}:${e.pair}:${e.side}:${e.time}:${Math.round(e.usd)}`;
}

/**
 * The detection for one upstream event at or above its minimum (large liquidation, whale trade).
 * Its id and seen key come from the event itself, so the stream, a REST backfill and a restart all
 * name the same order the same way.
 */
export function singleEventDetection(
  kind: Extract<Alert["kind"], "large_liquidation" | "whale_trade">,
  e: DetectorInput,
  tier: TierIndex,
  rule: { min_usd: number; cooldown_s: number },
): Detection {
  const seenKey = eventKey(e);
  return {
    alert: {
      id: alertId(kind, [seenKey]),
      kind,
      symbol: e.coin,
      side: e.side,
      usd: e.usd,
      count: 1,
      window_s: 0,
      exchanges: [e.exchange],
      price: e.price,
      first_at: e.time,
      last_at: e.time,
      severity: severityFor(e.usd, rule.min_usd),
      detail: { pair: e.pair, tier: TIER_NAMES[tier], min_usd: rule.min_usd },
    },
    cooldownKey: `${kind}:${e.coin}:${e.side}`,
    cooldownMs: rule.cooldown_s * 1000,
    seenKey,
  };
}
