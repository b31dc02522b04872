import { z } from "zod";
import {
  changeWindows,
  ExchangeFundingRateSchema,
  FundingAverageSchema,
  LiquidationExchangeRowSchema,
  LiquidationTotalsSchema,
  LongShortReadingSchema,
  ms,
  msReq,
  num,
  pct,
  str,
  usd,
} from "./fields.js";

const symbol = str("Coin symbol", "BTC");

const TakerFlowSchema = z.object({
  buy_usd: usd("Taker buy volume", 610_000_000),
  sell_usd: usd("Taker sell volume", 590_000_000),
  net_usd: usd("Taker buy minus sell volume", 20_000_000),
  buy_ratio_pct: pct("Buy share of taker volume", 50.8),
});

const windows = (keys: readonly string[], schema: z.ZodType, what: string) =>
  z.object(Object.fromEntries(keys.map((k) => [k, schema]))).meta({ description: what });

/** `/gpt/raw`: everything about one coin. */
export const RawSnapshotSchema = z.object({
  symbol,
  timestamp: msReq("When the snapshot was assembled"),
  price: z.object({
    last_usd: usd("Last price", 97_250.5),
    change_pct: changeWindows("Price change"),
    high_24h_usd: usd("24 h high", 98_100),
    low_24h_usd: usd("24 h low", 95_400),
  }),
  open_interest: z.object({
    total_usd: usd("Open interest across exchanges", 61_000_000_000),
    total_quantity: num("Open interest, in coins", 628_000),
    change_pct: changeWindows("Open-interest change (no 12h upstream: always null)"),
    by_exchange: z
      .array(
        z.object({
          exchange: str("Exchange name", "Binance"),
          usd: usd("Open interest", 12_000_000_000),
          quantity: num("Open interest, in coins", 123_000),
          change_24h_pct: pct("24 h open-interest change", 2.1),
        }),
      )
      .meta({ description: "Per exchange, largest first." }),
  }),
  volume: z.object({
    volume_24h_usd: usd("24 h futures volume of every listed pair", 85_000_000_000),
    change_pct: changeWindows("Volume change"),
  }),
  funding: z.object({
    oi_weighted_rate_pct: pct(
      "CoinGlass's open-interest-weighted average as CoinGlass gives it (each exchange's rate per its own interval, not per 8 h)",
      0.008,
    ),
    vol_weighted_rate_pct: pct("CoinGlass's volume-weighted average, same basis", 0.007),
    average: FundingAverageSchema,
    by_exchange: z
      .array(ExchangeFundingRateSchema)
      .meta({ description: "Stablecoin-margined rates per exchange, highest per 8 hours first." }),
    reference_exchange: z
      .string()
      .nullable()
      .meta({ description: "Exchange whose schedule is given.", examples: ["Binance"] }),
    next_funding_time: ms("Next funding time on the reference exchange"),
    interval_hours: num("Funding interval on the reference exchange, in hours", 8),
  }),
  liquidations: z.object({
    windows: windows(
      ["1h", "4h", "12h", "24h"],
      LiquidationTotalsSchema,
      "Liquidations per window (1h … 24h).",
    ),
    by_exchange_24h: z
      .array(LiquidationExchangeRowSchema)
      .meta({ description: "24 h liquidations per exchange, largest first." }),
  }),
  long_short: z.object({
    exchange: str("Exchange of the readings", "Binance"),
    global_accounts: LongShortReadingSchema,
    top_accounts: LongShortReadingSchema,
    top_positions: LongShortReadingSchema,
  }),
  taker: windows(["5m", "15m", "1h", "4h", "24h"], TakerFlowSchema, "Taker buy/sell flow per window."),
  rsi: windows(
    ["15m", "1h", "4h", "12h", "24h", "1w"],
    num("RSI (0..100)", 55.2),
    "RSI (0..100) per timeframe.",
  ),
  orderbook: z.object({
    range_pct: z
      .number()
      .meta({ description: "Depth range around the mid price, in percent.", examples: [1] }),
    bids_usd: usd("Bids within the range", 150_000_000),
    asks_usd: usd("Asks within the range", 140_000_000),
    imbalance_pct: pct("(bids - asks) / (bids + asks); positive = more bids", 3.4),
    time: ms("Time of the depth reading"),
  }),
});

