/** The control surface's types: what each `/__sim/*` operation takes. */
import type { WalletPositionInput } from "./model/wallets.js";
import type { CorruptOptions } from "./rest/corrupt.js";
import type { Counters } from "./rest/limits.js";
import type { Faults } from "./rest/router.js";

/** Faults of injected stream events: their time is wrong in one of the ways upstreams get it wrong. */
export interface EventFaults {
  /** Date the events this many ms from when they are sent (86400000 = a day ahead). */
  timeShiftMs?: number;
  /** Send `time` in microseconds instead of the documented milliseconds. */
  timeUnit?: "ms" | "us";
}

export interface StormOptions extends EventFaults {
  /** Coin, e.g. "BTC". */
  symbol: string;
  /** The side liquidated. */
  side: "long" | "short";
  totalUsd: number;
  count: number;
  /** Spread over this many seconds (default 10; 0 = all at once). */
  overSeconds?: number;
  /** One exchange; default: spread across the coin's exchanges. */
  exchange?: string;
}

export interface WhaleTradeOptions extends EventFaults {
  symbol: string;
  side: "buy" | "sell";
  totalUsd: number;
  count: number;
  /** Default 5 seconds. */
  overSeconds?: number;
  /** Default Binance. */
  exchange?: string;
}

export interface WhalePositionOptions {
  /** Coin, e.g. "ETH" (1000PEPE becomes Hyperliquid's kPEPE). */
  symbol: string;
  action: "open" | "close";
  direction: "long" | "short";
  valueUsd: number;
  user?: string;
}

export interface EtfFlowOptions {
  /** BTC, ETH, SOL or XRP (US funds), or "HK" for the Hong Kong BTC funds. */
  asset: string;
  /** Net flow per fund ticker, USD; funds left out have no figure that day. */
  flows: Record<string, number>;
  /** Any time on the day (epoch ms, UTC); default: the simulator's today, published at once. */
  day?: number;
}

export interface CalendarEventOptions {
  name: string;
  /** Epoch ms; default one hour from the simulator's now. */
  time?: number;
  /** 1..3, 3 = most important (default 3). */
  importance?: number;
  countryCode?: string;
  countryName?: string;
  forecast?: string;
  previous?: string;
  published?: string;
}

export interface WhaleTransferOptions {
  /** Coin, e.g. "BTC". */
  symbol: string;
  usd: number;
  /** Exchange name (e.g. "Coinbase") or omitted for an unknown wallet. */
  from?: string;
  to?: string;
}

export interface SimControl {
  /** An on-chain transfer; one into or out of an exchange moves that exchange's balance. */
  injectWhaleTransfer(o: WhaleTransferOptions): void;
  /** Add an economic-calendar event. */
  injectCalendarEvent(o: CalendarEventOptions): void;
  /** Publish one day of ETF flows (the day's total is the sum of the funds given). */
  injectEtfFlow(o: EtfFlowOptions): void;
  injectLiquidationStorm(o: StormOptions): void;
  injectWhaleTrades(o: WhaleTradeOptions): void;
  injectWhalePosition(o: WhalePositionOptions): void;
  setFaults(f: Partial<Faults>): void;
  /** Overwrite a field of an endpoint's answers with a bad value until `reset`. */
  corrupt(o: CorruptOptions): void;
  dropSockets(): void;
  /** Sends text frames as they are to every open socket, `repeat` times over; resolves how many went out. */
  rawFrames(o: { frames: string[]; repeat?: number }): { sent: number };
  replay(o: { count: number; batchSize?: number; channel?: string }): Promise<{ sent: number; ms: number }>;
  counters(): Counters;
  resetCounters(): void;
  /** Clears faults, corruptions, counters, rate-limit windows, injected events and pending injections. */
  reset(): void;
  /** Current model price of a coin. */
  price(symbol: string): number;
  /** Sets the coin's price (or moves it by `movePct` %) from now on; rolling changes see the jump. */
  setPrice(o: PriceOverride): { price: number };
  /** Sets the coin's open interest (total, or one exchange's) or moves it by `movePct` %. */
  setOpenInterest(o: OpenInterestOverride): { usd: number };
  /** Funding in percent per interval on one exchange (all when omitted), as REST answers give it. */
  setFunding(o: { symbol: string; ratePct: number; exchange?: string }): void;
  /** Holds the coin's long/short ratio (coins-markets, every window) at `ratio`. */
  setLongShortRatio(o: { symbol: string; ratio: number }): void;
  /** Replaces a Hyperliquid wallet's open positions (`[]` = flat). */
  setWallet(o: { address: string; positions: WalletPositionInput[] }): void;
}

/** Exactly one of `price` and `movePct`. */
export interface PriceOverride {
  symbol: string;
  price?: number;
  movePct?: number;
}

/** Exactly one of `usd` and `movePct`; `exchange` = that exchange's open interest only. */
export interface OpenInterestOverride {
  symbol: string;
  usd?: number;
  movePct?: number;
  exchange?: string;
}
