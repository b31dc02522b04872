import { z } from "zod";
import { ms, num, pct, str, usd } from "./fields.js";

const LegSchema = z.object({
  exchange: str("Exchange (as CoinGlass spells it here, e.g. Gate.io)", "Binance"),
  open_interest_usd: usd("Open interest of the coin on this exchange", 848_218),
  rate_pct: pct("Funding rate per interval, as the exchange settles it", 0.005),
  interval_hours: num("Funding interval, in hours", 8),
  per_8h_pct: pct("The rate on the common 8-hour basis", 0.005),
  apr_pct: pct("The rate annualized (simple)", 5.475),
});

/** `/gpt/funding-arbitrage`. */
export const FundingArbitrageReportSchema = z.object({
  pairs: z
    .array(
      z.object({
        symbol: str("Coin symbol", "BTC"),
        long: LegSchema.meta({ description: "Go long here: the lower funding rate." }),
        short: LegSchema.meta({ description: "Go short here: the higher funding rate." }),
        spread_per_8h_pct: pct("short.per_8h_pct − long.per_8h_pct: collected per 8 hours", 0.05),
        spread_apr_pct: pct("spread_per_8h_pct annualized, simple, before fees", 54.75),
        coinglass_apr_pct: pct("CoinGlass's own APR (assumes both legs settle on one interval)", 54.75),
        fee_pct: num("Trading fees of both legs as CoinGlass gives them (unit not documented)", 0.03),
        price_spread_pct: pct("Price gap between the two venues", -0.09),
        next_funding_time: ms("Next funding settlement"),
        accumulated_7d: z
          .object({
            long_pct: pct("Funding summed over 7 days on the long leg's exchange", 0.07),
            short_pct: pct("Funding summed over 7 days on the short leg's exchange", 0.21),
          })
          .meta({ description: "How persistent the gap has been; null where CoinGlass has no sum." }),
      }),
    )
    .meta({ description: "Best first by spread_apr_pct." }),
  principal_usd: z
    .number()
    .meta({ description: "Principal CoinGlass sized the pairs for, in US dollars.", examples: [10000] }),
});
