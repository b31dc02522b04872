import {
  type Alert,
  type AlertKind,
  type ChatSubscription,
  type EconomicEvent,
  type MarketDataCore,
  PlanError,
  type Stores,
  type WatchlistRow,
} from "@teleglas/market-data-core";
import type { Period } from "./period.js";

/** The coins a chat without its own list sees, said as such in the digest. */
export const DEFAULT_WATCHLIST = ["BTC", "ETH", "SOL"];
/** Coins listed at most (the rest is counted): one screen on a phone. */
export const MAX_WATCHLIST = 10;
/** Liquidations and whale moves listed per section. */
export const TOP_EVENTS = 3;
const LIQUIDATIONS: readonly AlertKind[] = ["large_liquidation", "liquidation_storm"];
const WHALES: readonly AlertKind[] = ["whale_trade", "whale_cluster", "whale_position"];
const DAY = 86_400_000;

/** Everything one digest shows; null parts are "n/a" (or, where said, a section left out). */
export interface DigestData {
  period: Period;
  timeZone: string;
  now: number;
  watchlist: {
    /** Rows in the order of `symbols`; a coin CoinGlass gave nothing for has null figures. */
    rows: WatchlistRow[];
    isDefault: boolean;
    /** Coins of the chat's list not shown. */
    more: number;
  };
  /** Biggest of the period, largest first (from the recent-alerts log). */
  liquidations: Alert[];
  whales: Alert[];
  /** The chat's personal rules that fired in the period; null leaves the section out. */
  fired: Array<{ text: string; at: number }> | null;
  /**
   * High-importance releases of the next 24 h; `omitted` on a plan without the calendar,
   * `unavailable` when CoinGlass did not answer.
   */
  calendar: EconomicEvent[] | "omitted" | "unavailable";
}

export interface DigestSources {
  core: MarketDataCore;
  stores: Stores;
  /** The chat's personal rules that fired since a time (rules engine); absent until it exists. */
  firedSince?: (chatId: number, since: number) => Promise<Array<{ text: string; at: number }>>;
}

const emptyRow = (symbol: string): WatchlistRow => ({
  symbol,
  priceUsd: null,
  change24hPct: null,
  fundingPer8hPct: null,
  openInterestChange24hPct: null,
});

/** Largest first, at most `TOP_EVENTS`, of the kinds given, that happened in `[from, now]`. */
export function biggest(alerts: Alert[], kinds: readonly AlertKind[], from: number, now: number): Alert[] {
  return alerts
    .filter((a) => kinds.includes(a.kind) && a.last_at >= from && a.last_at <= now)
    .sort((a, b) => b.usd - a.usd)
    .slice(0, TOP_EVENTS);
}

/** Gathers one chat's digest. Upstream failures become n/a figures, never a failed digest. */
export async function gatherDigest(
  src: DigestSources,
  sub: ChatSubscription,
  period: Period,
  timeZone: string,
  now: number,
): Promise<DigestData> {
  const own = Array.isArray(sub.symbols) && sub.symbols.length > 0 ? sub.symbols : null;
  const symbols = (own ?? DEFAULT_WATCHLIST).slice(0, MAX_WATCHLIST);
  const lane = { lane: "background" as const };
  const [rows, recent, fired, calendar] = await Promise.all([
    src.core.market
      .getWatchlist(symbols, lane)
      .then((r) => r.data.coins)
      .catch(() => symbols.map(emptyRow)),
    src.stores.alerts.recent({ limit: 1000 }).catch(() => [] as Alert[]),
    src.firedSince ? src.firedSince(sub.chatId, period.from).catch(() => []) : Promise.resolve(null),
    src.core.market
      .getCalendar({ days: 2, minImportance: 3 }, lane)
      .then((r) => r.data.events.filter((e) => e.time >= now && e.time <= now + DAY))
      .catch((error: unknown): "omitted" | "unavailable" =>
        error instanceof PlanError ? "omitted" : "unavailable",
      ),
  ]);
  return {
    period,
    timeZone,
    now,
    watchlist: { rows, isDefault: own === null, more: own ? Math.max(0, own.length - MAX_WATCHLIST) : 0 },
    liquidations: biggest(recent, LIQUIDATIONS, period.from, now),
    whales: biggest(recent, WHALES, period.from, now),
    fired,
    calendar,
  };
}
