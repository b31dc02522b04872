import { ALERT_SIDES, PUBLIC_ALERT_KINDS } from "@teleglas/market-data-core";
import { z } from "zod";
import {
  ExchangeFundingRateSchema,
  FundingAverageSchema,
  LongShortReadingSchema,
  ms,
  msReq,
  num,
  OhlcBarSchema,
  partialChangeWindows,
  pct,
  str,
  trend,
  usd,
} from "./fields.js";

const symbol = str("Coin symbol", "BTC");

const LargeLimitOrderSchema = z.object({
  id: z.number().meta({ description: "CoinGlass order id.", examples: [123456] }),
  exchange: str("Exchange name", "Binance"),
  pair: str("Trading pair", "BTCUSDT"),
  price_usd: z.number().meta({ description: "Order price, in US dollars.", examples: [95_000] }),
  side: z.enum(["ask", "bid"]),
  start_usd: usd("Size when first seen", 12_000_000),
  current_usd: usd("Size now", 9_500_000),
  current_quantity: num("Size now, in coins", 100),
  start_time: ms("First seen"),
  current_time: ms("Last seen"),
  state: z.enum(["open", "filled", "cancelled", "unknown"]),
});

const WallTotalsSchema = z.object({
  count: z
    .number()
    .int()
    .meta({ description: "Open walls on this side.", examples: [143] }),
  usd: usd("Sum of their current sizes", 1_350_000_000),
});

const DepthSummarySchema = z.object({
  bids_usd: usd("Bids within the range", 150_000_000),
  asks_usd: usd("Asks within the range", 140_000_000),
  imbalance_pct: pct("(bids - asks) / (bids + asks); positive = more bids", 3.4),
  time: ms("Time of the reading"),
});

/** `/gpt/orderbook`. */
export const OrderbookReportSchema = z.object({
  symbol,
  exchange: str("Exchange of the pair", "Binance"),
  pair: str("Trading pair", "BTCUSDT"),
  range_pct: z.number().meta({ description: "Depth range around the mid price, in percent.", examples: [1] }),
  walls: z
    .object({ bids: z.array(LargeLimitOrderSchema), asks: z.array(LargeLimitOrderSchema) })
    .meta({ description: "Large resting limit orders, the 25 largest per side, largest first." }),
  wall_totals: z.object({ bids: WallTotalsSchema, asks: WallTotalsSchema }).nullable().meta({
    description:
      "Count and size of every open wall CoinGlass returned per side (walls lists at most 25); null when the walls are missing.",
  }),
  depth: DepthSummarySchema.meta({ description: "Latest depth of the pair on the exchange." }),
  depth_history: z
    .array(
      z.object({
        time: msReq("Bar time"),
        bids_usd: z
          .number()
          .meta({ description: "Bids within the range, in US dollars.", examples: [150_000_000] }),
        bids_quantity: num("Bids within the range, in coins", 1540),
        asks_usd: z
          .number()
          .meta({ description: "Asks within the range, in US dollars.", examples: [140_000_000] }),
        asks_quantity: num("Asks within the range, in coins", 1440),
      }),
    )
    .meta({ description: "Depth history of the pair, oldest first." }),
  aggregated: DepthSummarySchema.meta({ description: "Latest depth across all exchanges for the coin." }),
});

const coinMood = (coin: string, price: number) =>
  z.object({
    price_usd: usd(`${coin} price`, price),
    change_24h_pct: pct(`${coin} 24 h price change`, -1.2),
    trend,
  });

