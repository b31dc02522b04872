import { createTierLookup, type Rules } from "../rules/schema.js";
import { createLiquidationDetectors } from "./liquidations.js";
import { createRadar } from "./radar.js";
import { createTradeDetectors } from "./trades.js";
import type { Clock, DetectorInput, Emit, LiquidationInput } from "./types.js";
import { createWhalePositionDetector, type WhalePositionInput } from "./whale-position.js";

export interface DetectorEngineOptions {
  rules: Rules;
  emit: Emit;
  /** Defaults to Date.now; only used to tell stale events (replays, backlog) from live ones. */
  clock?: Clock;
  /** Sees every liquidation at or above its large-liquidation minimum (for backfill dedupe). */
  onLarge?: (e: LiquidationInput) => void;
}

/**
 * Every detector behind one entry point. Pure in the sense that matters: no I/O, time only from
 * the events and the injected clock, detections handed to `emit` synchronously.
 */
export function createDetectorEngine(opts: DetectorEngineOptions) {
  const { rules, emit } = opts;
  const clock = opts.clock ?? Date.now;
  const tierOf = createTierLookup(rules);
  const radar = createRadar(rules, emit);
  const liquidations = createLiquidationDetectors(rules, tierOf, radar, emit, opts.onLarge);
  const trades = createTradeDetectors(rules, tierOf, radar, emit);
  const positions = createWhalePositionDetector(rules, emit);
  const maxAgeMs = rules.max_event_age_s * 1000;
  let stale = 0;

  const onEvent = (e: DetectorInput, oldest: number) => {
    if (e.time < oldest) {
      stale++;
      return;
    }
    if (e.type === "liquidation") liquidations.onLiquidation(e);
    else trades.onTrade(e);
  };

  return {
    /** One frame's events (the stream client's batch). */
    onEvents(events: readonly DetectorInput[]) {
      const oldest = clock() - maxAgeMs;
      for (let i = 0; i < events.length; i++) onEvent(events[i] as DetectorInput, oldest);
    },
    onEvent(e: DetectorInput) {
      onEvent(e, clock() - maxAgeMs);
    },
    /**
     * A liquidation recovered from REST after a stream gap: not subject to the age limit (the gap
     * bounds it), and the caller has already dropped orders the stream carried.
     */
    onBackfill(e: LiquidationInput) {
      liquidations.onLiquidation(e);
    },
    onWhalePositions(rows: readonly WhalePositionInput[]) {
      positions.onRows(rows, clock());
    },
    /** Events ignored because they were older than `max_event_age_s` on arrival. */
    staleEvents: () => stale,
    /** Coins with detector state. */
    coins: () => Math.max(liquidations.size(), trades.size()),
  };
}
export type DetectorEngine = ReturnType<typeof createDetectorEngine>;
