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
 * Events the detectors did not take: `stale` arrived more than `max_event_age_s` after they
 * happened, `future` are dated more than `max_event_lead_s` ahead of the clock, `late` are older
 * than their detector's window (their single-event alerts still ran).
 */
export interface DroppedEvents {
  stale: number;
  future: number;
  late: number;
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
  const maxLeadMs = rules.max_event_lead_s * 1000;
  const dropped: DroppedEvents = { stale: 0, future: 0, late: 0 };

  // Future-dated events are dropped before any detector sees them: the windows run on event time,
  // and one event a day ahead would otherwise become their "now" and push every real event out.
  // A time in microseconds reads as ~50,000 years ahead and is caught the same way.
  const onEvent = (e: DetectorInput, now: number, oldest: number, newest: number) => {
    if (e.time > newest) dropped.future++;
    else if (e.time < oldest) dropped.stale++;
    else if (!(e.type === "liquidation" ? liquidations.onLiquidation(e, now) : trades.onTrade(e)))
      dropped.late++;
  };

  return {
    /** One frame's events (the stream client's batch). */
    onEvents(events: readonly DetectorInput[]) {
      const now = clock();
      const oldest = now - maxAgeMs;
      const newest = now + maxLeadMs;
      for (let i = 0; i < events.length; i++) onEvent(events[i] as DetectorInput, now, oldest, newest);
    },
    onEvent(e: DetectorInput) {
      const now = clock();
      onEvent(e, now, now - maxAgeMs, now + maxLeadMs);
    },
    /**
     * A liquidation recovered from REST after a stream gap: not subject to the age limit (the gap
     * bounds it), and the caller has already dropped orders the stream carried.
     */
    onBackfill(e: LiquidationInput) {
      const now = clock();
      onEvent(e, now, Number.NEGATIVE_INFINITY, now + maxLeadMs);
    },
    /**
     * Time passes without orders: open storms end when their window empties and send due updates.
     * Event time is taken to be the clock less `graceMs`, for orders still in flight.
     */
    tick(graceMs = 2000) {
      const now = clock();
      liquidations.tick(now - graceMs, now);
    },
    onWhalePositions(rows: readonly WhalePositionInput[]) {
      const now = clock();
      const fresh = rows.filter((r) => r.time <= now + maxLeadMs);
      dropped.future += rows.length - fresh.length;
      positions.onRows(fresh, now);
    },
    /** Events that fed no detector, by reason (a live view: read it, do not keep it). */
    dropped: (): Readonly<DroppedEvents> => dropped,
    /** Coins with detector state. */
    coins: () => Math.max(liquidations.size(), trades.size()),
  };
}
export type DetectorEngine = ReturnType<typeof createDetectorEngine>;