/** `/gpt/liq`. */
export const LiquidationSummarySchema = z.object({
  symbol,
  range: z.enum(["1h", "4h", "12h", "24h"]).meta({ description: "Window covered." }),
  total_usd: usd("Liquidated, both sides", 48_200_000),
  long_usd: usd("Long positions liquidated", 30_100_000),
  short_usd: usd("Short positions liquidated", 18_100_000),
  long_share_pct: pct("Long share of the total", 62.4),
  dominant_side: z
    .enum(["long", "short"])
    .nullable()
    .meta({ description: "Side that lost more; null when equal or unknown." }),
  by_exchange: z.array(LiquidationExchangeRowSchema).meta({ description: "Per exchange, largest first." }),
});

const WhaleAlertSchema = z.object({
  user: str("Hyperliquid address", "0x3c…9f"),
  coin: symbol,
  position_size: z
    .number()
    .meta({ description: "Signed size, in coins: positive long, negative short.", examples: [-120.5] }),
  direction: z.enum(["long", "short"]),
  action: z.enum(["open", "close"]).meta({ description: "Whether the position was opened or closed." }),
  entry_price_usd: usd("Entry price", 97_000),
  liquidation_price_usd: usd("Liquidation price", 110_000),
  value_usd: z.number().meta({ description: "Position value, in US dollars.", examples: [11_700_000] }),
  time: msReq("When it happened"),
});

const WhalePositionSchema = z.object({
  user: str("Hyperliquid address", "0x3c…9f"),
  coin: symbol,
  position_size: z
    .number()
    .meta({ description: "Signed size, in coins: positive long, negative short.", examples: [250] }),
  direction: z.enum(["long", "short"]),
  entry_price_usd: usd("Entry price", 96_500),
  mark_price_usd: usd("Mark price", 97_250),
  liquidation_price_usd: usd("Liquidation price", 80_000),
  leverage: num("Leverage (x)", 10),
  margin_balance_usd: usd("Margin balance", 2_400_000),
  value_usd: z.number().meta({ description: "Position value, in US dollars.", examples: [24_300_000] }),
  unrealized_pnl_usd: usd("Unrealized profit and loss", 187_000),
  funding_fee_usd: usd("Funding fees paid (negative) or received", -1_200),
  margin_mode: z
    .string()
    .nullable()
    .meta({ description: "cross or isolated.", examples: ["cross"] }),
  create_time: ms("Opened at"),
  update_time: ms("Last updated at"),
});

/** `/gpt/whale`. */
export const WhaleReportSchema = z.object({
  symbol: z
    .string()
    .nullable()
    .meta({ description: "Coin filter applied; null = all coins.", examples: ["BTC"] }),
  min_usd: z
    .number()
    .meta({ description: "Minimum position value applied, in US dollars.", examples: [1_000_000] }),
  alerts: z
    .array(WhaleAlertSchema)
    .meta({ description: "Hyperliquid whale position opens/closes, newest first, at most `limit`." }),
  positions: z
    .array(WhalePositionSchema)
    .meta({ description: "Open Hyperliquid whale positions, largest first, at most `limit`." }),
  totals: z
    .object({
      long_usd: z
        .number()
        .meta({ description: "Sum of long position values, in US dollars.", examples: [420_000_000] }),
      short_usd: z
        .number()
        .meta({ description: "Sum of short position values, in US dollars.", examples: [310_000_000] }),
      count: z
        .number()
        .int()
        .meta({ description: "Number of positions summed.", examples: [143] }),
    })
    .nullable()
    .meta({
      description:
        "Sums over every open position CoinGlass returned for the coin filter with value ≥ min_usd (e.g. all 143 positions ≥ $1M), not only the listed ones: `limit` cuts the list, never the totals. null when CoinGlass gave no readable positions.",
    }),
});
