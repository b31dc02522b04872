/** Mapper of the economic calendar (coinglass-api-more.md §9.1). */
import type { EconomicEvent } from "../models/calendar.js";
import { num, rows, str } from "./parse.js";

/** Events soonest first; one without a name or a time is dropped; `""` values become null. */
export function mapEconomicCalendar(data: unknown, endpoint: string): EconomicEvent[] {
  return rows(data, endpoint)
    .flatMap((r) => {
      const name = str(r.calendar_name);
      const time = num(r.publish_timestamp);
      if (!name || time === null) return [];
      return [
        {
          name,
          countryCode: str(r.country_code),
          country: str(r.country_name),
          importance: num(r.importance_level),
          time,
          // 1 = exact time known, 2 = not (DOC-CN); anything else is not claimed as exact.
          exactTime: num(r.has_exact_publish_time) === 1,
          forecast: str(r.forecast_value),
          previous: str(r.previous_value),
          actual: str(r.published_value),
        },
      ];
    })
    .sort((a, b) => a.time - b.time);
}
