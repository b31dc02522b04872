import { z } from "zod";
import { msReq, str, usd } from "./fields.js";

const EtfDaySchema = z
  .object({
    time: msReq("The trading day (00:00 UTC)"),
    total_usd: usd("Net flow of all funds, negative = outflow", 655_300_000),
    price_usd: usd("The coin's price that day", 46_663),
    funds: z
      .array(
        z.object({
          ticker: str("Fund ticker", "IBIT"),
          flow_usd: usd("Fund net flow", 111_700_000),
        }),
      )
      .meta({ description: "Per fund, as CoinGlass lists them." }),
  })
  .meta({ id: "EtfFlowDay", description: "One trading day of spot-ETF net flows." });

/** `/gpt/etf`. */
export const EtfReportSchema = z.object({
  asset: z.enum(["BTC", "ETH", "SOL", "XRP"]).meta({ description: "Underlying coin of the ETFs." }),
  days: z.array(EtfDaySchema).meta({ description: "US spot-ETF daily net flows, oldest first." }),
  latest: EtfDaySchema.nullable().meta({ description: "The newest published day; null when none." }),
  period_total_usd: usd("Sum of the days' totals", 1_250_000_000),
  net_assets: z
    .object({
      usd: z
        .number()
        .meta({ description: "Combined net assets, in US dollars.", examples: [51_671_409_241] }),
      change_usd: usd("That day's capital change", 655_300_000),
      time: msReq("Day of the figure"),
    })
    .nullable()
    .meta({ description: "Latest combined net assets; null for SOL and XRP (CoinGlass has none)." }),
  hong_kong: z
    .array(EtfDaySchema)
    .meta({ description: "Hong Kong spot-BTC-ETF daily flows (BTC only; empty otherwise), oldest first." }),
});
