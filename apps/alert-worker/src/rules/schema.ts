import { ETF_ASSETS, type EtfAsset } from "@teleglas/market-data-core";
import { z } from "zod";

const usd = z.number().nonnegative();
const seconds = z.number().positive();
const count = z.number().int().min(1);
const ratio = z.number().gt(0).max(1);

/**
 * Three tiers, each with the same rule shape. Every field has a default, so a rules file only
 * names what it changes; unknown keys are rejected so a typo cannot silently fall back to a default.
 */
function tiered<T extends z.ZodRawShape>(shape: (d: number) => T) {
  return z
    .strictObject({
      // Every field of `shape` has a default, which the generic signature cannot see.
      majors: z.strictObject(shape(0)).prefault({} as never),
      large_caps: z.strictObject(shape(1)).prefault({} as never),
      others: z.strictObject(shape(2)).prefault({} as never),
    })
    .prefault({});
}

const ETF_KEYS = Object.keys(ETF_ASSETS) as [EtfAsset, ...EtfAsset[]];

/** Picks the default of tier `d` (0 majors, 1 large caps, 2 others). */
const pick = (d: number, values: readonly [number, number, number]): number => values[d] ?? values[2];

const singleEvent = (
  minUsd: readonly [number, number, number],
  cooldown: readonly [number, number, number],
) =>
  tiered((d) => ({ min_usd: usd.default(pick(d, minUsd)), cooldown_s: seconds.default(pick(d, cooldown)) }));

/**
 * The alert rules (ALERT_RULES_FILE, JSON or YAML). Defaults are the original TELEGLAS thresholds
 * (teleglas-original.md §3.2–3.6); cooldowns are per symbol and side, on event time.
 */
export const RulesSchema = z.strictObject({
  /** Coins ("BTC") of each tier; every other coin is in `others`. */
  tiers: z
    .strictObject({
      majors: z.array(z.string().min(1)).default(["BTC", "ETH", "SOL"]),
      large_caps: z.array(z.string().min(1)).default(["BNB", "XRP", "ADA", "DOGE", "AVAX", "DOT"]),
    })
    .prefault({}),
  /** Events older than this (by the clock) when they arrive feed no alert: replays at start, backlog. */
  max_event_age_s: seconds.default(120),
  /**
   * Events dated more than this ahead of the clock feed nothing (a bad upstream clock, a time in
   * microseconds): one such event must not move a window's "now" and hide a real storm.
   */
  max_event_lead_s: seconds.default(5),
  large_liquidation: singleEvent([500_000, 200_000, 100_000], [300, 450, 600]),
  liquidation_storm: z
    .strictObject({
      window_s: z.number().int().min(1).max(3600).default(30),
      /** A growing storm's alert is updated at most this often; its end goes out at once. */
      update_interval_s: seconds.default(5),
      tiers: tiered((d) => ({
        min_usd: usd.default(pick(d, [2_000_000, 1_000_000, 500_000])),
        min_count: count.default(pick(d, [3, 2, 2])),
        cooldown_s: seconds.default(pick(d, [300, 450, 600])),
      })),
    })
    .prefault({}),
  whale_trade: singleEvent([1_000_000, 500_000, 200_000], [300, 450, 600]),
  whale_cluster: z
    .strictObject({
      window_s: z.number().int().min(1).max(3600).default(30),
      tiers: tiered((d) => ({
        min_usd: usd.default(pick(d, [3_000_000, 1_500_000, 500_000])),
        min_dominance: ratio.default(pick(d, [0.7, 0.65, 0.6])),
        min_count: count.default(pick(d, [3, 2, 2])),
        cooldown_s: seconds.default(pick(d, [600, 900, 1200])),
      })),
    })
    .prefault({}),
  whale_position: z
    .strictObject({
      min_usd: usd.default(1_000_000),
      /** How often the Hyperliquid whale-alert endpoint is polled (background quota lane). */
      poll_interval_s: seconds.default(30),
      /** Per user + coin + action, so one whale scaling in does not repeat. */
      cooldown_s: seconds.default(60),
      /** Rows older than this when polled are history, not news (e.g. the first poll after start). */
      max_age_s: seconds.default(180),
    })
    .prefault({}),
  etf_flow: z
    .strictObject({
      /** US spot-ETF families polled: BTC, ETH, SOL, XRP (one cached call each per poll). */
      assets: z.array(z.enum(ETF_KEYS)).default([...ETF_KEYS]),
      /**
       * How often the flow history is asked for (background quota lane). The answer is cached for
       * an hour (the figure is daily), so a new day shows within an hour plus this.
       */
      poll_interval_s: seconds.default(600),
      /** A day is announced until this long after its start (UTC): later it is history, not news. */
      max_age_h: seconds.default(48),
    })
    .prefault({}),
  whale_transfer: z
    .strictObject({
      /** CoinGlass lists transfers of $10M and more; a higher minimum alerts on fewer. */
      min_usd: usd.default(10_000_000),
      /** How often the whale-transfer endpoint is polled (background quota lane, Startup plan+). */
      poll_interval_s: seconds.default(60),
      /** Transfers older than this when first seen (e.g. the first poll after start) are history. */
      max_age_s: seconds.default(3600),
    })
    .prefault({}),
  radar: z
    .strictObject({
      /** A storm and a cluster on one coin whose qualifying moments are at most this far apart. */
      window_s: z.number().int().min(1).max(3600).default(30),
      cooldown_s: seconds.default(300),
    })
    .prefault({}),
});
export type Rules = z.infer<typeof RulesSchema>;

/** Tier index: 0 majors, 1 large caps, 2 others. */
export type TierIndex = 0 | 1 | 2;
export const TIER_NAMES = ["majors", "large_caps", "others"] as const;
export type TierName = (typeof TIER_NAMES)[number];

/** The built-in rules. */
export const DEFAULT_RULES: Rules = RulesSchema.parse({});

/** Which tier a coin belongs to (case-insensitive). */
export function createTierLookup(rules: Rules): (coin: string) => TierIndex {
  const tiers = new Map<string, TierIndex>();
  for (const c of rules.tiers.large_caps) tiers.set(c.toUpperCase(), 1);
  for (const c of rules.tiers.majors) tiers.set(c.toUpperCase(), 0);
  return (coin) => tiers.get(coin) ?? tiers.get(coin.toUpperCase()) ?? 2;
}
