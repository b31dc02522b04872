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
export const ChangeWindowsSchema = z
  .object(Object.fromEntries(CHANGE_WINDOWS.map((w) => [w, z.number().nullable()])))
  .meta({
    id: "ChangeWindows",
    description:
      "Percent change per window (5m … 24h; 1.25 = 1.25 %); null when CoinGlass did not give that window.",
    examples: [{ "5m": 0.1, "15m": 0.3, "30m": -0.2, "1h": 0.8, "4h": 1.9, "12h": null, "24h": 3.4 }],
  });
export const changeWindows = (_what: string) => ChangeWindowsSchema;

/** Percent change per window where CoinGlass may leave windows out. */
export const PartialChangeWindowsSchema = z
  .object(Object.fromEntries(CHANGE_WINDOWS.map((w) => [w, z.number().nullable().optional()])))
  .meta({
    id: "PartialChangeWindows",
    description:
      "Percent change per window (1.25 = 1.25 %); windows CoinGlass does not give are absent or null.",
    examples: [{ "1h": 0.8, "4h": 1.9, "24h": 3.4 }],
  });
export const partialChangeWindows = (_what: string) => PartialChangeWindowsSchema;

const liquidationTotals = {
  total_usd: usd("Liquidated, both sides", 48_200_000),
  long_usd: usd("Long positions liquidated", 30_100_000),
  short_usd: usd("Short positions liquidated", 18_100_000),
};
export const LiquidationTotalsSchema = z.object(liquidationTotals).meta({ id: "LiquidationTotals" });

export const LiquidationExchangeRowSchema = z
  .object({ exchange: str("Exchange name", "Binance"), ...liquidationTotals })
  .meta({ id: "LiquidationByExchange" });

export const ExchangeFundingRateSchema = z
  .object({
    exchange: str("Exchange name", "Hyperliquid"),
    rate_pct: pct(
      "Funding rate per this exchange's own interval, as CoinGlass gives it (0.01 = 0.01 %); compare per_8h_pct instead",
      0.0007,
    ),
    interval_hours: num("Funding interval of this exchange, in hours (Hyperliquid 1, most 8, some 4)", 1),
    next_funding_time: ms("Next funding time"),
    per_8h_pct: pct(
      "rate_pct scaled to 8 hours (rate × 8 / interval): the basis every comparison uses",
      0.0056,
    ),
    apr_pct: pct("rate_pct annualized without compounding (rate × 8760 / interval)", 6.132),
  })
  .meta({ id: "ExchangeFundingRate" });

export const FundingAverageSchema = z
  .object({
    per_8h_pct: pct(
      "Stablecoin-margin funding per 8 hours, weighted by each exchange's open interest",
      0.0061,
    ),
    apr_pct: pct("per_8h_pct annualized without compounding", 6.68),
    exchanges: z
      .number()
      .int()
      .meta({ description: "Exchanges that had both a rate and an open-interest figure.", examples: [8] }),
  })
  .meta({
    id: "FundingAverage",
    description: "Funding averaged on one basis (per 8 hours), open-interest-weighted over exchanges.",
  });

export const OhlcBarSchema = z
  .object({
    time: msReq("Bar open time"),
    open: z.number().meta({ description: "Open value (unit of the series).", examples: [1.0] }),
    high: z.number().meta({ description: "High value (unit of the series).", examples: [1.2] }),
    low: z.number().meta({ description: "Low value (unit of the series).", examples: [0.9] }),
    close: z.number().meta({ description: "Close value (unit of the series).", examples: [1.1] }),
  })
  .meta({ id: "OhlcBar" });

export const LongShortReadingSchema = z
  .object({
    long_pct: pct("Share of longs", 52.4),
    short_pct: pct("Share of shorts", 47.6),
    ratio: num("Longs divided by shorts", 1.1),
    time: ms("Time of the reading"),
  })
  .meta({ id: "LongShortReading" });

export const trend = z
  .enum(["up", "down", "flat"])
  .nullable()
  .meta({ description: "Direction over 24 h; null when unknown." });
