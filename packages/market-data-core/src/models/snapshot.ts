import { z } from "zod";
import { DepthSummarySchema } from "./book-whales.js";
import { ChangeWindowsSchema, ms, msReq, num, pct, str, usd, windows } from "./fields.js";
import { ExchangeFundingRateSchema, FundingAverageSchema } from "./funding.js";
import {
  LIQUIDATION_RANGES,
  LiquidationExchangeRowSchema,
  LiquidationTotalsSchema,
  RSI_WINDOWS,
  type TakerRange,
} from "./market.js";

/** Taker windows `getRaw` reports. */
export const RAW_TAKER_RANGES = ["5m", "15m", "1h", "4h", "24h"] as const satisfies readonly TakerRange[];
export type RawTakerRange = (typeof RAW_TAKER_RANGES)[number];

/** Price section of a raw snapshot. */
export const RawPriceSchema = z.object({
  lastUsd: usd("Last price", 97_250.5),
  /** Percent change per window (5m … 24h). */
  changePct: ChangeWindowsSchema,
  high24hUsd: usd("24 h high", 98_100),
  low24hUsd: usd("24 h low", 95_400),
});
export type RawPrice = z.infer<typeof RawPriceSchema>;

/** Open interest section. */
export const RawOpenInterestSchema = z.object({
  totalUsd: usd("Open interest across exchanges", 61_000_000_000),
  totalQuantity: num("Open interest, in coins", 628_000),
  /** Percent change per window (CoinGlass has no 12h value: always null there). */
  changePct: ChangeWindowsSchema,
  /** `All` row removed. */
  byExchange: z
    .array(
      z.object({
        exchange: str("Exchange name", "Binance"),
        usd: usd("Open interest", 12_000_000_000),
        quantity: num("Open interest, in coins", 123_000),
        change24hPct: pct("24 h open-interest change", 2.1),
      }),
    )
    .meta({ description: "Per exchange, largest first." }),
});
export type RawOpenInterest = z.infer<typeof RawOpenInterestSchema>;

/** Volume section. */
export const RawVolumeSchema = z.object({
  /** Sum of the 24h USD volume of every listed futures pair of the coin. */
  volume24hUsd: usd("24 h futures volume of every listed pair", 85_000_000_000),
  /** Percent change per window from coins-markets (no 12h upstream). */
  changePct: ChangeWindowsSchema,
});
export type RawVolume = z.infer<typeof RawVolumeSchema>;

/** Funding section. Raw rates are percent per each exchange's interval; `average` is per 8 hours. */
export const RawFundingSchema = z.object({
  oiWeightedRatePct: pct(
    "CoinGlass's open-interest-weighted average as CoinGlass gives it (each exchange's rate per its own interval, not per 8 h)",
    0.008,
  ),
  volWeightedRatePct: pct("CoinGlass's volume-weighted average, same basis", 0.007),
  average: FundingAverageSchema,
  byExchange: z
    .array(ExchangeFundingRateSchema)
    .meta({ description: "Stablecoin-margined rates per exchange, highest per 8 hours first." }),
  /** Exchange whose schedule `nextFundingTime` / `intervalHours` describe (Binance when listed). */
  referenceExchange: z
    .string()
    .nullable()
    .meta({ description: "Exchange whose schedule is given.", examples: ["Binance"] }),
  nextFundingTime: ms("Next funding time on the reference exchange"),
  intervalHours: num("Funding interval on the reference exchange, in hours", 8),
});
export type RawFunding = z.infer<typeof RawFundingSchema>;

/** Liquidations section. */
export const RawLiquidationsSchema = z.object({
  windows: windows(LIQUIDATION_RANGES, LiquidationTotalsSchema).meta({
    description: "Liquidations per window (1h … 24h).",
  }),
  /** `All` row removed. */
  byExchange24h: z
    .array(LiquidationExchangeRowSchema)
    .meta({ description: "24 h liquidations per exchange, largest first." }),
});
export type RawLiquidations = z.infer<typeof RawLiquidationsSchema>;

/** A long/short reading of one kind. */
export const LongShortReadingSchema = z.object({
  longPct: pct("Share of longs", 52.4),
  shortPct: pct("Share of shorts", 47.6),
  ratio: num("Longs divided by shorts", 1.1),
  time: ms("Time of the reading"),
});
export type LongShortReading = z.infer<typeof LongShortReadingSchema>;

/** Long/short section (Binance pair, latest bar). */
export const RawLongShortSchema = z.object({
  exchange: str("Exchange of the readings", "Binance"),
  globalAccounts: LongShortReadingSchema,
  topAccounts: LongShortReadingSchema,
  topPositions: LongShortReadingSchema,
});
export type RawLongShort = z.infer<typeof RawLongShortSchema>;

/** Taker flow of one window. */
export const TakerFlowSchema = z.object({
  buyUsd: usd("Taker buy volume", 610_000_000),
  sellUsd: usd("Taker sell volume", 590_000_000),
  netUsd: usd("Taker buy minus sell volume", 20_000_000),
  buyRatioPct: pct("Buy share of taker volume", 50.8),
});
export type TakerFlow = z.infer<typeof TakerFlowSchema>;

/** Order-book depth within ±1 % across exchanges. */
export const RawOrderbookSchema = z.object({
  rangePct: z.number().meta({ description: "Depth range around the mid price, in percent.", examples: [1] }),
  ...DepthSummarySchema.shape,
  time: ms("Time of the depth reading"),
});
export type RawOrderbook = z.infer<typeof RawOrderbookSchema>;

/**
 * Everything `/raw` shows for one coin. Sections are always present; a value CoinGlass did not
 * give is `null` and named in the result's `meta.missing`.
 */
export const RawSnapshotSchema = z.object({
  symbol: str("Coin symbol", "BTC"),
  timestamp: msReq("When the snapshot was assembled"),
  price: RawPriceSchema,
  openInterest: RawOpenInterestSchema,
  volume: RawVolumeSchema,
  funding: RawFundingSchema,
  liquidations: RawLiquidationsSchema,
  longShort: RawLongShortSchema,
  taker: windows(RAW_TAKER_RANGES, TakerFlowSchema).meta({ description: "Taker buy/sell flow per window." }),
  rsi: windows(RSI_WINDOWS, num("RSI (0..100)", 55.2)).meta({ description: "RSI (0..100) per timeframe." }),
  orderbook: RawOrderbookSchema,
});
export type RawSnapshot = z.infer<typeof RawSnapshotSchema>;
