import { ETF_ASSETS } from "../coinglass/raw/index.js";
import { liquidationMapEndpoints } from "./endpoints-liqmap.js";
import { walletEndpoints } from "./endpoints-wallet.js";
import { mapAccumulatedFunding, mapFundingArbitrage } from "./map-arbitrage.js";
import { mapEconomicCalendar } from "./map-calendar.js";
import * as d from "./map-derivs.js";
import { mapEtfFlows, mapEtfNetAssets } from "./map-etf.js";
import { mapBasis, mapBitfinexMargin, mapCoinbasePremium } from "./map-indicators.js";
import * as m from "./map-markets.js";
import { mapExchangeBalances, mapWhaleTransfers } from "./map-onchain.js";
import { mapOptionChart, mapOptionInfo, mapOptionMaxPain } from "./map-options.js";
import { coinParams, POLICY, pairParams } from "./requests.js";
import type { Call, CoinGlassClient } from "./types.js";

const F = "/api/futures";

/** One function per CoinGlass endpoint, each a `call` with its path, parameters, cache rule and mapper. */
export function table(call: Call): Omit<CoinGlassClient, "plan" | "with" | "stats" | "close"> {
  return {
    fetchSupportedCoins: (o) => call(`${F}/supported-coins`, {}, POLICY.reference, m.mapStrings, o),
    fetchSupportedExchanges: (o) => call(`${F}/supported-exchanges`, {}, POLICY.reference, m.mapStrings, o),
    fetchSupportedExchangePairs: (exchange, o) =>
      call(`${F}/supported-exchange-pairs`, { exchange }, POLICY.reference, m.mapInstruments, o),
    fetchCoinsMarkets: (q = {}, o) =>
      call(
        `${F}/coins-markets`,
        { exchange_list: q.exchangeList?.join(","), per_page: q.perPage ?? 1000, page: q.page ?? 1 },
        POLICY.snapshot,
        m.mapCoinsMarkets,
        o,
      ),
    fetchPairsMarkets: (coin, o) =>
      call(`${F}/pairs-markets`, { symbol: coin }, POLICY.snapshot, m.mapPairsMarkets, o),
    fetchCoinsPriceChange: (o) => call(`${F}/coins-price-change`, {}, POLICY.realtime, m.mapPriceChange, o),
    fetchPriceHistory: (q, o) =>
      call(
        `${F}/price/history`,
        { ...pairParams(q), limit: q.limit ?? 100 },
        POLICY.history,
        m.mapCandles,
        o,
      ),
    fetchRsiList: (o) => call(`${F}/rsi/list`, {}, POLICY.snapshot, m.mapRsiList, o),
    fetchRsiHistory: (q, o) =>
      call(
        `${F}/indicators/rsi`,
        { ...pairParams(q), window: q.window },
        POLICY.history,
        m.mapIndicator("rsi_value"),
        o,
      ),
    fetchFearGreedHistory: (o) =>
      call("/api/index/fear-greed-history", {}, POLICY.reference, m.mapFearGreed, o),
    fetchLiquidationCoinList: (exchange, o) =>
      call(`${F}/liquidation/coin-list`, { exchange }, POLICY.snapshot, d.mapLiqCoinList, o),
    fetchLiquidationExchangeList: (q, o) =>
      call(
        `${F}/liquidation/exchange-list`,
        { symbol: q.coin, range: q.range },
        POLICY.snapshot,
        d.mapLiqExchangeList,
        o,
      ),
    fetchLiquidationAggregatedHistory: (q, o) =>
      call(
        `${F}/liquidation/aggregated-history`,
        coinParams(q),
        POLICY.history,
        d.mapLiqBars("aggregated_"),
        o,
      ),
    fetchLiquidationHistory: (q, o) =>
      call(`${F}/liquidation/history`, pairParams(q), POLICY.history, d.mapLiqBars(""), o),
    fetchLiquidationOrders: (q, o) =>
      call(
        `${F}/liquidation/order`,
        {
          exchange: q.exchange,
          symbol: q.coin,
          min_liquidation_amount: String(q.minUsd),
          start_time: q.startTime,
          end_time: q.endTime,
        },
        POLICY.realtime,
        d.mapLiqOrders,
        o,
      ),
    fetchFundingRates: (o) =>
      call(`${F}/funding-rate/exchange-list`, {}, POLICY.funding, d.mapFundingRates, o),
    fetchFundingRateHistory: (q, o) =>
      call(`${F}/funding-rate/history`, pairParams(q), POLICY.history, m.mapOhlc, o),
    fetchOpenInterestExchangeList: (coin, o) =>
      call(`${F}/open-interest/exchange-list`, { symbol: coin }, POLICY.snapshot, d.mapOiExchangeList, o),
    fetchOpenInterestHistory: (q, o) =>
      call(`${F}/open-interest/history`, pairParams(q), POLICY.history, m.mapOhlc, o),
    fetchOpenInterestAggregatedHistory: (q, o) =>
      call(`${F}/open-interest/aggregated-history`, coinParams(q, false), POLICY.history, m.mapOhlc, o),
    fetchGlobalLongShortAccountRatio: (q, o) =>
      call(
        `${F}/global-long-short-account-ratio/history`,
        pairParams(q),
        POLICY.snapshot,
        d.mapLongShort("global_account"),
        o,
      ),
    fetchTopLongShortAccountRatio: (q, o) =>
      call(
        `${F}/top-long-short-account-ratio/history`,
        pairParams(q),
        POLICY.snapshot,
        d.mapLongShort("top_account"),
        o,
      ),
    fetchTopLongShortPositionRatio: (q, o) =>
      call(
        `${F}/top-long-short-position-ratio/history`,
        pairParams(q),
        POLICY.snapshot,
        d.mapLongShort("top_position"),
        o,
      ),
    fetchTakerVolume: (q, o) =>
      call(
        `${F}/taker-buy-sell-volume/exchange-list`,
        { symbol: q.coin, range: q.range },
        POLICY.realtime,
        d.mapTakerVolume,
        o,
      ),
    fetchTakerHistory: (q, o) =>
      call(
        `${F}/v2/taker-buy-sell-volume/history`,
        pairParams(q),
        POLICY.history,
        d.mapTakerBars("taker_buy_volume_usd", "taker_sell_volume_usd"),
        o,
      ),
    fetchAggregatedTakerHistory: (q, o) =>
      call(
        `${F}/aggregated-taker-buy-sell-volume/history`,
        coinParams(q),
        POLICY.history,
        d.mapTakerBars("aggregated_buy_volume_usd", "aggregated_sell_volume_usd"),
        o,
      ),
    fetchLargeLimitOrders: (q, o) =>
      call(
        `${F}/orderbook/large-limit-order`,
        { exchange: q.exchange, symbol: q.pair },
        POLICY.realtime,
        d.mapLargeOrders,
        o,
      ),
    fetchOrderbookDepthHistory: (q, o) =>
      call(
        `${F}/orderbook/ask-bids-history`,
        { ...pairParams(q), range: q.range },
        POLICY.fast,
        d.mapDepth(""),
        o,
      ),
    fetchAggregatedOrderbookDepthHistory: (q, o) =>
      call(
        `${F}/orderbook/aggregated-ask-bids-history`,
        { ...coinParams({ ...q, exchangeList: q.exchangeList ?? ["ALL"] }), range: q.range },
        POLICY.fast,
        d.mapDepth("aggregated_"),
        o,
      ),
    fetchOrderbookHistory: (q, o) =>
      call(`${F}/orderbook/history`, pairParams(q), POLICY.fast, d.mapOrderbookHistory, o),
    fetchWhaleAlerts: (o) => call("/api/hyperliquid/whale-alert", {}, POLICY.fast, d.mapWhaleAlerts, o),
    fetchWhalePositions: (o) =>
      call("/api/hyperliquid/whale-position", {}, POLICY.fast, d.mapWhalePositions, o),
    fetchHyperliquidPositions: (q, o) =>
      call(
        "/api/hyperliquid/position",
        { symbol: q.coin, current_page: q.page },
        POLICY.fast,
        d.mapPositionPage,
        o,
      ),
    fetchFundingArbitrage: (q, o) =>
      call(
        `${F}/funding-rate/arbitrage`,
        { usd: q.usd, exchange_list: q.exchangeList?.join(",") },
        POLICY.funding,
        mapFundingArbitrage,
        o,
      ),
    fetchAccumulatedFunding: (range, o) =>
      call(
        `${F}/funding-rate/accumulated-exchange-list`,
        { range },
        POLICY.accumulated,
        mapAccumulatedFunding,
        o,
      ),
    fetchCoinbasePremium: (q, o) =>
      call(
        "/api/coinbase-premium-index",
        { interval: q.interval, limit: q.limit },
        POLICY.snapshot,
        mapCoinbasePremium,
        o,
      ),
    fetchBitfinexMargin: (q, o) =>
      call(
        "/api/bitfinex-margin-long-short",
        { symbol: q.coin, interval: q.interval, limit: q.limit },
        POLICY.snapshot,
        mapBitfinexMargin,
        o,
      ),
    fetchBasisHistory: (q, o) => call(`${F}/basis/history`, pairParams(q), POLICY.snapshot, mapBasis, o),
    fetchEconomicCalendar: (q, o) =>
      call(
        "/api/calendar/economic-data",
        { start_time: q.startTime, end_time: q.endTime, language: "en" },
        POLICY.calendar,
        mapEconomicCalendar,
        o,
      ),
    fetchExchangeBalances: (coin, o) =>
      call("/api/exchange/balance/list", { symbol: coin }, POLICY.accumulated, mapExchangeBalances, o),
    fetchWhaleTransfers: (q, o) =>
      call(
        "/api/chain/v2/whale-transfer",
        { symbol: q.coin, start_time: q.startTime, end_time: q.endTime },
        POLICY.fast,
        mapWhaleTransfers,
        o,
      ),
    fetchOptionInfo: (coin, o) =>
      call("/api/option/info", { symbol: coin }, POLICY.options, mapOptionInfo, o),
    fetchOptionMaxPain: (q, o) =>
      call(
        "/api/option/max-pain",
        { symbol: q.coin, exchange: q.exchange },
        POLICY.maxPain,
        mapOptionMaxPain,
        o,
      ),
    fetchOptionOiHistory: (q, o) =>
      call(
        "/api/option/exchange-oi-history",
        { symbol: q.coin, unit: q.unit ?? "USD", range: q.range },
        POLICY.history,
        mapOptionChart,
        o,
      ),
    fetchEtfFlows: (asset, o) =>
      call(`/api/etf/${ETF_ASSETS[asset]}/flow-history`, {}, POLICY.daily, mapEtfFlows, o),
    fetchHongKongEtfFlows: (o) => call("/api/hk-etf/bitcoin/flow-history", {}, POLICY.daily, mapEtfFlows, o),
    fetchEtfNetAssets: (asset, o) =>
      call(`/api/etf/${ETF_ASSETS[asset]}/net-assets/history`, {}, POLICY.daily, mapEtfNetAssets, o),
    ...liquidationMapEndpoints(call),
    ...walletEndpoints(call),
  };
}
