import { z } from "zod";
import { msReq, num, pct, str, usd } from "./fields.js";

/** `/gpt/indicators`. */
export const IndicatorsReportSchema = z.object({
  symbol: str("Coin symbol", "BTC"),
  interval: str("Bar length used (the plan's shortest up to 1h)", "1h"),
  coinbase_premium: z
    .object({
      premium_usd: z
        .number()
        .meta({ description: "Coinbase minus Binance BTC price, in US dollars.", examples: [5.55] }),
      time: msReq("Bar time"),
      change_24h_usd: usd("Change of the premium over 24 h", -2.1),
    })
    .nullable()
    .meta({ description: "BTC only; null for ETH." }),
  bitfinex_margin: z
    .object({
      long_quantity: z
        .number()
        .meta({ description: "Bitfinex margin longs, in coins.", examples: [104637.94] }),
      short_quantity: z
        .number()
        .meta({ description: "Bitfinex margin shorts, in coins.", examples: [2828.53] }),
      long_short_ratio: num("Longs / shorts", 37),
      longs_change_24h_pct: pct("Change of the longs over 24 h", 0.6),
      time: msReq("Bar time"),
    })
    .nullable(),
  basis: z
    .object({
      exchange: str("Exchange", "Binance"),
      pair: str("Perpetual pair", "BTCUSDT"),
      basis_pct: z
        .number()
        .meta({ description: "Futures premium over spot, in percent.", examples: [0.0445] }),
      time: msReq("Bar time"),
    })
    .nullable(),
});
