import { z } from "zod";
import { figure, num, pct, str } from "./fields.js";

/** Change of an exchange balance over one window: in coins and percent. */
export const BalanceChangeSchema = z
  .object({ quantity: num("Change, in coins", 638.8), pct: pct("Change", 0.09) })
  .meta({ description: "Change of an exchange balance over the window." });
export type BalanceChange = z.infer<typeof BalanceChangeSchema>;

/** One exchange's on-chain holdings of a coin (`fetchExchangeBalances`). */
export const ExchangeBalanceSchema = z.object({
  exchange: str("Exchange", "Coinbase"),
  balance: figure("Balance on the exchange's wallets, in coins.", 716590.35),
  change: z.object({ "1d": BalanceChangeSchema, "7d": BalanceChangeSchema, "30d": BalanceChangeSchema }),
});
export type ExchangeBalance = z.infer<typeof ExchangeBalanceSchema>;

/** `getOnchain(symbol)`: a coin's exchange balances, largest first, with their total. */
export const OnchainReportSchema = z.object({
  symbol: str("Coin symbol", "BTC"),
  exchanges: z.array(ExchangeBalanceSchema).meta({ description: "Largest balance first." }),
  totalBalance: num("Sum over the listed exchanges, in coins", 2_150_000),
  /** Null where one exchange's change is unknown. */
  totalChange: z
    .object({
      "1d": num("1 day, coins", 1144),
      "7d": num("7 days, coins", -2985),
      "30d": num("30 days, coins", -25368),
    })
    .meta({ description: "Sum of the exchanges' changes; negative = coins left exchanges." }),
});
export type OnchainReport = z.infer<typeof OnchainReportSchema>;

/**
 * Whether a transfer moved coins onto or off an exchange, judged from its labels: only labels
 * naming a known exchange count; anything else (e.g. "unknown wallet") is `other`.
 */
export const TransferDirectionSchema = z
  .enum(["to_exchange", "from_exchange", "between_exchanges", "other"])
  .meta({ description: "Onto or off an exchange, when a label names a known exchange." });
export type TransferDirection = z.infer<typeof TransferDirectionSchema>;

/** One on-chain transfer of $10M or more (`fetchWhaleTransfers`). */
export const WhaleTransferSchema = z.object({
  hash: str("Transaction hash", "0x910a…6dcc"),
  symbol: str("Asset moved", "BTC"),
  usd: figure("Value moved, in US dollars.", 18_403_606),
  quantity: num("Amount moved, in the asset's units", 10_081.79),
  /** CoinGlass's labels, e.g. "Binance" or "unknown wallet". */
  from: str("Sender label from CoinGlass (an exchange or 'unknown wallet')", "unknown wallet"),
  to: str("Receiver label", "Binance"),
  direction: TransferDirectionSchema,
  chain: z
    .string()
    .nullable()
    .meta({ description: "Blockchain.", examples: ["bitcoin"] }),
  time: figure("Block time, epoch milliseconds (UTC).", 1746265043000),
});
export type WhaleTransfer = z.infer<typeof WhaleTransferSchema>;

/** `getWhaleTransfers({ symbol, limit })`. */
export const WhaleTransferReportSchema = z.object({
  symbol: z
    .string()
    .nullable()
    .meta({ description: "Coin filter; null for all coins.", examples: ["BTC"] }),
  transfers: z
    .array(WhaleTransferSchema)
    .meta({ description: "Transfers of $10M or more in the last 24 h, newest first." }),
  toExchangesUsd: figure("Sum moved onto exchanges, in US dollars.", 75e6),
  fromExchangesUsd: figure("Sum moved off exchanges, in US dollars.", 20e6),
});
export type WhaleTransferReport = z.infer<typeof WhaleTransferReportSchema>;
