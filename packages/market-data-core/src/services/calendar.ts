import { assertPlan } from "../client/plans.js";
import type { CoinGlassClient } from "../client/types.js";
import type { CalendarReport } from "../models/calendar.js";
import type { Lane, MarketResult } from "../models/result.js";
import { createParts } from "./parts.js";

const CALENDAR = "/api/calendar/economic-data";
const DAY = 86_400_000;
/** The window is asked on whole hours so repeated calls share one cache entry for an hour. */
const HOUR = 3_600_000;

/**
 * Economic releases from now (the start of this hour) to `days` ahead at or above
 * `minImportance`. Startup+: below it the PlanError is raised before any quota is spent.
 */
export async function buildCalendar(
  client: CoinGlassClient,
  q: { days: number; minImportance: number; now: number },
  lane: Lane,
): Promise<MarketResult<CalendarReport>> {
  assertPlan(client.plan, CALENDAR);
  const from = Math.floor(q.now / HOUR) * HOUR;
  const to = from + q.days * DAY;
  const parts = createParts();
  const asked = client.fetchEconomicCalendar({ startTime: from, endTime: to }, { lane });
  const events = await parts.take(asked, "events");
  // The events are the answer: without them, the upstream error is.
  if (events === null) await asked;
  return parts.result({
    from,
    to,
    minImportance: q.minImportance,
    events: (events ?? []).filter(
      (e) => e.time >= from && e.time <= to && (e.importance ?? 0) >= q.minImportance,
    ),
  });
}
