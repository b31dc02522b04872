import { z } from "zod";

/**
 * Personal alert rules (issue 15): a level or a change a chat sets for one coin (or one
 * Hyperliquid wallet). The alert worker evaluates them; a fired rule becomes an alert of kind
 * `rule` addressed to the rule's chat (see RuleFiredDetailSchema).
 *
 * Units: prices in USD; `pct` in percent (5 = 5 %); funding in percent per 8 hours (0.01 = 0.01 %);
 * liquidations in USD; the long/short ratio as CoinGlass gives it (1.2 = 1.2 longs per short).
 */

const symbol = z
  .string()
  .trim()
  .min(1)
  .max(20)
  .regex(/^[A-Za-z0-9]+$/, "a coin symbol like BTC")
  .transform((s) => s.toUpperCase());
const positive = z.number().finite().positive();

export const ABOVE_BELOW = ["above", "below"] as const;
export const MOVE_WINDOWS = ["5m", "15m", "1h", "4h", "24h"] as const;
export const OI_WINDOWS = ["1h", "4h", "24h"] as const;
export const LIQ_WINDOWS = ["1h", "4h", "24h"] as const;
export const DIRECTIONS = ["up", "down", "either"] as const;
export const LIQ_SIDES = ["either", "longs", "shorts"] as const;
export const WALLET_EVENTS = ["open", "close", "flip", "add"] as const;

export type MoveWindow = (typeof MOVE_WINDOWS)[number];
export type OiWindow = (typeof OI_WINDOWS)[number];
export type LiqWindow = (typeof LIQ_WINDOWS)[number];
export type Direction = (typeof DIRECTIONS)[number];
export type WalletEvent = (typeof WALLET_EVENTS)[number];

/** Price crosses a level. */
export const PriceConditionSchema = z.object({
  kind: z.literal("price"),
  symbol,
  op: z.enum(ABOVE_BELOW),
  level: positive,
});

/** Price changes by `pct` % within a window (CoinGlass's rolling change of that window). */
export const MoveConditionSchema = z.object({
  kind: z.literal("move"),
  symbol,
  window: z.enum(MOVE_WINDOWS),
  direction: z.enum(DIRECTIONS),
  pct: positive.max(1000),
});

/** Open interest changes by `pct` % within a window: the coin's total, or one exchange's. */
export const OiConditionSchema = z.object({
  kind: z.literal("oi"),
  symbol,
  window: z.enum(OI_WINDOWS),
  direction: z.enum(DIRECTIONS),
  pct: positive.max(1000),
  /** null = every exchange together. */
  exchange: z.string().min(1).max(40).nullable(),
});

/** Funding per 8 h above / below a level, or a change of sign; one exchange or the OI-weighted average. */
export const FundingConditionSchema = z.object({
  kind: z.literal("funding"),
  symbol,
  op: z.enum(["above", "below", "flip"]),
  /** Percent per 8 h; ignored (0) for `flip`, whose level is zero. */
  level: z.number().finite().min(-100).max(100),
  /** null = CoinGlass's OI-weighted average across exchanges. */
  exchange: z.string().min(1).max(40).nullable(),
});

/** Liquidations of a coin over `usd` within a window. */
export const LiquidationsConditionSchema = z.object({
  kind: z.literal("liquidations"),
  symbol,
  window: z.enum(LIQ_WINDOWS),
  side: z.enum(LIQ_SIDES),
  usd: positive,
});

/** The coin's long/short ratio above / below a level. */
export const LongShortConditionSchema = z.object({
  kind: z.literal("long_short"),
  symbol,
  op: z.enum(ABOVE_BELOW),
  level: positive.max(1000),
});

/** A Hyperliquid wallet opens, closes, flips or adds to a position (optionally one coin only). */
export const WalletConditionSchema = z.object({
  kind: z.literal("wallet"),
  address: z
    .string()
    .regex(/^0x[0-9a-fA-F]{40}$/, "a 0x… address of 40 hex digits")
    .transform((s) => s.toLowerCase()),
  events: z.array(z.enum(WALLET_EVENTS)).min(1).max(4),
  /** null = any coin. */
  symbol: symbol.nullable(),
});

