/** Raw schema: the economic calendar (coinglass-api-more.md §9.1, Startup+). */
import { z } from "zod";
import { epochMs } from "./common.js";

/**
 * One event of `GET /api/calendar/economic-data`. Values are display text (`"2.6%"`) and may be
 * `""` when not known yet; `importance_level` 3 is the most important (inferred from the examples).
 */
export const RawEconomicEventSchema = z.object({
  calendar_name: z.string(),
  country_code: z.string(),
  country_name: z.string(),
  data_effect: z.string(),
  forecast_value: z.string(),
  previous_value: z.string(),
  revised_previous_value: z.string(),
  published_value: z.string(),
  publish_timestamp: epochMs,
  importance_level: z.number().int(),
  has_exact_publish_time: z.number().int(),
});
export type RawEconomicEvent = z.infer<typeof RawEconomicEventSchema>;
