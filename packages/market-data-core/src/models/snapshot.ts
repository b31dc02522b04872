import type {
  ChangeWindow,
  ExchangeFundingRate,
  FundingAverage,
  LiquidationExchangeRow,
  LiquidationRange,
  LiquidationTotals,
  RsiWindow,
  TakerRange,
} from "./market.js";

/** Taker windows `getRaw` reports. */
export const RAW_TAKER_RANGES = ["5m", "15m", "1h", "4h", "24h"] as const satisfies readonly TakerRange[];
export type RawTakerRange = (typeof RAW_TAKER_RANGES)[number];

/** Price section of a raw snapshot. */
export interface RawPrice {
  lastUsd: number | null;
  /** Percent change per window (5m … 24h). */
  changePct: Record<ChangeWindow, number | null>;
  high24hUsd: number | null;
  low24hUsd: number | null;
}

/** Open interest section. */
export interface RawOpenInterest {
  totalUsd: number | null;
  /** Coins. */
  totalQuantity: number | null;
  /** Percent change per window (CoinGlass has no 12h value: always null there). */
  changePct: Record<ChangeWindow, number | null>;
  /** Per exchange, largest first, `All` row removed. */
  byExchange: Array<{
    exchange: string;
    usd: number | null;
    quantity: number | null;
    change24hPct: number | null;
  }>;
}

/** Volume section. */
export interface RawVolume {
  /** Sum of the 24h USD volume of every listed futures pair of the coin. */
  volume24hUsd: number | null;
  /** Percent change per window from coins-markets (no 12h upstream). */
  changePct: Record<ChangeWindow, number | null>;
}

/** Funding section. Raw rates are percent per each exchange's interval; `average` is per 8 hours. */
export interface RawFunding {
  /** CoinGlass's open-interest-weighted average as given (each exchange per its own interval). */
  oiWeightedRatePct: number | null;
  volWeightedRatePct: number | null;
  /** Per 8 hours, weighted by open interest per exchange. */
  average: FundingAverage;
  /** Stablecoin-margined contracts per exchange, highest per 8 hours first. */
  byExchange: ExchangeFundingRate[];
  /** Exchange whose schedule `nextFundingTime` / `intervalHours` describe (Binance when listed). */
  referenceExchange: string | null;
  nextFundingTime: number | null;
  intervalHours: number | null;
}

/** Liquidations section. */
export interface RawLiquidations {
  windows: Record<LiquidationRange, LiquidationTotals>;
  /** 24h per exchange, `All` row removed, largest first. */
  byExchange24h: LiquidationExchangeRow[];
}

/** A long/short reading of one kind. */
export interface LongShortReading {
  longPct: number | null;
  shortPct: number | null;
  ratio: number | null;
  time: number | null;
}

/** Long/short section (Binance pair, latest bar). */
export interface RawLongShort {
  exchange: string;
  globalAccounts: LongShortReading;
  topAccounts: LongShortReading;
  topPositions: LongShortReading;
}

/** Taker flow of one window. */
export interface TakerFlow {
  buyUsd: number | null;
  sellUsd: number | null;
  /** buy - sell. */
  netUsd: number | null;
  buyRatioPct: number | null;
}

/** Order-book depth within ±1 % across exchanges. */
export interface RawOrderbook {
  rangePct: number;
  bidsUsd: number | null;
  asksUsd: number | null;
  /** (bids - asks) / (bids + asks) × 100: positive = more bids. */
  imbalancePct: number | null;
  time: number | null;
}

/**
 * Everything `/raw` shows for one coin. Sections are always present; a value CoinGlass did not
 * give is `null` and named in the result's `meta.missing`.
 */
export interface RawSnapshot {
  symbol: string;
  /** When the snapshot was assembled, ms. */
  timestamp: number;
  price: RawPrice;
  openInterest: RawOpenInterest;
  volume: RawVolume;
  funding: RawFunding;
  liquidations: RawLiquidations;
  longShort: RawLongShort;
  taker: Record<RawTakerRange, TakerFlow>;
  rsi: Record<RsiWindow, number | null>;
  orderbook: RawOrderbook;
}
