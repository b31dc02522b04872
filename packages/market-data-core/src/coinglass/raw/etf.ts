/** Raw schemas: US and Hong Kong spot-ETF flows and net assets (coinglass-api-more.md §1). */
import { z } from "zod";
import { epochMs } from "./common.js";

/**
 * One trading day of `GET /api/etf/{bitcoin,ethereum,solana,xrp}/flow-history` and
 * `/api/hk-etf/bitcoin/flow-history`. A fund's `flow_usd` is left out on days CoinGlass has no
 * figure for it (the SOL and XRP examples), so it is optional here and null in the model.
 */
export const RawEtfFlowDaySchema = z.object({
  timestamp: epochMs,
  flow_usd: z.number(),
  price_usd: z.number(),
  etf_flows: z.array(z.object({ etf_ticker: z.string(), flow_usd: z.number().optional() })),
});
export type RawEtfFlowDay = z.infer<typeof RawEtfFlowDaySchema>;

/** One day of `GET /api/etf/{bitcoin,ethereum}/net-assets/history` (all funds combined). */
export const EtfNetAssetsRowSchema = z.object({
  net_assets_usd: z.number(),
  change_usd: z.number(),
  timestamp: epochMs,
  price_usd: z.number(),
});
export type RawEtfNetAssetsRow = z.infer<typeof EtfNetAssetsRowSchema>;

/** The spot-ETF assets CoinGlass publishes US flows for, and their path segment. */
export const ETF_ASSETS = { BTC: "bitcoin", ETH: "ethereum", SOL: "solana", XRP: "xrp" } as const;
export type EtfAsset = keyof typeof ETF_ASSETS;