export const RuleConditionSchema = z.discriminatedUnion("kind", [
  PriceConditionSchema,
  MoveConditionSchema,
  OiConditionSchema,
  FundingConditionSchema,
  LiquidationsConditionSchema,
  LongShortConditionSchema,
  WalletConditionSchema,
]);
export type RuleCondition = z.infer<typeof RuleConditionSchema>;
export type RuleKind = RuleCondition["kind"];
export const RULE_KINDS = [
  "price",
  "move",
  "oi",
  "funding",
  "liquidations",
  "long_short",
  "wallet",
] as const satisfies readonly RuleKind[];

/**
 * How often a rule fires. `once`: the first crossing, then the rule is done. `every`: each
 * crossing, re-armed only after the value has gone back past the level by `band` (in the rule's
 * own unit: USD for price, percentage points for move/oi/funding, USD for liquidations, ratio for
 * long/short), so a value hovering at the level does not flap. `at_most`: like `every`, and never
 * twice within `minutes`. Wallet rules fire per position change; `band` does not apply to them.
 */
export const RuleRepeatSchema = z.discriminatedUnion("mode", [
  z.object({ mode: z.literal("once") }),
  z.object({ mode: z.literal("every"), band: z.number().finite().nonnegative() }),
  z.object({
    mode: z.literal("at_most"),
    band: z.number().finite().nonnegative(),
    minutes: z.number().int().min(1).max(10_080),
  }),
]);
export type RuleRepeat = z.infer<typeof RuleRepeatSchema>;

/** What a chat sends to create a rule (the store adds id and times). */
export const NewRuleSchema = z.object({
  chatId: z.number().int(),
  condition: RuleConditionSchema,
  repeat: RuleRepeatSchema,
  /** Epoch ms after which the rule no longer fires; null = never. */
  expiresAt: z.number().int().positive().nullable().default(null),
  /** Shown in the alert; plain text. */
  note: z.string().trim().max(200).nullable().default(null),
  paused: z.boolean().default(false),
});
export type NewRule = z.input<typeof NewRuleSchema>;

export const RuleSchema = NewRuleSchema.extend({
  /** Short id, unique within the chat (also used in button payloads). */
  id: z.string().regex(/^[0-9a-z]{1,12}$/),
  createdAt: z.number().int(),
  updatedAt: z.number().int(),
});
export type Rule = z.infer<typeof RuleSchema>;

/** What `update` may change; the condition and repeat are replaced whole. */
export type RulePatch = Partial<Pick<Rule, "condition" | "repeat" | "expiresAt" | "note" | "paused">>;

/**
 * The evaluator's durable state of a rule. `seq` counts the crossings fired so far and never goes
 * back (also not on edit), so the alert of crossing n always has the same id.
 */
export interface RuleState {
  /**
   * Armed triggers as a bit set: bit 0 = the rule's first trigger (up, or its only one), bit 1 =
   * its second (down, for direction "either" and funding "flip"); 0 = none armed.
   */
  armed: number;
  /** Not evaluated yet (new, edited or resumed): the evaluator arms it on its first look. */
  fresh: boolean;
  seq: number;
  lastFiredAt: number | null;
  /** The value that crossed at the last firing (null before the first). */
  lastValue: number | null;
  /** Wallet rules only: coin -> signed size (szi) last seen. */
  positions?: Record<string, number>;
}

export const initialRuleState = (): RuleState => ({
  armed: 0,
  fresh: true,
  seq: 0,
  lastFiredAt: null,
  lastValue: null,
});

/** A rule with its evaluation state, as `/alerts` lists it. */
export interface RuleWithState {
  rule: Rule;
  state: RuleState;
}

/** One entry of a chat's fired log (digests list these). */
export interface FiredRule {
  ruleId: string;
  at: number;
  value: number | null;
  seq: number;
}

/**
 * `detail` of an alert of kind `rule`. `value` crossed `level` (for move/oi the change in %;
 * for wallet rules the position's USD value). `price` and `change24hPct` are the coin's current
 * figures from CoinGlass, null when it did not give them.
 */
export const RuleFiredDetailSchema = z.object({
  rule: RuleSchema,
  seq: z.number().int().positive(),
  value: z.number().nullable(),
  level: z.number().nullable(),
  previous: z.number().nullable(),
  change24hPct: z.number().nullable(),
  /** Wallet rules: what the wallet did and in which coin. */
  walletEvent: z.enum(WALLET_EVENTS).optional(),
});
export type RuleFiredDetail = z.infer<typeof RuleFiredDetailSchema>;
