import { z } from "zod";
import type { EtfAsset } from "../coinglass/raw/etf.js";
import { msReq, str, usd } from "./fields.js";

/** One fund's net flow on one day; `flowUsd` null when CoinGlass gave no figure for it. */
export const EtfFundFlowSchema = z.object({
  ticker: str("Fund ticker", "IBIT"),
  /** Net creations minus redemptions, USD; negative = outflow. */
  flowUsd: usd("Fund net flow", 111_700_000),
});
export type EtfFundFlow = z.infer<typeof EtfFundFlowSchema>;

/** One trading day of spot-ETF flows. */
export const EtfFlowDaySchema = z
  .object({
    time: msReq("The trading day (00:00 UTC)"),
    /** CoinGlass's own total of all funds. */
    totalUsd: usd("Net flow of all funds, negative = outflow", 655_300_000),
    priceUsd: usd("The coin's price that day", 46_663),
    funds: z.array(EtfFundFlowSchema).meta({ description: "Per fund, as CoinGlass lists them." }),
  })
  .meta({ description: "One trading day of spot-ETF net flows." });
export type EtfFlowDay = z.infer<typeof EtfFlowDaySchema>;

/** One day of all funds' combined net assets. */
export const EtfNetAssetsPointSchema = z.object({
  time: z.number(),
  netAssetsUsd: z.number(),
  /** The day's capital change, USD. */
  changeUsd: z.number().nullable(),
  priceUsd: z.number().nullable(),
});
export type EtfNetAssetsPoint = z.infer<typeof EtfNetAssetsPointSchema>;

/** `getEtf(asset, { days })`: recent spot-ETF flows and net assets of one asset. */
export const EtfReportSchema = z.object({
  asset: z
    .enum(["BTC", "ETH", "SOL", "XRP"] satisfies EtfAsset[])
    .meta({ description: "Underlying coin of the ETFs." }),
  /** The last `days` trading days CoinGlass published. */
  days: z.array(EtfFlowDaySchema).meta({ description: "US spot-ETF daily net flows, oldest first." }),
  latest: EtfFlowDaySchema.nullable().meta({ description: "The newest published day; null when none." }),
  /** Null when any day lacks its total. */
  periodTotalUsd: usd("Sum of the days' totals", 1_250_000_000),
  /** Null where CoinGlass publishes none (SOL, XRP) or failed. */
  netAssets: z
    .object({
      usd: z
        .number()
        .meta({ description: "Combined net assets, in US dollars.", examples: [51_671_409_241] }),
      changeUsd: usd("That day's capital change", 655_300_000),
      time: msReq("Day of the figure"),
    })
    .nullable()
    .meta({ description: "Latest combined net assets; null for SOL and XRP (CoinGlass has none)." }),
  /** CoinGlass publishes no Hong Kong ETFs but BTC's. */
  hongKong: z
    .array(EtfFlowDaySchema)
    .meta({ description: "Hong Kong spot-BTC-ETF daily flows (BTC only; empty otherwise), oldest first." }),
});
export type EtfReport = z.infer<typeof EtfReportSchema>;
