import { z } from "zod";
import { msReq, num } from "./fields.js";

const text = (what: string, example: string) =>
  z
    .string()
    .nullable()
    .meta({ description: `${what}, CoinGlass's display text; null when not given.`, examples: [example] });

/** `/gpt/calendar`. */
export const CalendarReportSchema = z.object({
  from: msReq("Window start"),
  to: msReq("Window end"),
  min_importance: z.number().meta({ description: "Lowest importance listed (1..3).", examples: [2] }),
  events: z
    .array(
      z.object({
        name: z.string().meta({ description: "Release name.", examples: ["CPI (YoY)"] }),
        country_code: text("Country code", "USA"),
        country: text("Country", "United States"),
        importance: num("Importance, 1..3 (3 = most important)", 3),
        time: msReq("Release time"),
        exact_time: z.boolean().meta({ description: "False when only the day is known.", examples: [true] }),
        forecast: text("Forecast", "2.6%"),
        previous: text("Previous figure", "4.9%"),
        actual: text("Released figure (null until published)", "0.2%"),
      }),
    )
    .meta({ description: "Soonest first." }),
});
