import {
  type DepthRange,
  type EtfAsset,
  INDICATOR_COINS,
  type IndicatorCoin,
  type MarketResult,
  OPTION_COINS,
  OPTION_EXCHANGES,
  type OptionCoin,
  type OptionExchange,
  PLAN_FEATURES,
  planAllows,
} from "@teleglas/market-data-core";
import { z } from "zod";
import type { ApiDeps } from "./deps.js";
import { liveMeta } from "./http/envelope.js";
import { FundingArbitrageReportSchema } from "./schemas/arbitrage.js";
import { CalendarReportSchema } from "./schemas/calendar.js";
import { EtfReportSchema } from "./schemas/etf.js";
import { IndicatorsReportSchema } from "./schemas/indicators.js";
import { LiquidationSummarySchema, RawSnapshotSchema, WhaleReportSchema } from "./schemas/market.js";
import { OnchainReportSchema } from "./schemas/onchain.js";
import { OptionsReportSchema } from "./schemas/options.js";
import { enumParam, kindParam, numberParam, symbolParam } from "./schemas/params.js";
import {
  AlertListSchema,
  FundingReportSchema,
  InfoSchema,
  OpenInterestReportSchema,
  OrderbookReportSchema,
  SentimentReportSchema,
  SymbolListSchema,
} from "./schemas/reports.js";

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

/** Walls per side in an order-book answer. */
const MAX_WALLS = 25;

/** One read-only operation, served over HTTP (GET) and as an MCP tool. */
export interface Operation {
  operationId: string;
  path: string;
  summary: string;
  /** At most 300 characters (GPT Actions). */
  description: string;
  query: z.ZodObject;
  data: z.ZodType;
  /** Whether the envelope carries a top-level `symbol`. */
  withSymbol: boolean;
  /** Serialized answers are held and served again (see response-cache.ts). */
  hold: boolean;
  /** Listed in chatgpt_schema.json. */
  gpt: boolean;
  run(deps: ApiDeps, query: Record<string, unknown>): Promise<MarketResult<unknown>>;
}

const op = (o: Operation) => o;
const s = (q: Record<string, unknown>) => String(q.symbol);

