import { z } from "zod";
import { figure, msReq, num, pct, str, usd } from "./fields.js";

/** One reading of the Coinbase premium: Coinbase's BTC price minus Binance's, USD. */
export const CoinbasePremiumPointSchema = z.object({ time: z.number(), premiumUsd: z.number() });
export type CoinbasePremiumPoint = z.infer<typeof CoinbasePremiumPointSchema>;

/** Bitfinex margin positions of one coin, in coins. */
export const BitfinexMarginPointSchema = z.object({
  time: z.number(),
  longQuantity: z.number(),
  shortQuantity: z.number(),
});
export type BitfinexMarginPoint = z.infer<typeof BitfinexMarginPointSchema>;

/** Futures basis of one pair: the futures premium over spot, percent. */
export const BasisPointSchema = z.object({
  time: z.number(),
  openBasisPct: z.number(),
  closeBasisPct: z.number(),
});
export type BasisPoint = z.infer<typeof BasisPointSchema>;

/** `getIndicators(symbol)`: spot-market and futures indicators of BTC or ETH. */
export const IndicatorsReportSchema = z.object({
  symbol: str("Coin symbol", "BTC"),
  /** The bar length asked for (the plan's shortest allowed, up to 1 h). */
  interval: str("Bar length used (the plan's shortest up to 1h)", "1h"),
  /** BTC only (CoinGlass has it for BTC alone); null otherwise. */
  coinbasePremium: z
    .object({
      premiumUsd: figure("Coinbase minus Binance BTC price, in US dollars.", 5.55),
      time: msReq("Bar time"),
      change24hUsd: usd("Change of the premium over 24 h", -2.1),
    })
    .nullable()
    .meta({ description: "BTC only; null for ETH." }),
  bitfinexMargin: z
    .object({
      longQuantity: figure("Bitfinex margin longs, in coins.", 104637.94),
      shortQuantity: figure("Bitfinex margin shorts, in coins.", 2828.53),
      longShortRatio: num("Longs / shorts", 37),
      longsChange24hPct: pct("Change of the longs over 24 h", 0.6),
      time: msReq("Bar time"),
    })
    .nullable(),
  /** Binance perpetual basis (premium over spot), percent; null when not given. */
  basis: z
    .object({
      exchange: str("Exchange", "Binance"),
      pair: str("Perpetual pair", "BTCUSDT"),
      basisPct: figure("Futures premium over spot, in percent.", 0.0445),
      time: msReq("Bar time"),
    })
    .nullable(),
});
export type IndicatorsReport = z.infer<typeof IndicatorsReportSchema>;
