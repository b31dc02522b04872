import { z } from "zod";
import { num, pct, str } from "./fields.js";

const ChangeSchema = z
  .object({ quantity: num("Change, in coins", 638.8), pct: pct("Change", 0.09) })
  .meta({ id: "BalanceChange", description: "Change of an exchange balance over the window." });

/** `/gpt/onchain`. */
export const OnchainReportSchema = z.object({
  symbol: str("Coin symbol", "BTC"),
  exchanges: z
    .array(
      z.object({
        exchange: str("Exchange", "Coinbase"),
        balance: z
          .number()
          .meta({ description: "Balance on the exchange's wallets, in coins.", examples: [716590.35] }),
        change: z.object({ "1d": ChangeSchema, "7d": ChangeSchema, "30d": ChangeSchema }),
      }),
    )
    .meta({ description: "Largest balance first." }),
  total_balance: num("Sum over the listed exchanges, in coins", 2_150_000),
  total_change: z
    .object({
      "1d": num("1 day, coins", 1144),
      "7d": num("7 days, coins", -2985),
      "30d": num("30 days, coins", -25368),
    })
    .meta({ description: "Sum of the exchanges' changes; negative = coins left exchanges." }),
});
