import * as core from "@teleglas/market-data-core";
import { z } from "zod";
import { snakeSchema } from "../http/snake-case.js";

/** Leaf helpers: every field says its unit and carries an example (core's, shared by the models). */
export const { usd, usdReq, pct, ms, msReq, num, str, trend } = core.fields;

/**
 * Name a model's snake_case schema as an OpenAPI component (`#/components/schemas/<id>`). The
 * document lists components in the order they are named here.
 */
export function component<T extends z.ZodType>(model: T, id: string) {
  const schema = snakeSchema(model);
  z.globalRegistry.add(schema, { ...z.globalRegistry._map.get(schema), id });
  return schema;
}

export const ChangeWindowsSchema = component(core.ChangeWindowsSchema, "ChangeWindows");
export const changeWindows = (_what: string) => ChangeWindowsSchema;
export const PartialChangeWindowsSchema = component(core.PartialChangeWindowsSchema, "PartialChangeWindows");
export const partialChangeWindows = (_what: string) => PartialChangeWindowsSchema;

const liquidationTotals = {
  total_usd: usd("Liquidated, both sides", 48_200_000),
  long_usd: usd("Long positions liquidated", 30_100_000),
  short_usd: usd("Short positions liquidated", 18_100_000),
};
export const LiquidationTotalsSchema = z.object(liquidationTotals).meta({ id: "LiquidationTotals" });

export const LiquidationExchangeRowSchema = z
  .object({ exchange: str("Exchange name", "Binance"), ...liquidationTotals })
  .meta({ id: "LiquidationByExchange" });

export const ExchangeFundingRateSchema = z
  .object({
    exchange: str("Exchange name", "Hyperliquid"),
    rate_pct: pct(
      "Funding rate per this exchange's own interval, as CoinGlass gives it (0.01 = 0.01 %); compare per_8h_pct instead",
      0.0007,
    ),
    interval_hours: num("Funding interval of this exchange, in hours (Hyperliquid 1, most 8, some 4)", 1),
    next_funding_time: ms("Next funding time"),
    per_8h_pct: pct(
      "rate_pct scaled to 8 hours (rate × 8 / interval): the basis every comparison uses",
      0.0056,
    ),
    apr_pct: pct("rate_pct annualized without compounding (rate × 8760 / interval)", 6.132),
  })
  .meta({ id: "ExchangeFundingRate" });

export const FundingAverageSchema = z
  .object({
    per_8h_pct: pct(
      "Stablecoin-margin funding per 8 hours, weighted by each exchange's open interest",
      0.0061,
    ),
    apr_pct: pct("per_8h_pct annualized without compounding", 6.68),
    exchanges: z
      .number()
      .int()
      .meta({ description: "Exchanges that had both a rate and an open-interest figure.", examples: [8] }),
  })
  .meta({
    id: "FundingAverage",
    description: "Funding averaged on one basis (per 8 hours), open-interest-weighted over exchanges.",
  });

export const OhlcBarSchema = z
  .object({
    time: msReq("Bar open time"),
    open: z.number().meta({ description: "Open value (unit of the series).", examples: [1.0] }),
    high: z.number().meta({ description: "High value (unit of the series).", examples: [1.2] }),
    low: z.number().meta({ description: "Low value (unit of the series).", examples: [0.9] }),
    close: z.number().meta({ description: "Close value (unit of the series).", examples: [1.1] }),
  })
  .meta({ id: "OhlcBar" });

export const LongShortReadingSchema = z
  .object({
    long_pct: pct("Share of longs", 52.4),
    short_pct: pct("Share of shorts", 47.6),
    ratio: num("Longs divided by shorts", 1.1),
    time: ms("Time of the reading"),
  })
  .meta({ id: "LongShortReading" });

// Components of the models already described in core, after the ones above (document order).
component(core.ArbitrageLegSchema, "ArbitrageLeg");
component(core.EtfFlowDaySchema, "EtfFlowDay");
component(core.LiquidationClusterSchema, "LiquidationCluster");
component(core.MaxPainLevelSchema, "LiquidationMaxPainSide");
component(core.BalanceChangeSchema, "BalanceChange");
component(core.OptionVenueSchema, "OptionVenue");
