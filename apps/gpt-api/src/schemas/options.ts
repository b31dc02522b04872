import { z } from "zod";
import { ms, num, pct, str, usd } from "./fields.js";

const VenueSchema = z
  .object({
    exchange: str("Exchange (All for the total)", "Deribit"),
    open_interest: num("Open interest, in contracts", 262_641.9),
    open_interest_usd: usd("Open interest", 23_005_403_973),
    share_pct: pct("Share of all options open interest", 72.74),
    open_interest_change_24h_pct: pct("Open-interest change over 24 h", 2.57),
    volume_24h_usd: usd("Volume over 24 h", 2_080_336_672),
    volume_change_24h_pct: pct("Volume change over 24 h", 303.1),
  })
  .meta({ id: "OptionVenue", description: "Options open interest and volume of one venue." });

/** `/gpt/options`. */
export const OptionsReportSchema = z.object({
  symbol: str("Coin symbol", "BTC"),
  exchange: str("Exchange whose expiries are listed", "Deribit"),
  price_usd: usd("Underlying price at price_time", 84_945.6),
  price_time: ms("Time of price_usd"),
  total: VenueSchema.nullable().meta({ description: "All venues together; null when not given." }),
  by_exchange: z.array(VenueSchema).meta({ description: "Per venue, largest open interest first." }),
  expiries: z
    .array(
      z.object({
        date: str("Expiry day, YYYY-MM-DD", "2026-12-04"),
        max_pain_usd: usd("Max pain strike (holders paid least)", 85_000),
        max_pain_distance_pct: pct("Max pain vs price_usd", 0.06),
        call_open_interest: num("Call OI, contracts", 953.7),
        put_open_interest: num("Put OI, contracts", 512.5),
        put_call_ratio: num("Put / call open interest", 0.54),
        call_notional_usd: usd("Call OI notional", 83_519_113),
        put_notional_usd: usd("Put OI notional", 44_881_569),
        call_market_value_usd: usd("Call OI market value", 1_616_749),
        put_market_value_usd: usd("Put OI market value", 49_687),
      }),
    )
    .meta({ description: "Expiries on the exchange, soonest first." }),
  put_call_oi_ratio: num("Put / call OI, all listed expiries", 0.82),
});