export const OPERATIONS: Operation[] = [
  op({
    operationId: "getMarketSnapshot",
    path: "/gpt/raw",
    summary: "Full market snapshot of one coin",
    description:
      "Price and changes, open interest, volume, funding, liquidations, long/short ratios, taker flow, RSI and order-book depth for one coin, aggregated across exchanges. Use it first for any question about a coin.",
    query: z.object({ symbol: symbolParam }),
    data: RawSnapshotSchema,
    withSymbol: true,
    hold: true,
    gpt: true,
    run: async ({ core }, q) => core.market.getRaw(await core.market.resolveSymbol(s(q))),
  }),
  op({
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
    data: LiquidationSummarySchema,
    withSymbol: true,
    hold: true,
    gpt: true,
    run: async ({ core }, q) =>
      core.market.getLiq(await core.market.resolveSymbol(s(q)), q.range as "1h" | "4h" | "12h" | "24h"),
  }),
  op({
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
    data: WhaleReportSchema,
    withSymbol: false,
    hold: true,
    gpt: true,
    run: async ({ core }, q) => {
      const symbol = q.symbol === undefined ? undefined : await core.market.resolveSymbol(s(q));
      return core.market.getWhale({ symbol, minUsd: q.min_usd as number, limit: q.limit as number });
    },
  }),
  op({
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
      range: enumParam("range", ["0.25", "0.5", "0.75", "1", "2", "3", "5", "10"], "1")
        .default("1")
        .meta({ description: "Depth range around the mid price, in percent (default 1).", examples: ["1"] }),
    }),
    data: OrderbookReportSchema,
    withSymbol: true,
    hold: true,
    gpt: true,
    run: async ({ core }, q) => {
      const r = await core.market.getOrderbook(await core.market.resolveSymbol(s(q)), {
        exchange: q.exchange as string,
        range: Number(q.range) as DepthRange,
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
  op({
    operationId: "getMarketSentiment",
    path: "/gpt/sentiment",
    summary: "Overall crypto market mood",
    description:
      "Fear & Greed index, BTC and ETH price trend, BTC funding bias, open-interest trend and the BTC long/short ratio.",
    query: z.object({}),
    data: SentimentReportSchema,
    withSymbol: false,
    hold: true,
    gpt: true,
    run: ({ core }) => core.market.getSentiment(),
  }),
  op({
    operationId: "getFundingRates",
    path: "/gpt/funding",
    summary: "Funding rates of one coin",
    description:
      "Funding per exchange as settled (own interval: Hyperliquid 1 h, most 8 h, some 4 h) and per 8 hours and APR; OI-weighted average, highest, lowest and spread per 8 h; CoinGlass's averages as given. Compare only per_8h_pct.",
    query: z.object({ symbol: symbolParam }),
    data: FundingReportSchema,
    withSymbol: true,
    hold: true,
    gpt: true,
    run: async ({ core }, q) => core.market.getFunding(await core.market.resolveSymbol(s(q))),
  }),
  op({
    operationId: "getOpenInterest",
    path: "/gpt/open-interest",
    summary: "Open interest of one coin",
    description:
      "Total open interest (USD and coins), its change per window, the per-exchange breakdown and recent history.",
    query: z.object({ symbol: symbolParam }),
    data: OpenInterestReportSchema,
    withSymbol: true,
    hold: true,
    gpt: true,
    run: async ({ core }, q) => core.market.getOpenInterest(await core.market.resolveSymbol(s(q))),
  }),
  op({
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
    data: EtfReportSchema,
    withSymbol: false,
    hold: true,
    gpt: true,
    run: ({ core }, q) => core.market.getEtf(q.asset as EtfAsset, { days: q.days as number }),
  }),
  op({
    operationId: "getExchangeBalances",
    path: "/gpt/onchain",
    summary: "Exchange balances of a coin on chain",
    description:
      "Coins held on each exchange's wallets with 1d/7d/30d changes and their totals: coins leaving exchanges (negative change) or arriving.",
    query: z.object({ symbol: symbolParam }),
    data: OnchainReportSchema,
    withSymbol: true,
    hold: true,
    gpt: true,
    run: async ({ core }, q) => core.market.getOnchain(s(q)),
  }),
  op({
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
    data: IndicatorsReportSchema,
    withSymbol: true,
    hold: true,
    gpt: true,
    run: ({ core }, q) => core.market.getIndicators(q.symbol as IndicatorCoin),
  }),
  op({
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
    data: OptionsReportSchema,
    withSymbol: true,
    hold: true,
    gpt: true,
    run: ({ core }, q) =>
      core.market.getOptions(q.symbol as OptionCoin, { exchange: q.exchange as OptionExchange }),
  }),
  op({
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
    data: CalendarReportSchema,
    withSymbol: false,
    hold: true,
    gpt: true,
    run: ({ core }, q) =>
      core.market.getCalendar({ days: q.days as number, minImportance: q.importance as number }),
  }),
  op({
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
    data: FundingArbitrageReportSchema,
    withSymbol: false,
    hold: true,
    gpt: true,
    run: ({ core }, q) => core.market.getFundingArbitrage({ limit: q.limit as number }),
  }),
  op({
    operationId: "getRecentAlerts",
    path: "/gpt/alerts",
    summary: "Recent whale and liquidation alerts",
    description:
      "The latest alerts TELEGLAS raised (large liquidations, liquidation storms, whale trades and clusters, whale positions), newest first, optionally for one coin or kind.",
    query: z.object({
      symbol: symbolParam.optional(),
      kind: kindParam.optional(),
      limit: numberParam("limit", { min: 1, max: 100, integer: true, example: 20 })
        .default(20)
        .meta({ description: "Maximum alerts returned, 1..100 (default 20).", examples: [20] }),
    }),
    data: AlertListSchema,
    withSymbol: false,
    hold: false,
    gpt: true,
    run: async ({ core, stores }, q) => {
      const symbol = q.symbol === undefined ? undefined : await core.market.resolveSymbol(s(q));
      const alerts = await stores.alerts.recent({
        symbol,
        kind: q.kind as never,
        limit: q.limit as number,
      });
      return { data: { alerts, count: alerts.length }, meta: liveMeta() };
    },
  }),
  op({
    operationId: "listSymbols",
    path: "/symbols",
    summary: "Supported coins",
    description: "Every coin symbol the data operations accept, sorted.",
    query: z.object({}),
    data: SymbolListSchema,
    withSymbol: false,
    hold: true,
    gpt: true,
    run: async ({ core }) => {
      const r = await core.market.listSymbols();
      return { ...r, data: { symbols: r.data, count: r.data.length } };
    },
  }),
  op({
    operationId: "getApiInfo",
    path: "/info",
    summary: "Service version, CoinGlass plan and usage",
    description:
      "Version of this service, the CoinGlass plan and quota use, cache hit rate and the per-key rate limit.",
    query: z.object({}),
    data: InfoSchema,
    withSymbol: false,
    hold: false,
    gpt: false,
    run: async ({ core, config, version }) => {
      const st = core.stats();
      const data = {
        name: "TELEGLAS GPT API",
        version,
        coinglassPlan: st.plan,
        quota: st.quota,
        cache: st.cache,
        upstream: st.upstream,
        rateLimitPerMinute: config.rateLimitPerMinute,
        features: PLAN_FEATURES.map((f) => ({ ...f, included: planAllows(st.plan, f.plan) })),
      };
      return { data, meta: liveMeta() };
    },
  }),
];
