/**
 * @teleglas/market-data-core — what the three apps share: the CoinGlass client, cache, quota,
 * market services, stream client, stores and models. This list is the package's whole public
 * surface; anything else is internal (tests reach modules directly).
 */

// The answer cache (held answers for a consumer that serves them many times a second).
export { createAnswerCache } from "./cache/answers.js";
// The CoinGlass client's own types and plan rules.
export type { WalletPosition } from "./client/endpoints-wallet.js";
export { planAllows } from "./client/plans.js";
export type { CoinGlassClient } from "./client/types.js";
// CoinGlass's raw vocabulary the apps name.
export { ETF_ASSETS, type EtfAsset } from "./coinglass/raw/etf.js";
// Environment: the shared variables and how a bad one is reported.
export {
  bool,
  type CoinGlassPlan,
  type CommonEnv,
  ConfigError,
  commonEnvSchema,
  csv,
  listenError,
  parseEnv,
} from "./config/env.js";
// The composition: one core per process (client, cache, quota, services, symbols).
export { createMarketDataCore, type MarketDataCore, type MarketDataCoreOptions } from "./core.js";

// Models: zod schemas with their inferred types, shared by the services, the bot and the API.
export {
  ALERT_KINDS,
  type Alert,
  type AlertKind,
  AlertSchema,
  type AlertSide,
  DEFAULT_ALERT_KINDS,
  isPublicAlert,
  PUBLIC_ALERT_KINDS,
  PublicAlertSchema,
} from "./models/alert.js";
export {
  ArbitrageLegSchema,
  type FundingArbitrageReport,
  FundingArbitrageReportSchema,
} from "./models/arbitrage.js";
export {
  type OrderbookReport,
  OrderbookReportSchema,
  type WhaleReport,
  WhaleReportSchema,
} from "./models/book-whales.js";
export { type CalendarReport, CalendarReportSchema, type EconomicEvent } from "./models/calendar.js";
export {
  CoinGlassError,
  PlanError,
  RateLimitError,
  type StaleReason,
  staleReasonOf,
  TimeoutError,
  UnknownSymbolError,
  UpstreamUnavailableError,
} from "./models/errors.js";
export { type EtfFlowDay, EtfFlowDaySchema, type EtfReport, EtfReportSchema } from "./models/etf.js";
export { featuresOf, PLAN_FEATURES, type PlanFeature } from "./models/features.js";
export * as fields from "./models/fields.js";
export { ChangeWindowsSchema, PartialChangeWindowsSchema } from "./models/fields.js";
export {
  type ExchangeFundingRate,
  ExchangeFundingRateSchema,
  type FundingAverage,
  FundingAverageSchema,
} from "./models/funding.js";
export { type IndicatorsReport, IndicatorsReportSchema } from "./models/indicators.js";
export {
  LIQUIDATION_MAP_RANGES,
  type LiquidationCluster,
  LiquidationClusterSchema,
  type LiquidationHeatmap,
  LiquidationMapAnswerSchema,
  type LiquidationMapRange,
  type LiquidationMapReport,
  MaxPainLevelSchema,
} from "./models/liqmap.js";
export {
  type Candle,
  type CoinMarket,
  type DepthRange,
  type Interval,
  type LiquidationBar,
  LiquidationExchangeRowSchema,
  type LiquidationOrder,
  type LiquidationRange,
  LiquidationTotalsSchema,
  OhlcBarSchema,
} from "./models/market.js";
export {
  BalanceChangeSchema,
  type OnchainReport,
  OnchainReportSchema,
  type WhaleTransfer,
  type WhaleTransferReport,
  WhaleTransferReportSchema,
} from "./models/onchain.js";
export { type OptionsReport, OptionsReportSchema, OptionVenueSchema } from "./models/options.js";
export {
  type FundingReport,
  FundingReportSchema,
  type LiquidationSummary,
  LiquidationSummarySchema,
  type MarketOverview,
  type OpenInterestReport,
  OpenInterestReportSchema,
  type RsiReport,
  type SentimentReport,
  SentimentReportSchema,
  type WatchlistRow,
} from "./models/reports.js";
export { type CoreEvent, type MarketResult, type ResultMeta, ResultMetaSchema } from "./models/result.js";
export {
  type FiredRule,
  initialRuleState,
  LIQ_WINDOWS,
  MOVE_WINDOWS,
  type NewRule,
  OI_WINDOWS,
  RULE_KINDS,
  type Rule,
  type RuleCondition,
  type RuleFiredDetail,
  RuleFiredDetailSchema,
  type RuleKind,
  type RuleRepeat,
  type RuleState,
  type RuleWithState,
} from "./models/rule.js";
export { LongShortReadingSchema, type RawSnapshot, RawSnapshotSchema } from "./models/snapshot.js";
export {
  type ChatSubscription,
  ChatSubscriptionSchema,
  DIGEST_HOURS,
  type DigestSettings,
  defaultSubscription,
  isValidTimeZone,
  type QuietHours,
} from "./models/subscription.js";
// Which plan a personal rule's data needs.
export { planNeededFor } from "./rules/plan.js";
// Market services.
export { INDICATOR_COINS } from "./services/indicators.js";
export { summarizeHeatmap } from "./services/liqmap.js";
export type { MarketDataService } from "./services/market.js";
export { OPTION_COINS, OPTION_EXCHANGES, type OptionCoin } from "./services/options.js";
export type { MarketData } from "./services/types.js";

// Stores shared through Redis (or in process): subscriptions, alerts, routes, rules, leases.
export { createStores } from "./store/create-stores.js";
export type { LeaseStore } from "./store/leases.js";
export { matchesAlert, quietWindow } from "./store/match.js";
export { deleteByPrefix, redisScript } from "./store/redis-script.js";
export {
  type ChannelLink,
  type ChatRoutes,
  type Destination,
  destinationFor,
  type RouteAdmin,
  type RouteKind,
  type RouteStore,
  routeKinds,
} from "./store/routes.js";
export {
  type AlertStore,
  DEFAULT_STORE_PREFIX,
  type DeliveryLedger,
  type GuardedOutcome,
  type QueueCursor,
  type QueueEntry,
  type QueueReadOptions,
  type Stores,
  type SubscriptionStore,
  type UpdateOutcome,
} from "./store/types.js";

// The CoinGlass WebSocket client.
export { futuresTradesChannel, LIQUIDATION_CHANNEL } from "./stream/channels.js";
export { createStreamClient } from "./stream/client.js";
export { createRecentEvents } from "./stream/dedupe.js";
export { parseStreamFrame } from "./stream/parse.js";
export type {
  LiquidationEvent,
  StreamClient,
  StreamClientOptions,
  StreamEvent,
  StreamProblem,
  StreamState,
  TradeEvent,
} from "./stream/types.js";
