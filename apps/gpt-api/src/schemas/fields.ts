import { z } from "zod";

/** Leaf helpers: every field says its unit and carries an example. */

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

const CHANGE_WINDOWS = ["5m", "15m", "30m", "1h", "4h", "12h", "24h"] as const;

/** Percent change per window; every window present, null when unknown. */
export const changeWindows = (what: string) =>
  z
    .object(Object.fromEntries(CHANGE_WINDOWS.map((w) => [w, pct(`${what} over ${w}`)])))
    .meta({ description: `${what} per window (5m … 24h), in percent.` });

/** Percent change per window where CoinGlass may leave windows out. */
export const partialChangeWindows = (what: string) =>
  z
    .object(Object.fromEntries(CHANGE_WINDOWS.map((w) => [w, pct(`${what} over ${w}`).optional()])))
    .meta({ description: `${what} per window, in percent; absent windows were not given by CoinGlass.` });

export const LiquidationTotalsSchema = z.object({
  total_usd: usd("Liquidated, both sides", 48_200_000),
  long_usd: usd("Long positions liquidated", 30_100_000),
  short_usd: usd("Short positions liquidated", 18_100_000),
});

export const LiquidationExchangeRowSchema = LiquidationTotalsSchema.extend({
  exchange: str("Exchange name", "Binance"),
});

export const ExchangeFundingRateSchema = z.object({
  exchange: str("Exchange name", "Binance"),
  rate_pct: pct("Funding rate per funding interval (0.01 = 0.01 %)", 0.01),
  interval_hours: num("Funding interval, in hours", 8),
  next_funding_time: ms("Next funding time"),
});

export const OhlcBarSchema = z.object({
  time: msReq("Bar open time"),
  open: z.number().meta({ description: "Open value (unit of the series).", examples: [1.0] }),
  high: z.number().meta({ description: "High value (unit of the series).", examples: [1.2] }),
  low: z.number().meta({ description: "Low value (unit of the series).", examples: [0.9] }),
  close: z.number().meta({ description: "Close value (unit of the series).", examples: [1.1] }),
});

export const LongShortReadingSchema = z.object({
  long_pct: pct("Share of longs", 52.4),
  short_pct: pct("Share of shorts", 47.6),
  ratio: num("Longs divided by shorts", 1.1),
  time: ms("Time of the reading"),
});

export const trend = z
  .enum(["up", "down", "flat"])
  .nullable()
  .meta({ description: "Direction over 24 h; null when unknown." });
