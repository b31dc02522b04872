import { z } from "zod";
import { AlertKindSchema, DEFAULT_ALERT_KINDS } from "./alert.js";

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;

/** True when `Intl` knows the IANA time zone name (e.g. "Asia/Jakarta"). */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone });
    return true;
  } catch {
    return false;
  }
}

/**
 * Quiet hours of a chat, in the chat's own time zone. `start`/`end` are local "HH:MM"; a window
 * whose end is before its start runs across midnight (22:00–07:00). `silent` still delivers,
 * without a notification sound; `hold` keeps alerts back until the window ends.
 */
export const QuietHoursSchema = z.object({
  start: z.string().regex(HHMM, "expected HH:MM"),
  end: z.string().regex(HHMM, "expected HH:MM"),
  timeZone: z.string().refine(isValidTimeZone, "unknown IANA time zone"),
  mode: z.enum(["silent", "hold"]),
});
export type QuietHours = z.infer<typeof QuietHoursSchema>;

/** Hours an "every N hours" digest may use: divisors of 24, so periods line up with the day. */
export const DIGEST_HOURS = [1, 2, 3, 4, 6, 8, 12] as const;

/**
 * A chat's digest: daily at a local "HH:MM", or every N hours (on the hour, from local midnight),
 * both in the chat's time zone (its quiet hours' one). In quiet hours it `wait`s for their end
 * or `skip`s that period.
 */
export const DigestSettingsSchema = z.object({
  schedule: z.discriminatedUnion("type", [
    z.object({ type: z.literal("daily"), at: z.string().regex(HHMM, "expected HH:MM") }),
    z.object({
      type: z.literal("every"),
      hours: z.number().refine((h) => (DIGEST_HOURS as readonly number[]).includes(h), "1,2,3,4,6,8 or 12"),
    }),
  ]),
  quiet: z.enum(["wait", "skip"]),
});
export type DigestSettings = z.infer<typeof DigestSettingsSchema>;

/**
 * One record per Telegram chat: what it wants to be alerted about and when. The descriptions are
 * also the API's (`/me/subscription` shows a person's own record, snake_cased).
 */
export const ChatSubscriptionSchema = z.object({
  chatId: z.number().int(),
  symbols: z
    .union([z.literal("all"), z.array(z.string().min(1))])
    .meta({ description: 'Coins followed, or "all".', examples: [["BTC", "ETH"]] }),
  kinds: z
    .array(AlertKindSchema)
    .meta({ description: "Alert kinds received.", examples: [["liquidation_storm"]] }),
  minUsd: z
    .number()
    .nonnegative()
    .meta({
      description: "Smallest alert delivered, in US dollars (an alert exactly at it is delivered).",
      examples: [1_000_000],
    }),
  quietHours: QuietHoursSchema.nullable().meta({
    description: "Local quiet hours (HH:MM, IANA time zone); null when none.",
  }),
  mutedUntil: z
    .number()
    .nullable()
    .meta({ description: "Muted until (epoch ms): nothing is delivered before; null when not muted." }),
  language: z.enum(["en", "id"]).meta({ description: "Language of the alerts and replies." }),
  /** The chat's digest; absent or null = none. */
  digest: DigestSettingsSchema.nullable().optional(),
  active: z.boolean().meta({ description: "False when alerts stopped (e.g. the bot was blocked)." }),
  deactivatedReason: z.string().optional(),
  updatedAt: z.number().meta({ description: "Last change, epoch ms." }),
});
export type ChatSubscription = z.infer<typeof ChatSubscriptionSchema>;

/** What a new chat gets before it changes anything: every coin, every kind, no filters. */
export function defaultSubscription(chatId: number, now: number): ChatSubscription {
  return {
    chatId,
    symbols: "all",
    kinds: [...DEFAULT_ALERT_KINDS],
    minUsd: 0,
    quietHours: null,
    mutedUntil: null,
    language: "en",
    active: true,
    updatedAt: now,
  };
}
