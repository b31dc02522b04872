/**
 * Raw CoinGlass v4 response schemas (zod), written from coinglass-api.md. `RAW_DATA_SCHEMAS`
 * maps each REST path to the schema of its `data`; wrap with `envelope()` for a whole response.
 */
import { z } from "zod";
import { AccumulatedFundingRowSchema, FundingArbitrageRowSchema } from "./arbitrage.js";
import { RawEconomicEventSchema } from "./calendar.js";
import { EtfNetAssetsRowSchema, RawEtfFlowDaySchema } from "./etf.js";
import {
  FundingRateExchangeListRowSchema,
  FundingRateHistoryRowSchema,
  OpenInterestExchangeHistoryChartSchema,
  OpenInterestExchangeListRowSchema,
  OpenInterestHistoryRowSchema,
} from "./funding-oi.js";
import { HyperliquidPositionPageSchema, WhaleAlertRowSchema, WhalePositionRowSchema } from "./hyperliquid.js";
import {
  BasisHistoryRowSchema,
  BitfinexMarginRowSchema,
  CoinbasePremiumRowSchema,
  FearGreedHistorySchema,
  IndicatorEmaRowSchema,
  IndicatorRsiRowSchema,
  RawRsiListRowSchema,
} from "./indicators.js";
import {
  LiquidationMapSchema,
  RawLiquidationHeatmapSchema,
  RawLiquidationMaxPainRowSchema,
} from "./liqmap.js";
import {
  LiquidationAggregatedHistoryRowSchema,
  LiquidationCoinListRowSchema,
  LiquidationExchangeListRowSchema,
  LiquidationHistoryRowSchema,
  LiquidationOrderRowSchema,
} from "./liquidation.js";
import {
  AccountSubscriptionSchema,
  CoinsMarketsRowSchema,
  CoinsPriceChangeRowSchema,
  ExchangeRankRowSchema,
  PairsMarketsRowSchema,
  PriceHistoryRowSchema,
  SupportedCoinsSchema,
  SupportedExchangePairsSchema,
  SupportedExchangesSchema,
} from "./markets.js";
import { ExchangeBalanceRowSchema, WhaleTransferRowSchema } from "./onchain.js";
import { OptionExchangeChartSchema, OptionInfoRowSchema, OptionMaxPainRowSchema } from "./options.js";
import {
  AggregatedAskBidsHistoryRowSchema,
  AskBidsHistoryRowSchema,
  LargeLimitOrderRowSchema,
  OrderbookHeatmapSnapshotSchema,
} from "./orderbook.js";
import {
  AggregatedTakerHistoryRowSchema,
  GlobalLongShortRowSchema,
  TakerExchangeListSchema,
  TakerHistoryRowSchema,
  TopAccountRatioRowSchema,
  TopPositionRatioRowSchema,
} from "./ratios.js";

export * from "./arbitrage.js";
export * from "./calendar.js";
export * from "./common.js";
export * from "./etf.js";
export * from "./funding-oi.js";
export * from "./hyperliquid.js";
export * from "./indicators.js";
export * from "./liqmap.js";
export * from "./liquidation.js";
export * from "./markets.js";
export * from "./onchain.js";
export * from "./options.js";
export * from "./orderbook.js";
export * from "./ratios.js";
export * from "./ws.js";

