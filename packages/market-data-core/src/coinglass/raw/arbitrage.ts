/** Raw schemas: funding-rate arbitrage and accumulated funding (coinglass-api-more.md §5). */
import { z } from "zod";
import { epochMs } from "./common.js";

/** One leg of an arbitrage pair; `funding_rate` is percent per `funding_rate_interval` hours. */
export const RawArbitrageLegSchema = z.object({
  exchange: z.string(),
  open_interest_usd: z.number(),
  funding_rate_interval: z.number(),
  funding_rate: z.number(),
});

/**
 * One coin of `GET /api/futures/funding-rate/arbitrage` (Startup+): go long on `buy` (the lower
 * rate), short on `sell`. `funding` is the legs' rate difference (%), `apr` CoinGlass's annual
 * figure (%); how `fee` and `spread` relate to the `usd` principal is not documented (§12.8).
 */
export const FundingArbitrageRowSchema = z.object({
  symbol: z.string(),
  buy: RawArbitrageLegSchema,
  sell: RawArbitrageLegSchema,
  apr: z.number(),
  funding: z.number(),
  fee: z.number(),
  spread: z.number(),
  next_funding_time: epochMs,
});
export type RawFundingArbitrageRow = z.infer<typeof FundingArbitrageRowSchema>;

/** One coin of `GET /api/futures/funding-rate/accumulated-exchange-list`: summed funding in %. */
export const AccumulatedFundingRowSchema = z.object({
  symbol: z.string(),
  stablecoin_margin_list: z.array(z.object({ exchange: z.string(), funding_rate: z.number() })),
  token_margin_list: z.array(z.object({ exchange: z.string(), funding_rate: z.number() })),
});
export type RawAccumulatedFundingRow = z.infer<typeof AccumulatedFundingRowSchema>;
