import { z } from "zod";

/**
 * Leaf schemas of the domain models: each says its unit and carries an example. The descriptions
 * are the public documentation of the API, which shows the models with snake_case keys: that is
 * why a description names other fields as `per_8h_pct`, not `per8hPct`.
 */

export const usd = (what: string, example = 1_250_000.5) =>
  z
    .number()
    .nullable()
    .meta({
      description: `${what}, in US dollars; null when CoinGlass did not give it.`,
      examples: [example],
    });
export const usdReq = (what: string, example = 1_250_000.5) =>
  z.number().meta({ description: `${what}, in US dollars.`, examples: [example] });
export const pct = (what: string, example = 1.25) =>
  z
    .number()
    .nullable()
    .meta({ description: `${what}, in percent (1.25 = 1.25 %); null when not given.`, examples: [example] });
export const ms = (what: string) =>
  z
    .number()
    .nullable()
    .meta({
      description: `${what}, epoch milliseconds (UTC); null when not given.`,
      examples: [1767225600000],
    });
export const msReq = (what: string) =>
  z.number().meta({ description: `${what}, epoch milliseconds (UTC).`, examples: [1767225600000] });
export const num = (what: string, example = 1.5) =>
  z
    .number()
    .nullable()
    .meta({ description: `${what}; null when not given.`, examples: [example] });
export const str = (what: string, example: string) =>
  z.string().meta({ description: what, examples: [example] });
/** A whole number with its description and example. */
export const int = (description: string, example: number) =>
  z
    .number()
    .int()
    .meta({ description, examples: [example] });
/** A number that is always given, with its description and example. */
export const figure = (description: string, example: number) =>
  z.number().meta({ description, examples: [example] });
/** Text CoinGlass may leave out, with its description and example. */
export const text = (description: string, example: string) =>
  z
    .string()
    .nullable()
    .meta({ description, examples: [example] });

/** An object with the same schema under each of `keys` (windows, timeframes). */
export function windows<const K extends string, S extends z.ZodType>(keys: readonly K[], schema: S) {
  return z.object(Object.fromEntries(keys.map((k) => [k, schema])) as Record<K, S>);
}

/** A window CoinGlass precomputes changes for. */
export const CHANGE_WINDOWS = ["5m", "15m", "30m", "1h", "4h", "12h", "24h"] as const;
export type ChangeWindow = (typeof CHANGE_WINDOWS)[number];

/** Percent change per window; every window present, null when unknown. */
export const ChangeWindowsSchema = windows(CHANGE_WINDOWS, z.number().nullable()).meta({
  description:
    "Percent change per window (5m … 24h; 1.25 = 1.25 %); null when CoinGlass did not give that window.",
  examples: [{ "5m": 0.1, "15m": 0.3, "30m": -0.2, "1h": 0.8, "4h": 1.9, "12h": null, "24h": 3.4 }],
});

/** Percent change per window where CoinGlass may leave windows out. */
export const PartialChangeWindowsSchema = windows(CHANGE_WINDOWS, z.number().nullable().optional()).meta({
  description:
    "Percent change per window (1.25 = 1.25 %); windows CoinGlass does not give are absent or null.",
  examples: [{ "1h": 0.8, "4h": 1.9, "24h": 3.4 }],
});

/** Trend label of a market series. */
export const TrendSchema = z.enum(["up", "down", "flat"]);
export type Trend = z.infer<typeof TrendSchema>;
export const trend = TrendSchema.nullable().meta({ description: "Direction over 24 h; null when unknown." });