/** `/gpt/sentiment`. */
export const SentimentReportSchema = z.object({
  fear_greed: z.object({
    value: num("Fear & Greed index (0 = extreme fear, 100 = extreme greed)", 64),
    label: z
      .string()
      .nullable()
      .meta({ description: "Label of the index value.", examples: ["Greed"] }),
    time: ms("Time of the reading"),
  }),
  btc: coinMood("BTC", 97_250),
  eth: coinMood("ETH", 3_420),
  funding: z.object({
    btc_oi_weighted_rate_pct: pct(
      "CoinGlass's BTC OI-weighted funding as CoinGlass gives it: a mean of each exchange's rate per its own interval (not per 8 h)",
      0.008,
    ),
    average: FundingAverageSchema,
    bias: z.enum(["longs_pay", "shorts_pay", "neutral"]).nullable().meta({
      description: "Who pays funding, from average.per_8h_pct (beyond ±0.005 % per 8 h); null when unknown.",
    }),
  }),
  open_interest: z.object({ btc_change_24h_pct: pct("BTC open-interest change over 24 h", 2.3), trend }),
  long_short: LongShortReadingSchema.meta({ description: "BTC global accounts long/short on Binance." }),
});

/** `/gpt/funding`. */
export const FundingReportSchema = z.object({
  symbol,
  oi_weighted_rate_pct: pct(
    "CoinGlass's open-interest-weighted average as CoinGlass gives it: a mean of each exchange's rate per its own interval (mixed intervals, not per 8 h)",
    0.008,
  ),
  vol_weighted_rate_pct: pct(
    "CoinGlass's volume-weighted average, same basis as oi_weighted_rate_pct",
    0.007,
  ),
  average: FundingAverageSchema,
  stablecoin_margin: z
    .array(ExchangeFundingRateSchema)
    .meta({ description: "USDT/USDC-margined contracts per exchange, highest per 8 hours first." }),
  token_margin: z
    .array(ExchangeFundingRateSchema)
    .meta({ description: "Coin-margined contracts per exchange, highest per 8 hours first." }),
  highest: ExchangeFundingRateSchema.nullable().meta({
    description: "Highest stablecoin-margin rate per 8 hours.",
  }),
  lowest: ExchangeFundingRateSchema.nullable().meta({
    description: "Lowest stablecoin-margin rate per 8 hours.",
  }),
  spread_per_8h_pct: pct("highest minus lowest, per 8 hours", 0.0043),
  history: z
    .array(OhlcBarSchema)
    .meta({ description: "Binance funding-rate history (percent OHLC per bar), oldest first." }),
});

/** `/gpt/open-interest`. */
export const OpenInterestReportSchema = z.object({
  symbol,
  total_usd: usd("Open interest across exchanges", 61_000_000_000),
  total_quantity: num("Open interest, in coins", 628_000),
  change_pct: partialChangeWindows("Open-interest change"),
  by_exchange: z
    .array(
      z.object({
        exchange: str("Exchange name", "Binance"),
        open_interest_usd: usd("Open interest", 12_000_000_000),
        open_interest_quantity: num("Open interest, in coins", 123_000),
        stablecoin_margin_usd: usd("Stablecoin-margined open interest", 10_000_000_000),
        change_pct: partialChangeWindows("Open-interest change"),
      }),
    )
    .meta({ description: "Per exchange, largest first." }),
  history: z
    .array(OhlcBarSchema)
    .meta({ description: "Aggregated open interest (US dollar OHLC) history, oldest first." }),
});

