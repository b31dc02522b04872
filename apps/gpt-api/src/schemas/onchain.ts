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

/** `/gpt/whale-transfers`. */
export const WhaleTransferReportSchema = z.object({
  symbol: z
    .string()
    .nullable()
    .meta({ description: "Coin filter; null for all coins.", examples: ["BTC"] }),
  transfers: z
    .array(
      z.object({
        hash: str("Transaction hash", "0x910a…6dcc"),
        symbol: str("Asset moved", "BTC"),
        usd: z.number().meta({ description: "Value moved, in US dollars.", examples: [18_403_606] }),
        quantity: num("Amount moved, in the asset's units", 10_081.79),
        from: str("Sender label from CoinGlass (an exchange or 'unknown wallet')", "unknown wallet"),
        to: str("Receiver label", "Binance"),
        direction: z
          .enum(["to_exchange", "from_exchange", "between_exchanges", "other"])
          .meta({ description: "Onto or off an exchange, when a label names a known exchange." }),
        chain: z
          .string()
          .nullable()
          .meta({ description: "Blockchain.", examples: ["bitcoin"] }),
        time: z
          .number()
          .meta({ description: "Block time, epoch milliseconds (UTC).", examples: [1746265043000] }),
      }),
    )
    .meta({ description: "Transfers of $10M or more in the last 24 h, newest first." }),
  to_exchanges_usd: z
    .number()
    .meta({ description: "Sum moved onto exchanges, in US dollars.", examples: [75e6] }),
  from_exchanges_usd: z
    .number()
    .meta({ description: "Sum moved off exchanges, in US dollars.", examples: [20e6] }),
});
