import { z } from "zod";
import { figure, ms, num, pct, str, usd } from "./fields.js";

/** One leg of a funding arbitrage pair. Rates are percent; `ratePct` per `intervalHours`. */
export const ArbitrageLegSchema = z
  .object({
    exchange: str("Exchange", "Binance"),
    openInterestUsd: usd("Open interest", 848_218),
    ratePct: pct("Funding rate per interval_hours", 0.005),
    intervalHours: num("Funding interval, in hours", 8),
    /** `ratePct` on the common 8-hour basis (models/funding.ts). */
    per8hPct: pct("The rate on the common 8-hour basis", 0.005),
    /** `ratePct` annualized, simple. */
    aprPct: pct("The rate annualized (simple)", 5.475),
  })
  .meta({ description: "One leg of a funding arbitrage pair." });
export type ArbitrageLeg = z.infer<typeof ArbitrageLegSchema>;

const rawPair = {
  symbol: str("Coin symbol", "BTC"),
  /** CoinGlass's "buy" leg: go long here (the lower rate). */
  long: ArbitrageLegSchema.meta({ description: "Go long here: the lower funding rate." }),
  /** CoinGlass's "sell" leg: go short here (the higher rate). */
  short: ArbitrageLegSchema.meta({ description: "Go short here: the higher funding rate." }),
};
const rawPairRest = {
  /** CoinGlass's own `apr`, percent. */
  coinglassAprPct: pct("CoinGlass's APR as given", 54.75),
  /** Trading fees of both legs, percent as CoinGlass gives them (unit not documented). */
  feePct: num("Both legs' fees as CoinGlass gives them", 0.03),
  priceSpreadPct: pct("Price gap between the two venues", -0.09),
  nextFundingTime: ms("Next funding settlement"),
};

/** As CoinGlass lists a pair (`fetchFundingArbitrage`). */
export const RawArbitragePairSchema = z.object({ ...rawPair, ...rawPairRest });
export type RawArbitragePair = z.infer<typeof RawArbitragePairSchema>;

/** A pair with the rate gap on the common basis and, per leg, what funding paid lately. */
export const FundingArbitragePairSchema = z.object({
  ...rawPair,
  /** short.per8hPct − long.per8hPct: what the pair collects per 8 hours, percent. */
  spreadPer8hPct: pct("short minus long, per 8 h", 0.05),
  /** `spreadPer8hPct` annualized, simple (no compounding, before fees). */
  spreadAprPct: pct("spread_per_8h_pct as simple APR, before fees", 54.75),
  ...rawPairRest,
  /** Funding summed over the last 7 days on each leg's exchange, percent; null when CoinGlass has none. */
  accumulated7d: z
    .object({
      longPct: pct("7-day funding sum, long leg", 0.07),
      shortPct: pct("7-day funding sum, short leg", 0.21),
    })
    .meta({ description: "How persistent the gap has been; null where CoinGlass has no sum." }),
});
export type FundingArbitragePair = z.infer<typeof FundingArbitragePairSchema>;

const rate = z.object({ exchange: z.string(), ratePct: z.number() });
/** Accumulated funding of one coin: exchange (as CoinGlass spells it) -> summed percent. */
export const AccumulatedFundingSchema = z.object({
  symbol: z.string(),
  stablecoinMargin: z.array(rate),
  tokenMargin: z.array(rate),
});
export type AccumulatedFunding = z.infer<typeof AccumulatedFundingSchema>;

/** `getFundingArbitrage({ limit })`. */
export const FundingArbitrageReportSchema = z.object({
  pairs: z.array(FundingArbitragePairSchema).meta({ description: "Best first by spread_apr_pct." }),
  principalUsd: figure("Principal CoinGlass sized the pairs for, in US dollars.", 10000),
});
export type FundingArbitrageReport = z.infer<typeof FundingArbitrageReportSchema>;
