import { z } from "zod";

/** Every kind of alert the worker can publish. */
export const ALERT_KINDS = [
  "large_liquidation",
  "liquidation_storm",
  "whale_trade",
  "whale_cluster",
  "whale_position",
  "radar",
  "etf_flow",
  "whale_transfer",
  /** A chat's personal rule fired (issue 15); addressed to that one chat (`chat_id`). */
  "rule",
] as const;
export const AlertKindSchema = z.enum(ALERT_KINDS);
/**
 * The kinds broadcast to every matching chat and shown in the shared log and API; `rule` alerts
 * are addressed to one chat and stay private to it.
 */
export const PUBLIC_ALERT_KINDS = ALERT_KINDS.filter((k): k is PublicAlertKind => k !== "rule") as [
  PublicAlertKind,
  ...PublicAlertKind[],
];
export type PublicAlertKind = Exclude<(typeof ALERT_KINDS)[number], "rule">;
export type AlertKind = z.infer<typeof AlertKindSchema>;

/**
 * Kinds a chat receives only once it opts in (the /subscribe menu): daily ETF flows and on-chain
 * whale transfers are a different beat from the live derivatives alerts, and stablecoin moves
 * alone can be many a day.
 */
export const OPT_IN_ALERT_KINDS: readonly PublicAlertKind[] = ["etf_flow", "whale_transfer"];
/** What a new subscription receives (addressed `rule` alerts do not depend on it). */
export const DEFAULT_ALERT_KINDS: readonly PublicAlertKind[] = PUBLIC_ALERT_KINDS.filter(
  (k) => !OPT_IN_ALERT_KINDS.includes(k),
);

/**
 * Which side of the market an alert is about. Liquidations: `long` = longs were liquidated.
 * Trades and positions: `buy`/`sell`, `long`/`short` as the detector says in `detail`.
 * Flows (`etf_flow`, `whale_transfer`): `inflow`/`outflow` — into or out of the ETFs, onto or off
 * an exchange; `mixed` for a flat day or a move between two exchanges.
 */
export const ALERT_SIDES = ["long", "short", "buy", "sell", "mixed", "inflow", "outflow"] as const;
export const AlertSideSchema = z.enum(ALERT_SIDES);
export type AlertSide = z.infer<typeof AlertSideSchema>;

export const AlertSeveritySchema = z.enum(["info", "high", "critical"]);
export type AlertSeverity = z.infer<typeof AlertSeveritySchema>;

/**
 * The alert contract (design.md): published once by the worker, consumed by the bot and the API.
 * `id` is derived from the content, so publishing the same alert twice is harmless.
 * Times are epoch milliseconds; `usd` is US dollars.
 */
export const AlertSchema = z.object({
  id: z.string().min(1),
  kind: AlertKindSchema,
  symbol: z.string().min(1),
  side: AlertSideSchema,
  usd: z.number().nonnegative(),
  count: z.number().int().nonnegative(),
  window_s: z.number().nonnegative(),
  exchanges: z.array(z.string()),
  price: z.number().nullable(),
  first_at: z.number().int(),
  last_at: z.number().int(),
  severity: AlertSeveritySchema,
  detail: z.record(z.string(), z.unknown()),
  /**
   * Epoch ms of this state of the alert. An alert that follows a live event (a liquidation storm)
   * is published once and then updated under the same id as the event grows; each state has a
   * later `updated_at`.
   */
  updated_at: z.number().int().optional(),
  /** 0 when first published, +1 per update (storms). */
  revision: z.number().int().nonnegative().optional(),
  /** A storm is `active` while it lasts and `ended` once it quiets; absent for one-off alerts. */
  status: z.enum(["active", "ended"]).optional(),
  /**
   * An alert addressed to one chat (a personal rule that fired): only that chat receives it,
   * whatever its symbol, kind and minimum-USD filters; its mute and quiet hours still apply.
   * Absent = a broadcast alert for every matching subscription. `usd` of a rule alert is the
   * USD figure the rule watched (liquidations, a wallet's position value) and 0 for rules on
   * other units (price, %, ratio) — `detail.value` holds the figure that crossed.
   */
  chat_id: z.number().int().optional(),
  /** The rule that fired, when `kind` is `rule`. */
  rule_id: z.string().optional(),
});
export type Alert = z.infer<typeof AlertSchema>;
