import { z } from "zod";
import { int, ms, pct, str, usd, usdReq } from "./fields.js";

/** Windows of `getLiquidationMap` (each maps onto the windows the three endpoints accept). */
export const LIQUIDATION_MAP_RANGES = ["12h", "24h", "3d", "7d", "30d"] as const;
export type LiquidationMapRange = (typeof LIQUIDATION_MAP_RANGES)[number];

/**
 * A liquidation heatmap (`fetchLiquidationHeatmap`): one column per candle, one row per price.
 * Cells CoinGlass did not list are empty (no positions there), not unknown.
 */
export const LiquidationHeatmapSchema = z.object({
  /** Candle open times, epoch ms (CoinGlass sends seconds), oldest first; null when unreadable. */
  times: z.array(z.number().nullable()),
  /** Candle closes, USD. */
  closes: z.array(z.number().nullable()),
  /** Row prices, USD, as CoinGlass orders them (ascending in the docs). */
  prices: z.array(z.number().nullable()),
  /** `[column, row, usd]`; cells pointing at no column or row are dropped. */
  cells: z.array(z.tuple([z.number(), z.number(), z.number()])),
});
export type LiquidationHeatmap = z.infer<typeof LiquidationHeatmapSchema>;

/** One price of a liquidation map (`fetchLiquidationLevels`): the amount summed over leverages. */
export const LiquidationLevelSchema = z.object({ priceUsd: z.number(), liquidationUsd: z.number() });
export type LiquidationLevel = z.infer<typeof LiquidationLevelSchema>;

const side = z.object({ priceUsd: z.number().nullable(), liquidationUsd: z.number().nullable() });
/** One coin of the liquidation max-pain list, as CoinGlass names the sides (undefined in its docs). */
export const LiquidationMaxPainRowSchema = z.object({
  symbol: z.string(),
  priceUsd: z.number().nullable(),
  long: side,
  short: side,
});
export type LiquidationMaxPainRow = z.infer<typeof LiquidationMaxPainRowSchema>;

/** A band of nearby levels with a lot to liquidate. */
export const LiquidationClusterSchema = z
  .object({
    /** The band's largest level. */
    priceUsd: usdReq("The cluster's largest level", 84_945.68),
    /** (priceUsd / price − 1) × 100. */
    distancePct: z.number().meta({
      description: "price_usd vs the current price, in percent (2.2 = 2.2 % above).",
      examples: [2.2],
    }),
    liquidationUsd: usdReq("Summed over the band", 446_180_000),
    fromUsd: usdReq("Lower edge of the band", 84_532.04),
    toUsd: usdReq("Upper edge of the band", 84_948.46),
  })
  .meta({
    description:
      "A price band (band_pct of the price wide) with a large amount to liquidate, at a local peak.",
  });
export type LiquidationCluster = z.infer<typeof LiquidationClusterSchema>;

/** A max-pain price with where it sits against the current price. */
export const MaxPainLevelSchema = z.object({
  priceUsd: usd("Max-pain price", 87_327.98),
  liquidationUsd: usd("Amount to liquidate at that price", 172_300_000),
  distancePct: pct("price_usd vs the current price", 5.1),
});
export type MaxPainLevel = z.infer<typeof MaxPainLevelSchema>;

/** `getLiquidationMap(symbol, { range })`. */
export const LiquidationMapReportSchema = z.object({
  symbol: str("Coin symbol", "BTC"),
  range: z.enum(LIQUIDATION_MAP_RANGES).meta({ description: "The window asked for." }),
  /** The window of the liquidation map the clusters come from (`1d`, `7d`, `30d`). */
  mapRange: str("Window of the liquidation map the clusters come from (1d, 7d or 30d)", "1d"),
  /** The heatmap model asked for (the docs do not say how models differ). */
  model: str("CoinGlass heatmap model used (the docs do not say how models differ)", "model1"),
  /** Close of the heatmap's newest candle, else the max-pain list's price. */
  priceUsd: usd("Current price: close of the heatmap's newest candle", 83_117.77),
  /** Null when the price came from the max-pain list. */
  priceTime: ms("Open time of that candle"),
  bandPct: z
    .number()
    .meta({ description: "Width of a cluster's band, percent of the price.", examples: [0.5] }),
  clusters: z
    .object({
      above: z
        .array(LiquidationClusterSchema)
        .meta({ description: "Up to 3 above the price, nearest first." }),
      below: z
        .array(LiquidationClusterSchema)
        .meta({ description: "Up to 3 below the price, nearest first." }),
    })
    .meta({ description: "Nearest large liquidation clusters (all exchanges)." }),
  totals: z.object({
    aboveUsd: usd("All map levels above the price, summed", 4_270_000_000),
    belowUsd: usd("All map levels below the price, summed", 4_200_000_000),
  }),
  maxPain: z.object({ long: MaxPainLevelSchema, short: MaxPainLevelSchema }).nullable().meta({
    description:
      "CoinGlass liquidation max pain, sides named as CoinGlass names them (its docs define neither; its example puts long above the price). Null when not given.",
  }),
  heatmap: LiquidationHeatmapSchema.nullable(),
});
export type LiquidationMapReport = z.infer<typeof LiquidationMapReportSchema>;

/** A heatmap in a few figures (the API's answer: the grid itself is for pictures). */
export const LiquidationHeatmapSummarySchema = z.object({
  /** Open time of the first and last candle, epoch ms. */
  fromTime: ms("Open time of the first candle"),
  toTime: ms("Open time of the last candle"),
  candles: int("Time columns.", 288),
  priceRows: int("Price rows.", 160),
  cells: int("Cells with an amount.", 36_891),
  minPriceUsd: usd("Lowest row", 74_600),
  maxPriceUsd: usd("Highest row", 92_800),
  /** Where and when the most was waiting to be liquidated. */
  peak: z
    .object({
      priceUsd: usdReq("Price of the largest cell", 80_657.54),
      liquidationUsd: usdReq("Its amount", 310_000_000),
      time: ms("Its candle's open time"),
    })
    .nullable()
    .meta({ description: "The largest cell; null when the heatmap is empty." }),
});
export type LiquidationHeatmapSummary = z.infer<typeof LiquidationHeatmapSummarySchema>;

/** What the API answers: the map with its heatmap in figures (the bot draws the grid). */
export const LiquidationMapAnswerSchema = LiquidationMapReportSchema.extend({
  heatmap: LiquidationHeatmapSummarySchema.nullable().meta({
    description: "The heatmap in figures (the bot draws it); null when CoinGlass gave none.",
  }),
});
