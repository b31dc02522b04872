import { z } from "zod";
import { usd } from "./fields.js";

/** A time in epoch milliseconds, whole. */
const ms = (what: string) =>
  z
    .number()
    .int()
    .meta({ description: `${what}, epoch milliseconds (UTC).`, examples: [1767225600000] });

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
export const AlertSideSchema = z.enum(ALERT_SIDES).meta({
  description:
    "Liquidations: long = longs were liquidated. Trades: the taker side. ETF flows: inflow/outflow of the funds; whale transfers: inflow = onto an exchange, outflow = off one, mixed = between two exchanges.",
});
export type AlertSide = z.infer<typeof AlertSideSchema>;

export const AlertSeveritySchema = z
  .enum(["info", "high", "critical"])
  .meta({ description: "From the current size against the rule's minimum: 2× high, 5× critical." });
export type AlertSeverity = z.infer<typeof AlertSeveritySchema>;

/**
 * The alert contract (design.md): published once by the worker, consumed by the bot and the API.
 * `id` is derived from the content, so publishing the same alert twice is harmless.
 * Times are epoch milliseconds; `usd` is US dollars.
 */
export const AlertSchema = z.object({
  id: z
    .string()
    .min(1)
    .meta({ description: "Alert id (derived from its content)", examples: ["liq-BTC-1767225600000-ab12"] }),
  kind: AlertKindSchema,
  symbol: z
    .string()
    .min(1)
    .meta({ description: "Coin symbol", examples: ["BTC"] }),
  side: AlertSideSchema,
  usd: z
    .number()
    .nonnegative()
    .meta({
      description: "Size of the event, in US dollars (a storm: its whole total so far).",
      examples: [5_400_000],
    }),
  count: z
    .number()
    .int()
    .nonnegative()
    .meta({ description: "Number of underlying events.", examples: [12] }),
  window_s: z
    .number()
    .nonnegative()
    .meta({ description: "Window the events fell in, in seconds.", examples: [60] }),
  exchanges: z.array(z.string()).meta({ description: "Exchanges involved.", examples: [["Binance", "OKX"]] }),
  price: usd("Price at the alert", 97_000),
  first_at: ms("First event"),
  last_at: ms("Last event"),
  severity: AlertSeveritySchema,
  detail: z.record(z.string(), z.unknown()).meta({ description: "Detector-specific details." }),
  /**
   * Epoch ms of this state of the alert. An alert that follows a live event (a liquidation storm)
   * is published once and then updated under the same id as the event grows; each state has a
   * later `updated_at`.
   */
  updated_at: ms("When this state of the alert was taken (a storm's latest update)").optional(),
  revision: z
    .number()
    .int()
    .nonnegative()
    .optional()
    .meta({ description: "0 when first raised, +1 per update of a live storm.", examples: [3] }),
  status: z.enum(["active", "ended"]).optional().meta({
    description:
      "Liquidation storms: `active` while the storm lasts (totals still growing), `ended` once it quieted. Absent for one-off alerts.",
  }),
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

/** An alert as the shared log and the API show it: a broadcast kind, addressed to no one chat. */
export const PublicAlertSchema = AlertSchema.omit({ chat_id: true, rule_id: true }).extend({
  kind: z.enum(PUBLIC_ALERT_KINDS),
});
export type PublicAlert = z.infer<typeof PublicAlertSchema>;

/** Whether an alert may be shown to everyone (not a chat's own fired rule). */
export const isPublicAlert = (a: Alert): a is Alert & PublicAlert =>
  a.kind !== "rule" && a.chat_id === undefined;
