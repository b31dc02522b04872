import * as core from "@teleglas/market-data-core";
import { z } from "zod";
import { snakeSchema } from "../http/snake-case.js";
// The envelope's Meta and Error are the document's first components, then these.
import "./envelope.js";

/** Leaf helpers: every field says its unit and carries an example (core's, shared by the models). */
export const { usd, usdReq, pct, ms, msReq, num, str, trend } = core.fields;

/**
 * Name a model's snake_case schema as an OpenAPI component (`#/components/schemas/<id>`): every
 * answer that holds the model refers to it instead of repeating it.
 */
function component<T extends z.ZodType>(model: T, id: string) {
  const schema = snakeSchema(model);
  z.globalRegistry.add(schema, { ...z.globalRegistry._map.get(schema), id });
  return schema;
}

// In the order the document lists them.
component(core.ChangeWindowsSchema, "ChangeWindows");
component(core.PartialChangeWindowsSchema, "PartialChangeWindows");
component(core.LiquidationTotalsSchema, "LiquidationTotals");
component(core.LiquidationExchangeRowSchema, "LiquidationByExchange");
component(core.ExchangeFundingRateSchema, "ExchangeFundingRate");
component(core.FundingAverageSchema, "FundingAverage");
component(core.OhlcBarSchema, "OhlcBar");
component(core.LongShortReadingSchema, "LongShortReading");
component(core.ArbitrageLegSchema, "ArbitrageLeg");
component(core.EtfFlowDaySchema, "EtfFlowDay");
component(core.LiquidationClusterSchema, "LiquidationCluster");
component(core.MaxPainLevelSchema, "LiquidationMaxPainSide");
component(core.BalanceChangeSchema, "BalanceChange");
component(core.OptionVenueSchema, "OptionVenue");
