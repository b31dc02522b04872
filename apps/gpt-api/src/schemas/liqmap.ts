import { z } from "zod";
import { ms, pct, str, usd, usdReq } from "./fields.js";

const ClusterSchema = z
  .object({
    price_usd: usdReq("The cluster's largest level", 84_945.68),
    distance_pct: z.number().meta({
      description: "price_usd vs the current price, in percent (2.2 = 2.2 % above).",
      examples: [2.2],
    }),
    liquidation_usd: usdReq("Summed over the band", 446_180_000),
    from_usd: usdReq("Lower edge of the band", 84_532.04),
    to_usd: usdReq("Upper edge of the band", 84_948.46),
  })
  .meta({
    id: "LiquidationCluster",
    description:
      "A price band (band_pct of the price wide) with a large amount to liquidate, at a local peak.",
  });

const MaxPainSideSchema = z
  .object({
    price_usd: usd("Max-pain price", 87_327.98),
    liquidation_usd: usd("Amount to liquidate at that price", 172_300_000),
    distance_pct: pct("price_usd vs the current price", 5.1),
  })
  .meta({ id: "LiquidationMaxPainSide" });

/** `/gpt/liquidation-map`. */
export const LiquidationMapReportSchema = z.object({
  symbol: str("Coin symbol", "BTC"),
  range: z.enum(["12h", "24h", "3d", "7d", "30d"]).meta({ description: "The window asked for." }),
  map_range: str("Window of the liquidation map the clusters come from (1d, 7d or 30d)", "1d"),
  model: str("CoinGlass heatmap model used (the docs do not say how models differ)", "model1"),
  price_usd: usd("Current price: close of the heatmap's newest candle", 83_117.77),
  price_time: ms("Open time of that candle"),
  band_pct: z
    .number()
    .meta({ description: "Width of a cluster's band, percent of the price.", examples: [0.5] }),
  clusters: z
    .object({
      above: z.array(ClusterSchema).meta({ description: "Up to 3 above the price, nearest first." }),
      below: z.array(ClusterSchema).meta({ description: "Up to 3 below the price, nearest first." }),
    })
    .meta({ description: "Nearest large liquidation clusters (all exchanges)." }),
  totals: z.object({
    above_usd: usd("All map levels above the price, summed", 4_270_000_000),
    below_usd: usd("All map levels below the price, summed", 4_200_000_000),
  }),
  max_pain: z.object({ long: MaxPainSideSchema, short: MaxPainSideSchema }).nullable().meta({
    description:
      "CoinGlass liquidation max pain, sides named as CoinGlass names them (its docs define neither; its example puts long above the price). Null when not given.",
  }),
  heatmap: z
    .object({
      from_time: ms("Open time of the first candle"),
      to_time: ms("Open time of the last candle"),
      candles: z
        .number()
        .int()
        .meta({ description: "Time columns.", examples: [288] }),
      price_rows: z
        .number()
        .int()
        .meta({ description: "Price rows.", examples: [160] }),
      cells: z
        .number()
        .int()
        .meta({ description: "Cells with an amount.", examples: [36_891] }),
      min_price_usd: usd("Lowest row", 74_600),
      max_price_usd: usd("Highest row", 92_800),
      peak: z
        .object({
          price_usd: usdReq("Price of the largest cell", 80_657.54),
          liquidation_usd: usdReq("Its amount", 310_000_000),
          time: ms("Its candle's open time"),
        })
        .nullable()
        .meta({ description: "The largest cell; null when the heatmap is empty." }),
    })
    .nullable()
    .meta({ description: "The heatmap in figures (the bot draws it); null when CoinGlass gave none." }),
});