/** REST path -> schema of the response's `data`. */
export const RAW_DATA_SCHEMAS = {
  "/api/futures/supported-coins": SupportedCoinsSchema,
  "/api/futures/supported-exchanges": SupportedExchangesSchema,
  "/api/futures/supported-exchange-pairs": SupportedExchangePairsSchema,
  "/api/futures/coins-markets": z.array(CoinsMarketsRowSchema),
  "/api/futures/pairs-markets": z.array(PairsMarketsRowSchema),
  "/api/futures/coins-price-change": z.array(CoinsPriceChangeRowSchema),
  "/api/futures/price/history": z.array(PriceHistoryRowSchema),
  "/api/futures/exchange-rank": z.array(ExchangeRankRowSchema),
  "/api/user/account/subscription": AccountSubscriptionSchema,
  "/api/futures/liquidation/coin-list": z.array(LiquidationCoinListRowSchema),
  "/api/futures/liquidation/exchange-list": z.array(LiquidationExchangeListRowSchema),
  "/api/futures/liquidation/aggregated-history": z.array(LiquidationAggregatedHistoryRowSchema),
  "/api/futures/liquidation/history": z.array(LiquidationHistoryRowSchema),
  "/api/futures/liquidation/order": z.array(LiquidationOrderRowSchema),
  "/api/futures/liquidation/heatmap/model1": RawLiquidationHeatmapSchema,
  "/api/futures/liquidation/heatmap/model2": RawLiquidationHeatmapSchema,
  "/api/futures/liquidation/heatmap/model3": RawLiquidationHeatmapSchema,
  "/api/futures/liquidation/aggregated-heatmap/model1": RawLiquidationHeatmapSchema,
  "/api/futures/liquidation/aggregated-heatmap/model2": RawLiquidationHeatmapSchema,
  "/api/futures/liquidation/aggregated-heatmap/model3": RawLiquidationHeatmapSchema,
  "/api/futures/liquidation/map": LiquidationMapSchema,
  "/api/futures/liquidation/aggregated-map": LiquidationMapSchema,
  "/api/futures/liquidation/max-pain": z.array(RawLiquidationMaxPainRowSchema),
  "/api/hyperliquid/whale-alert": z.array(WhaleAlertRowSchema),
  "/api/hyperliquid/whale-position": z.array(WhalePositionRowSchema),
  "/api/hyperliquid/position": HyperliquidPositionPageSchema,
  "/api/futures/funding-rate/exchange-list": z.array(FundingRateExchangeListRowSchema),
  "/api/futures/funding-rate/history": z.array(FundingRateHistoryRowSchema),
  "/api/futures/funding-rate/oi-weight-history": z.array(FundingRateHistoryRowSchema),
  "/api/futures/funding-rate/vol-weight-history": z.array(FundingRateHistoryRowSchema),
  "/api/futures/open-interest/exchange-list": z.array(OpenInterestExchangeListRowSchema),
  "/api/futures/open-interest/history": z.array(OpenInterestHistoryRowSchema),
  "/api/futures/open-interest/aggregated-history": z.array(OpenInterestHistoryRowSchema),
  "/api/futures/open-interest/aggregated-stablecoin-history": z.array(OpenInterestHistoryRowSchema),
  "/api/futures/open-interest/exchange-history-chart": OpenInterestExchangeHistoryChartSchema,
  "/api/futures/global-long-short-account-ratio/history": z.array(GlobalLongShortRowSchema),
  "/api/futures/top-long-short-account-ratio/history": z.array(TopAccountRatioRowSchema),
  "/api/futures/top-long-short-position-ratio/history": z.array(TopPositionRatioRowSchema),
  "/api/futures/taker-buy-sell-volume/exchange-list": TakerExchangeListSchema,
  "/api/futures/v2/taker-buy-sell-volume/history": z.array(TakerHistoryRowSchema),
  "/api/futures/aggregated-taker-buy-sell-volume/history": z.array(AggregatedTakerHistoryRowSchema),
  "/api/futures/orderbook/large-limit-order": z.array(LargeLimitOrderRowSchema),
  "/api/futures/orderbook/ask-bids-history": z.array(AskBidsHistoryRowSchema),
  "/api/futures/orderbook/aggregated-ask-bids-history": z.array(AggregatedAskBidsHistoryRowSchema),
  "/api/futures/orderbook/history": z.array(OrderbookHeatmapSnapshotSchema),
  "/api/futures/rsi/list": z.array(RawRsiListRowSchema),
  "/api/futures/indicators/rsi": z.array(IndicatorRsiRowSchema),
  "/api/futures/indicators/ema": z.array(IndicatorEmaRowSchema),
  "/api/futures/basis/history": z.array(BasisHistoryRowSchema),
  "/api/index/fear-greed-history": z.array(FearGreedHistorySchema),
  "/api/futures/funding-rate/arbitrage": z.array(FundingArbitrageRowSchema),
  "/api/futures/funding-rate/accumulated-exchange-list": z.array(AccumulatedFundingRowSchema),
  "/api/coinbase-premium-index": z.array(CoinbasePremiumRowSchema),
  "/api/bitfinex-margin-long-short": z.array(BitfinexMarginRowSchema),
  "/api/calendar/economic-data": z.array(RawEconomicEventSchema),
  "/api/exchange/balance/list": z.array(ExchangeBalanceRowSchema),
  "/api/chain/v2/whale-transfer": z.array(WhaleTransferRowSchema),
  "/api/option/info": z.array(OptionInfoRowSchema),
  "/api/option/max-pain": z.array(OptionMaxPainRowSchema),
  "/api/option/exchange-oi-history": z.array(OptionExchangeChartSchema),
  "/api/option/exchange-vol-history": z.array(OptionExchangeChartSchema),
  "/api/etf/bitcoin/flow-history": z.array(RawEtfFlowDaySchema),
  "/api/etf/ethereum/flow-history": z.array(RawEtfFlowDaySchema),
  "/api/etf/solana/flow-history": z.array(RawEtfFlowDaySchema),
  "/api/etf/xrp/flow-history": z.array(RawEtfFlowDaySchema),
  "/api/hk-etf/bitcoin/flow-history": z.array(RawEtfFlowDaySchema),
  "/api/etf/bitcoin/net-assets/history": z.array(EtfNetAssetsRowSchema),
  "/api/etf/ethereum/net-assets/history": z.array(EtfNetAssetsRowSchema),
} as const;

export type RawPath = keyof typeof RAW_DATA_SCHEMAS;
