import {
  type Alert,
  type AlertKind,
  type ChatSubscription,
  type EconomicEvent,
  type MarketDataCore,
  PlanError,
  type RuleCondition,
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
/** Economic releases listed at most (a busy day has a dozen). */
export const MAX_RELEASES = 5;
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
  /** The chat's personal rules that fired in the period, newest first; null (no rules) leaves the section out. */
  fired: FiredLine[] | null;
  /**
   * High-importance releases of the next 24 h; `omitted` on a plan without the calendar,
   * `unavailable` when CoinGlass did not answer.
   */
  calendar: EconomicEvent[] | "omitted" | "unavailable";
}

/** One firing of a personal rule: its condition (as it reads now), its note, when, the value. */
export interface FiredLine {
  condition: RuleCondition;
  note: string | null;
  at: number;
  value: number | null;
}

export interface DigestSources {
  core: MarketDataCore;
  stores: Stores;
  /** The recent-alerts log (default: read it); the runner shares one read among the chats due together. */
  recent?: () => Promise<Alert[]>;
}

/** How long one read of the recent-alerts log serves every digest due at the same time. */
const RECENT_SHARE_MS = 5_000;

/** Reads of the log shared for a few seconds: 100,000 chats due at 08:00 read it a handful of times. */
export function sharedRecent(stores: Stores, now: () => number = Date.now): () => Promise<Alert[]> {
  let last: { at: number; alerts: Promise<Alert[]> } | null = null;
  return () => {
    if (!last || now() - last.at > RECENT_SHARE_MS) {
      const alerts = stores.alerts.recent({ limit: 1000 });
      last = { at: now(), alerts };
      // A failed read is not kept: the next digest tries again.
      alerts.catch(() => {
        if (last?.alerts === alerts) last = null;
      });
    }
    return last.alerts;
  };
}

/** Firings listed at most (the rule store keeps a chat's last 50). */
export const MAX_FIRED = 8;

/**
 * The chat's rules that fired in `[from, now]`, from the rule store's fired log, with their
 * conditions; null when the chat has no rules (no section). A rule deleted since is left out.
 */
export async function firedIn(stores: Stores, chatId: number, from: number, now: number) {
  if ((await stores.rules.count(chatId)) === 0) return null;
  const fired = (await stores.rules.firedSince(chatId, from)).filter((f) => f.at <= now).slice(0, MAX_FIRED);
  const rules = new Map((await stores.rules.list(chatId)).map((r) => [r.rule.id, r.rule]));
  return fired.flatMap((f): FiredLine[] => {
    const rule = rules.get(f.ruleId);
    return rule ? [{ condition: rule.condition, note: rule.note, at: f.at, value: f.value }] : [];
  });
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
    (src.recent ?? (() => src.stores.alerts.recent({ limit: 1000 })))().catch(() => [] as Alert[]),
    firedIn(src.stores, sub.chatId, period.from, now).catch(() => null),
    src.core.market
      .getCalendar({ days: 2, minImportance: 3 }, lane)
      .then((r) => r.data.events.filter((e) => e.time >= now && e.time <= now + DAY).slice(0, MAX_RELEASES))
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
