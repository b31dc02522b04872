/**
 * @teleglas/market-data-core — everything the three apps share: the CoinGlass client, cache,
 * quota, market services, stream client, stores and shared models.
 */

export { type AnswerCache, type AnswerCacheOptions, createAnswerCache } from "./cache/answers.js";
export { createMarketCache, type MarketCacheOptions } from "./cache/cache.js";
export * from "./cache/types.js";
export { type CoinGlassClientOptions, createCoinGlassClient } from "./client/client.js";
export type { WalletPosition } from "./client/endpoints-wallet.js";
export type { RetryOptions } from "./client/http.js";
export { allowedInterval, planAllows, requiredPlan } from "./client/plans.js";
export * from "./client/types.js";
export * from "./coinglass/raw/index.js";
export * from "./config/env.js";
export * from "./core.js";
export * from "./models/alert.js";
export * from "./models/arbitrage.js";
export * from "./models/book-whales.js";
export * from "./models/calendar.js";
export * from "./models/errors.js";
export * from "./models/etf.js";
export * from "./models/features.js";
/** Leaf schemas of the models (unit, description, example), for schemas the apps write. */
export * as fields from "./models/fields.js";
export { ChangeWindowsSchema, PartialChangeWindowsSchema } from "./models/fields.js";
export {
  aprOfPer8h,
  ExchangeFundingRateSchema,
  FUNDING_BASIS_HOURS,
  FundingAverageSchema,
  fundingOnBasis,
} from "./models/funding.js";
export * from "./models/indicators.js";
export * from "./models/liqmap.js";
export * from "./models/market.js";
export * from "./models/onchain.js";
export * from "./models/options.js";
export * from "./models/reports.js";
export * from "./models/result.js";
export * from "./models/rule.js";
export * from "./models/snapshot.js";
export { createQuota, type QuotaOptions } from "./quota/quota.js";
export * from "./quota/types.js";
export { planNeededFor, type RuleSource, SOURCE_ENDPOINT, sourceOf } from "./rules/plan.js";
export { INDICATOR_COINS } from "./services/indicators.js";
export { summarizeHeatmap } from "./services/liqmap.js";
export { createMarketData, type MarketDataOptions, type MarketDataService } from "./services/market.js";
export { OPTION_COINS, OPTION_EXCHANGES } from "./services/options.js";
export * from "./services/types.js";
export * from "./store/index.js";
export * from "./stream/index.js";
export { guessSymbol, matchSymbol, suggestSymbols, symbolCandidates } from "./symbols/rules.js";
export { createSymbols, type Symbols, type SymbolsOptions } from "./symbols/symbols.js";
