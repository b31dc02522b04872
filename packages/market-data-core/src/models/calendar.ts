import { z } from "zod";
import { msReq, num } from "./fields.js";

const display = (what: string, example: string) =>
  z
    .string()
    .nullable()
    .meta({ description: `${what}, CoinGlass's display text; null when not given.`, examples: [example] });

/** One economic release (`fetchEconomicCalendar`). Values are CoinGlass's display text. */
export const EconomicEventSchema = z.object({
  name: z.string().meta({ description: "Release name.", examples: ["CPI (YoY)"] }),
  countryCode: display("Country code", "USA"),
  country: display("Country", "United States"),
  importance: num("Importance, 1..3 (3 = most important)", 3),
  time: msReq("Release time"),
  /** False when CoinGlass says the exact time is not known (only the day is). */
  exactTime: z.boolean().meta({ description: "False when only the day is known.", examples: [true] }),
  forecast: display("Forecast", "2.6%"),
  previous: display("Previous figure", "4.9%"),
  actual: display("Released figure (null until published)", "0.2%"),
});
export type EconomicEvent = z.infer<typeof EconomicEventSchema>;

/** `getCalendar({ days, minImportance })`. */
export const CalendarReportSchema = z.object({
  /** Window start (now) and end, epoch ms. */
  from: msReq("Window start"),
  to: msReq("Window end"),
  minImportance: z.number().meta({ description: "Lowest importance listed (1..3).", examples: [2] }),
  events: z.array(EconomicEventSchema).meta({ description: "Soonest first." }),
});
export type CalendarReport = z.infer<typeof CalendarReportSchema>;
