import {
  type DepthRange,
  FundingReportSchema,
  LiquidationSummarySchema,
  OpenInterestReportSchema,
  OrderbookReportSchema,
  RawSnapshotSchema,
  SentimentReportSchema,
  WhaleReportSchema,
} from "@teleglas/market-data-core";
import { z } from "zod";
import { coinOperation, defineOperation, type Operation } from "./operation.js";
import "./schemas/fields.js";
import { enumParam, numberParam, symbolParam } from "./schemas/params.js";

/** Exchanges with order-book data on CoinGlass (coinglass-api.md §2). */
export const ORDERBOOK_EXCHANGES = [
  "Binance",
  "OKX",
  "Bybit",
  "Bitget",
  "Gate",
  "HTX",
  "KuCoin",
  "MEXC",
  "BingX",
  "CoinEx",
  "Bitmex",
  "Bitfinex",
  "Deribit",
  "Kraken",
  "Coinbase",
  "Hyperliquid",
] as const;

/** Depth ranges as the query names them (CoinGlass takes the numbers). */
const DEPTH_RANGES = {
  "0.25": 0.25,
  "0.5": 0.5,
  "0.75": 0.75,
  "1": 1,
  "2": 2,
  "3": 3,
  "5": 5,
  "10": 10,
} as const satisfies Record<string, DepthRange>;
const DEPTH_RANGE_NAMES = [
  "0.25",
  "0.5",
  "0.75",
  "1",
  "2",
  "3",
  "5",
  "10",
] as const satisfies readonly (keyof typeof DEPTH_RANGES)[];

/** Walls per side in an order-book answer. */
const MAX_WALLS = 25;

/**
 * The futures market reports (snapshot, liquidations, whales, order book, sentiment, funding, open
 * interest), in the order they are listed in the OpenAPI documents.
 */
export const MARKET_OPERATIONS: Operation[] = [
  coinOperation({
    operationId: "getMarketSnapshot",
    path: "/gpt/raw",
    summary: "Full market snapshot of one coin",
    description:
      "Price and changes, open interest, volume, funding, liquidations, long/short ratios, taker flow, RSI and order-book depth for one coin, aggregated across exchanges. Use it first for any question about a coin.",
    model: RawSnapshotSchema,
    service: (market, symbol) => market.getRaw(symbol),
  }),
  defineOperation({
    operationId: "getLiquidations",
    path: "/gpt/liq",
    summary: "Liquidations of one coin over a window",
    description:
      "Long and short liquidations (USD) of one coin over 1h, 4h, 12h or 24h, the dominant side and a per-exchange breakdown.",
    query: z.object({
      symbol: symbolParam,
      range: enumParam("range", ["1h", "4h", "12h", "24h"], "24h")
        .default("24h")
        .meta({
          description: "Window to sum liquidations over: 1h, 4h, 12h or 24h (default 24h).",
          examples: ["24h"],
        }),
    }),
    model: LiquidationSummarySchema,
    withSymbol: true,
    hold: true,
    gpt: true,
    run: async ({ core }, q) => core.market.getLiq(q.symbol, q.range),
  }),
  defineOperation({
    operationId: "getWhaleActivity",
    path: "/gpt/whale",
    summary: "Hyperliquid whale alerts and positions",
    description:
      "Recent large position opens/closes on Hyperliquid and the largest open whale positions, optionally for one coin, with long/short totals in USD over every matching position (limit cuts only the lists).",
    query: z.object({
      symbol: symbolParam.optional(),
      min_usd: numberParam("min_usd", { min: 0, max: 1e12, example: 1_000_000 })
        .default(1_000_000)
        .meta({
          description: "Minimum position value in US dollars (default 1000000).",
          examples: [1000000],
        }),
      limit: numberParam("limit", { min: 1, max: 100, integer: true, example: 20 })
        .default(20)
        .meta({
          description:
            "Maximum alerts and positions listed, 1..100 (default 20). The totals always cover every matching position.",
          examples: [20],
        }),
    }),
    model: WhaleReportSchema,
    withSymbol: false,
    hold: true,
    gpt: true,
    run: async ({ core }, q) => {
      return core.market.getWhale({ symbol: q.symbol, minUsd: q.min_usd, limit: q.limit });
    },
  }),
  defineOperation({
    operationId: "getOrderbook",
    path: "/gpt/orderbook",
    summary: "Order-book depth and large walls of one coin",
    description:
      "Bid/ask depth within a range around the mid price on one exchange and across exchanges, its imbalance, depth history and the 25 largest resting limit orders (walls) per side.",
    query: z.object({
      symbol: symbolParam,
      exchange: enumParam("exchange", ORDERBOOK_EXCHANGES, "Binance")
        .default("Binance")
        .meta({ description: "Exchange whose order book to read (default Binance).", examples: ["Binance"] }),
      range: enumParam("range", DEPTH_RANGE_NAMES, "1")
        .default("1")
        .meta({ description: "Depth range around the mid price, in percent (default 1).", examples: ["1"] }),
    }),
    model: OrderbookReportSchema,
    withSymbol: true,
    hold: true,
    gpt: true,
    run: async ({ core }, q) => {
      const r = await core.market.getOrderbook(q.symbol, {
        exchange: q.exchange,
        range: DEPTH_RANGES[q.range],
      });
      // The largest walls per side: enough to reason about, and the answer stays well under the
      // 100,000 characters GPT Actions accept however many orders the exchange shows.
      const walls = {
        bids: r.data.walls.bids.slice(0, MAX_WALLS),
        asks: r.data.walls.asks.slice(0, MAX_WALLS),
      };
      return { ...r, data: { ...r.data, walls } };
    },
  }),
  defineOperation({
    operationId: "getMarketSentiment",
    path: "/gpt/sentiment",
    summary: "Overall crypto market mood",
    description:
      "Fear & Greed index, BTC and ETH price trend, BTC funding bias, open-interest trend and the BTC long/short ratio.",
    query: z.object({}),
    model: SentimentReportSchema,
    withSymbol: false,
    hold: true,
    gpt: true,
    run: ({ core }) => core.market.getSentiment(),
  }),
  coinOperation({
    operationId: "getFundingRates",
    path: "/gpt/funding",
    summary: "Funding rates of one coin",
    description:
      "Funding per exchange as settled (own interval: Hyperliquid 1 h, most 8 h, some 4 h) and per 8 hours and APR; OI-weighted average, highest, lowest and spread per 8 h; CoinGlass's averages as given. Compare only per_8h_pct.",
    model: FundingReportSchema,
    service: (market, symbol) => market.getFunding(symbol),
  }),
  coinOperation({
    operationId: "getOpenInterest",
    path: "/gpt/open-interest",
    summary: "Open interest of one coin",
    description:
      "Total open interest (USD and coins), its change per window, the per-exchange breakdown and recent history.",
    model: OpenInterestReportSchema,
    service: (market, symbol) => market.getOpenInterest(symbol),
  }),
];
