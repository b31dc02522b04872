import {
  CalendarReportSchema,
  EtfReportSchema,
  FundingArbitrageReportSchema,
  INDICATOR_COINS,
  IndicatorsReportSchema,
  LIQUIDATION_MAP_RANGES,
  LiquidationMapAnswerSchema,
  OnchainReportSchema,
  OPTION_COINS,
  OPTION_EXCHANGES,
  OptionsReportSchema,
  summarizeHeatmap,
  WhaleTransferReportSchema,
} from "@teleglas/market-data-core";
import { z } from "zod";
import { coinOperation, defineOperation, type Operation } from "./operation.js";
import { enumParam, symbolParam } from "./schemas/params.js";

/**
 * The operations over CoinGlass's families beyond the futures core (ETFs, on-chain, indicators,
 * options, liquidation map, calendar, funding arbitrage), in the order they are listed in the OpenAPI documents.
 */
export const FAMILY_OPERATIONS: Operation[] = [
  defineOperation({
    operationId: "getEtfFlows",
    path: "/gpt/etf",
    summary: "Spot-ETF daily net flows and net assets",
    description:
      "US spot-ETF daily net flows (total and per fund) of BTC, ETH, SOL or XRP over 1..90 trading days, net assets (BTC, ETH), Hong Kong BTC-ETF flows.",
    query: z.object({
      asset: z
        .enum(["BTC", "ETH", "SOL", "XRP"])
        .default("BTC")
        .meta({ description: "Underlying coin: BTC, ETH, SOL or XRP (default BTC).", examples: ["BTC"] }),
      days: z.coerce
        .number()
        .int()
        .min(1)
        .max(90)
        .default(10)
        .meta({ description: "Trading days of flows, 1..90 (default 10).", examples: [10] }),
    }),
    model: EtfReportSchema,
    withSymbol: false,
    hold: true,
    gpt: true,
    run: ({ core }, q) => core.market.getEtf(q.asset, { days: q.days }),
  }),
  coinOperation({
    operationId: "getExchangeBalances",
    path: "/gpt/onchain",
    summary: "Exchange balances of a coin on chain",
    description:
      "Coins held on each exchange's wallets with 1d/7d/30d changes and their totals: coins leaving exchanges (negative change) or arriving.",
    model: OnchainReportSchema,
    service: (market, symbol) => market.getOnchain(symbol),
  }),
  defineOperation({
    operationId: "getWhaleTransfers",
    path: "/gpt/whale-transfers",
    summary: "On-chain whale transfers of $10M or more",
    description:
      "Transfers of $10M or more in the last 24 h, optionally for one coin, newest first, with the USD moved onto and off exchanges. Needs CoinGlass Startup+.",
    query: z.object({
      symbol: symbolParam.optional(),
      limit: z.coerce
        .number()
        .int()
        .min(1)
        .max(100)
        .default(20)
        .meta({ description: "Transfers returned, 1..100 (default 20).", examples: [20] }),
    }),
    model: WhaleTransferReportSchema,
    withSymbol: false,
    hold: true,
    gpt: true,
    run: ({ core }, q) =>
      core.market.getWhaleTransfers({
        ...(q.symbol === undefined ? {} : { symbol: q.symbol }),
        limit: q.limit,
      }),
  }),
  defineOperation({
    operationId: "getMarketIndicators",
    path: "/gpt/indicators",
    summary: "Coinbase premium, Bitfinex margin longs/shorts and basis",
    description:
      "Coinbase minus Binance BTC price (USD), Bitfinex margin longs and shorts with their ratio, and the Binance perpetual basis (percent) of BTC or ETH.",
    query: z.object({
      symbol: z
        .enum(INDICATOR_COINS)
        .default("BTC")
        .meta({ description: "BTC or ETH (the Coinbase premium is BTC only).", examples: ["BTC"] }),
    }),
    model: IndicatorsReportSchema,
    withSymbol: true,
    hold: true,
    gpt: true,
    run: ({ core }, q) => core.market.getIndicators(q.symbol),
  }),
  defineOperation({
    operationId: "getOptions",
    path: "/gpt/options",
    summary: "Options max pain, open interest and put/call of BTC or ETH",
    description:
      "Max pain per expiry vs price, put/call open interest per expiry, options open interest and volume per exchange.",
    query: z.object({
      symbol: z
        .enum(OPTION_COINS)
        .default("BTC")
        .meta({ description: "BTC or ETH (CoinGlass has options data for these two).", examples: ["BTC"] }),
      exchange: z
        .enum(OPTION_EXCHANGES)
        .default("Deribit")
        .meta({ description: "Exchange whose expiries to list (default Deribit).", examples: ["Deribit"] }),
    }),
    model: OptionsReportSchema,
    withSymbol: true,
    hold: true,
    gpt: true,
    run: ({ core }, q) => core.market.getOptions(q.symbol, { exchange: q.exchange }),
  }),
  defineOperation({
    operationId: "getLiquidationMap",
    path: "/gpt/liquidation-map",
    summary: "Where liquidations cluster: nearest large levels above and below the price",
    description:
      "All exchanges: the nearest large liquidation clusters above and below the price (level, distance, USD), totals per side, CoinGlass max pain, heatmap extent and peak. Needs CoinGlass Professional.",
    query: z.object({
      symbol: symbolParam,
      range: enumParam("range", LIQUIDATION_MAP_RANGES, "24h")
        .default("24h")
        .meta({ description: "Window: 12h, 24h, 3d, 7d or 30d (default 24h).", examples: ["24h"] }),
    }),
    model: LiquidationMapAnswerSchema,
    withSymbol: true,
    hold: true,
    gpt: true,
    // The heatmap's grid (tens of thousands of cells) is for pictures: the answer gives its figures.
    run: async ({ core }, q) => {
      const r = await core.market.getLiquidationMap(q.symbol, { range: q.range });
      return { ...r, data: { ...r.data, heatmap: summarizeHeatmap(r.data.heatmap) } };
    },
  }),
  defineOperation({
    operationId: "getEconomicCalendar",
    path: "/gpt/calendar",
    summary: "Macro economic calendar",
    description:
      "Economic releases (CPI, rate decisions, payrolls …) from now to 1..14 days ahead at or above an importance, with forecast, previous and released figures. Needs CoinGlass Startup+.",
    query: z.object({
      days: z.coerce
        .number()
        .int()
        .min(1)
        .max(14)
        .default(7)
        .meta({ description: "Days ahead, 1..14 (default 7).", examples: [7] }),
      importance: z.coerce
        .number()
        .int()
        .min(1)
        .max(3)
        .default(2)
        .meta({ description: "Lowest importance, 1..3 (3 = most important; default 2).", examples: [3] }),
    }),
    model: CalendarReportSchema,
    withSymbol: false,
    hold: true,
    gpt: true,
    run: ({ core }, q) => core.market.getCalendar({ days: q.days, minImportance: q.importance }),
  }),
  defineOperation({
    operationId: "getFundingArbitrage",
    path: "/gpt/funding-arbitrage",
    summary: "Funding-rate arbitrage pairs across exchanges",
    description:
      "Best long/short exchange pair per coin to collect the funding gap; legs and gap per 8 h and as APR, fees, price spread, 7-day funding sums. Needs CoinGlass Startup+.",
    query: z.object({
      limit: z.coerce
        .number()
        .int()
        .min(1)
        .max(50)
        .default(10)
        .meta({ description: "Pairs returned, best first, 1..50 (default 10).", examples: [10] }),
    }),
    model: FundingArbitrageReportSchema,
    withSymbol: false,
    hold: true,
    gpt: true,
    run: ({ core }, q) => core.market.getFundingArbitrage({ limit: q.limit }),
  }),
];
