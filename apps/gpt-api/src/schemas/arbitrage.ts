import { z } from "zod";
import { ms, num, pct, str, usd } from "./fields.js";

const LegSchema = z
  .object({
    exchange: str("Exchange", "Binance"),
    open_interest_usd: usd("Open interest", 848_218),
    rate_pct: pct("Funding rate per interval_hours", 0.005),
    interval_hours: num("Funding interval, in hours", 8),
    per_8h_pct: pct("The rate on the common 8-hour basis", 0.005),
    apr_pct: pct("The rate annualized (simple)", 5.475),
  })
  .meta({ id: "ArbitrageLeg", description: "One leg of a funding arbitrage pair." });

/** `/gpt/funding-arbitrage`. */
export const FundingArbitrageReportSchema = z.object({
  pairs: z
    .array(
      z.object({
        symbol: str("Coin symbol", "BTC"),
        long: LegSchema.meta({ description: "Go long here: the lower funding rate." }),
        short: LegSchema.meta({ description: "Go short here: the higher funding rate." }),
        spread_per_8h_pct: pct("short minus long, per 8 h", 0.05),
        spread_apr_pct: pct("spread_per_8h_pct as simple APR, before fees", 54.75),
        coinglass_apr_pct: pct("CoinGlass's APR as given", 54.75),
        fee_pct: num("Both legs' fees as CoinGlass gives them", 0.03),
        price_spread_pct: pct("Price gap between the two venues", -0.09),
        next_funding_time: ms("Next funding settlement"),
        accumulated_7d: z
          .object({
            long_pct: pct("7-day funding sum, long leg", 0.07),
            short_pct: pct("7-day funding sum, short leg", 0.21),
          })
          .meta({ description: "How persistent the gap has been; null where CoinGlass has no sum." }),
      }),
    )
    .meta({ description: "Best first by spread_apr_pct." }),
  principal_usd: z
    .number()
    .meta({ description: "Principal CoinGlass sized the pairs for, in US dollars.", examples: [10000] }),
});