/** `/gpt/alerts`: an alert of the worker's log. */
export const AlertOutSchema = z.object({
  id: str("Alert id (derived from its content)", "liq-BTC-1767225600000-ab12"),
  kind: z.enum(PUBLIC_ALERT_KINDS),
  symbol,
  side: z.enum(ALERT_SIDES).meta({
    description:
      "Liquidations: long = longs were liquidated. Trades: the taker side. ETF flows: inflow/outflow of the funds; whale transfers: inflow = onto an exchange, outflow = off one, mixed = between two exchanges.",
  }),
  usd: z.number().meta({
    description: "Size of the event, in US dollars (a storm: its whole total so far).",
    examples: [5_400_000],
  }),
  count: z
    .number()
    .int()
    .meta({ description: "Number of underlying events.", examples: [12] }),
  window_s: z.number().meta({ description: "Window the events fell in, in seconds.", examples: [60] }),
  exchanges: z.array(z.string()).meta({ description: "Exchanges involved.", examples: [["Binance", "OKX"]] }),
  price: usd("Price at the alert", 97_000),
  first_at: msReq("First event"),
  last_at: msReq("Last event"),
  severity: z
    .enum(["info", "high", "critical"])
    .meta({ description: "From the current size against the rule's minimum: 2× high, 5× critical." }),
  detail: z.record(z.string(), z.unknown()).meta({ description: "Detector-specific details." }),
  updated_at: msReq("When this state of the alert was taken (a storm's latest update)").optional(),
  revision: z
    .number()
    .int()
    .optional()
    .meta({ description: "0 when first raised, +1 per update of a live storm.", examples: [3] }),
  status: z.enum(["active", "ended"]).optional().meta({
    description:
      "Liquidation storms: `active` while the storm lasts (totals still growing), `ended` once it quieted. Absent for one-off alerts.",
  }),
});

export const AlertListSchema = z.object({
  alerts: z.array(AlertOutSchema).meta({ description: "Newest first." }),
  count: z
    .number()
    .int()
    .meta({ description: "Number of alerts returned.", examples: [3] }),
});

export const SymbolListSchema = z.object({
  symbols: z
    .array(z.string())
    .meta({ description: "Supported coins, sorted.", examples: [["BTC", "ETH", "SOL"]] }),
  count: z
    .number()
    .int()
    .meta({ description: "Number of coins.", examples: [3] }),
});

export const InfoSchema = z.object({
  name: str("Service name", "TELEGLAS GPT API"),
  version: str("Service version", "0.1.0"),
  coinglass_plan: str("CoinGlass plan of this server", "standard"),
  quota: z.object({
    fallback: z
      .object({
        cause: z.string().meta({
          description: "Why the shared budget is unreachable.",
          examples: ["Redis is reconnecting"],
        }),
        limit_per_window: z
          .number()
          .meta({ description: "This process's own share of the budget meanwhile.", examples: [95] }),
      })
      .nullable()
      .meta({
        description:
          "Set while Redis is down and this process admits CoinGlass calls on its own share; else null.",
        examples: [null],
      }),
    limit_per_minute: z
      .number()
      .meta({ description: "Upstream requests per minute allowed by the plan.", examples: [300] }),
    used_last_minute: z
      .number()
      .meta({ description: "Upstream requests used in the last minute.", examples: [42] }),
    queued_interactive: z
      .number()
      .meta({ description: "Requests waiting for quota (people).", examples: [0] }),
    queued_background: z
      .number()
      .meta({ description: "Requests waiting for quota (pollers).", examples: [0] }),
  }),
  cache: z.object({
    hits: z.number().meta({ description: "Cache hits since start.", examples: [1200] }),
    misses: z.number().meta({ description: "Cache misses since start.", examples: [80] }),
    hit_rate: z.number().meta({ description: "hits / (hits + misses), 0..1.", examples: [0.94] }),
    stale_served: z.number().meta({ description: "Stale values served since start.", examples: [0] }),
    entries: z.number().meta({ description: "Entries cached now.", examples: [60] }),
  }),
  upstream: z.object({
    calls: z.number().meta({ description: "CoinGlass calls since start.", examples: [80] }),
    errors: z.number().meta({ description: "Failed CoinGlass calls since start.", examples: [0] }),
  }),
  rate_limit_per_minute: z
    .number()
    .meta({ description: "Requests per minute allowed per API key.", examples: [120] }),
  features: z
    .array(
      z.object({
        feature: str("Data family", "Funding arbitrage"),
        command: str("Bot command", "/arb"),
        route: str("API route", "/gpt/funding-arbitrage"),
        plan: str("Lowest CoinGlass plan that has it", "startup"),
        included: z
          .boolean()
          .meta({ description: "Whether this server's plan includes it.", examples: [true] }),
      }),
    )
    .meta({ description: "Which data families the configured CoinGlass plan unlocks." }),
});
