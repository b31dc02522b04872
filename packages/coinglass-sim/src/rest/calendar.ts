/**
 * The economic calendar (coinglass-api-more.md §9.1, Startup+): a deterministic stream of macro
 * releases around now, plus events injected through the control API. The window is the documented
 * now ± 15 days; `start_time`/`end_time` outside it are refused.
 */
import type { CalendarEvent } from "../model/events.js";
import { DAY_MS, HOUR_MS } from "../model/market.js";
import { hash01 } from "../model/prng.js";
import type { RouteContext, RouteTable } from "./context.js";
import { invalid, timeParam } from "./params.js";

const RELEASES: ReadonlyArray<[string, string, string, number, string]> = [
  ["CPI (YoY)", "USA", "United States", 3, "%"],
  ["Fed Interest Rate Decision", "USA", "United States", 3, "%"],
  ["Nonfarm Payrolls", "USA", "United States", 3, "K"],
  ["Initial Jobless Claims", "USA", "United States", 2, "K"],
  ["PPI (MoM)", "USA", "United States", 2, "%"],
  ["Retail Sales (MoM)", "USA", "United States", 2, "%"],
  ["ECB Interest Rate Decision", "EU", "Euro Area", 3, "%"],
  ["GDP (QoQ)", "UK", "United Kingdom", 2, "%"],
  ["Industrial Output (YoY)", "SK", "Korea", 1, "%"],
  ["Trade Balance", "JP", "Japan", 1, "B"],
];
const EFFECT = ["Minor Impact", "Moderate Impact", "Major Impact"];

function value(seed: number, day: number, i: number, unit: string): string {
  const x = (hash01(seed, day, i) * 6 - 2).toFixed(1);
  return `${x}${unit}`;
}

/** Model events of one UTC weekday: two or three releases at half past an hour. */
function dayEvents(seed: number, day: number, now: number): CalendarEvent[] {
  const weekday = new Date(day).getUTCDay();
  if (weekday === 0 || weekday === 6) return [];
  const n = 2 + Math.floor(hash01(seed, day / DAY_MS, 1) * 2);
  const out: CalendarEvent[] = [];
  for (let k = 0; k < n; k++) {
    const i = Math.floor(hash01(seed, day / DAY_MS, 10 + k) * RELEASES.length);
    const [name, code, country, importance, unit] = RELEASES[i] as (typeof RELEASES)[number];
    const at = day + (8 + Math.floor(hash01(seed, day / DAY_MS, 20 + k) * 12)) * HOUR_MS + 30 * 60_000;
    out.push({
      calendar_name: name,
      country_code: code,
      country_name: country,
      data_effect: EFFECT[importance - 1] as string,
      forecast_value: value(seed, day / DAY_MS, 30 + k, unit),
      previous_value: value(seed, day / DAY_MS, 40 + k, unit),
      revised_previous_value: "",
      // Published once its time has passed; empty before, as the docs show for unknown values.
      published_value: at <= now ? value(seed, day / DAY_MS, 50 + k, unit) : "",
      publish_timestamp: at,
      importance_level: importance,
      has_exact_publish_time: 1,
    });
  }
  return out;
}

export function registerCalendar(table: RouteTable, seed: number): void {
  table.set("/api/calendar/economic-data", {
    minPlan: "startup",
    cache: true,
    noMsg: true,
    handler: (ctx: RouteContext) => {
      const now = ctx.now;
      const from = timeParam(ctx, "start_time") ?? now - DAY_MS;
      const to = timeParam(ctx, "end_time") ?? now + 7 * DAY_MS;
      if (from < now - 15 * DAY_MS - HOUR_MS) invalid("start_time");
      if (to > now + 15 * DAY_MS + HOUR_MS) invalid("end_time");
      const lang = ctx.q.get("language");
      if (lang !== null && lang !== "en" && lang !== "zh") invalid("language");
      const out: CalendarEvent[] = [];
      for (let d = Math.floor(from / DAY_MS) * DAY_MS; d <= to; d += DAY_MS)
        out.push(...dayEvents(seed, d, now));
      out.push(...ctx.events.calendar());
      return out
        .filter((e) => e.publish_timestamp >= from && e.publish_timestamp <= to)
        .sort((a, b) => a.publish_timestamp - b.publish_timestamp);
    },
  });
}
