import { z } from "zod";
import { ms, num, pct, str, usd } from "./fields.js";

/** One venue's options open interest and volume (`fetchOptionInfo`). */
export const OptionVenueSchema = z
  .object({
    exchange: str("Exchange (All for the total)", "Deribit"),
    /** Contracts, as CoinGlass counts them. */
    openInterest: num("Open interest, in contracts", 262_641.9),
    openInterestUsd: usd("Open interest", 23_005_403_973),
    sharePct: pct("Share of all options open interest", 72.74),
    openInterestChange24hPct: pct("Open-interest change over 24 h", 2.57),
    volume24hUsd: usd("Volume over 24 h", 2_080_336_672),
    volumeChange24hPct: pct("Volume change over 24 h", 303.1),
  })
  .meta({ description: "Options open interest and volume of one venue." });
export type OptionVenue = z.infer<typeof OptionVenueSchema>;

/** An expiry as `getOptions` lists it: with max pain against the price and put/call. */
const ListedExpirySchema = z.object({
  /** `YYYY-MM-DD` (CoinGlass sends `YYMMDD`). */
  date: str("Expiry day, YYYY-MM-DD", "2026-12-04"),
  /** The strike where option holders would be paid least at expiry. */
  maxPainUsd: usd("Max pain strike (holders paid least)", 85_000),
  /** (max pain / price − 1) × 100. */
  maxPainDistancePct: pct("Max pain vs price_usd", 0.06),
  callOpenInterest: num("Call OI, contracts", 953.7),
  putOpenInterest: num("Put OI, contracts", 512.5),
  putCallRatio: num("Put / call open interest", 0.54),
  callNotionalUsd: usd("Call OI notional", 83_519_113),
  putNotionalUsd: usd("Put OI notional", 44_881_569),
  callMarketValueUsd: usd("Call OI market value", 1_616_749),
  putMarketValueUsd: usd("Put OI market value", 49_687),
});

/** One expiry's max pain and open interest on one exchange (`fetchOptionMaxPain`). */
export const OptionExpirySchema = ListedExpirySchema.omit({ maxPainDistancePct: true, putCallRatio: true });
export type OptionExpiry = z.infer<typeof OptionExpirySchema>;

/** Parallel lists of an options chart (`fetchOptionOiHistory`): per exchange, lower-case keys. */
export const OptionChartSchema = z.object({
  times: z.array(z.number()),
  prices: z.array(z.number().nullable()),
  byExchange: z.record(z.string(), z.array(z.number().nullable())),
});
export type OptionChart = z.infer<typeof OptionChartSchema>;

/** `getOptions(symbol, { exchange })`. */
export const OptionsReportSchema = z.object({
  symbol: str("Coin symbol", "BTC"),
  /** Default Deribit. */
  exchange: str("Exchange whose expiries are listed", "Deribit"),
  /** At the newest point of the hourly options chart. */
  priceUsd: usd("Underlying price at price_time", 84_945.6),
  /** Up to an hour ago. */
  priceTime: ms("Time of price_usd"),
  total: OptionVenueSchema.nullable().meta({ description: "All venues together; null when not given." }),
  byExchange: z.array(OptionVenueSchema).meta({ description: "Per venue, largest open interest first." }),
  expiries: z.array(ListedExpirySchema).meta({ description: "Expiries on the exchange, soonest first." }),
  /** Summed over the listed expiries; null when the calls are unknown. */
  putCallOiRatio: num("Put / call OI, all listed expiries", 0.82),
});
export type OptionsReport = z.infer<typeof OptionsReportSchema>;
