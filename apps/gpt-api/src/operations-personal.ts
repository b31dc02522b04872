import {
  ChatSubscriptionSchema,
  isPublicAlert,
  PublicAlertSchema,
  RULE_KINDS,
} from "@teleglas/market-data-core";
import { z } from "zod";
import { liveMeta } from "./http/envelope.js";
import { ApiError } from "./http/errors.js";
import { defineOperation, type OperationSpec } from "./operation.js";
import { numberParam } from "./schemas/params.js";
import { type Principal, telegramUserOf } from "./security/principal.js";

const DAY_MS = 24 * 3_600_000;

/**
 * The Telegram user behind the request. Only a person logged in with a /connect code has one:
 * an operator key or an anonymous visitor has no alerts of their own.
 */
function personOf(principal: Principal | undefined): number {
  const user = telegramUserOf(principal);
  if (user === undefined) {
    throw new ApiError(
      "NOT_FOUND",
      "This request is not from a Telegram user, so there is no personal data.",
      {
        hint: "Log in through OAuth with a code from the bot's /connect command (scope alerts:read).",
      },
    );
  }
  return user;
}

function need<T>(store: T | undefined): T {
  if (store === undefined) throw new ApiError("NOT_FOUND", "Personal data is not served by this server.");
  return store;
}

const telegramUser = z
  .number()
  .int()
  .meta({ description: "Your Telegram user id.", examples: [123456789] });

/** The parts of a chat's subscription its person sees (not the chat id, digest or internal reason). */
const SubscriptionViewSchema = ChatSubscriptionSchema.pick({
  symbols: true,
  kinds: true,
  minUsd: true,
  quietHours: true,
  mutedUntil: true,
  language: true,
  active: true,
  updatedAt: true,
});

const MySubscriptionSchema = z.object({
  telegramUserId: telegramUser,
  subscription: SubscriptionViewSchema.nullable().meta({
    description: "Your private chat's alert settings; null when you never subscribed.",
  }),
});

const MyAlertsSchema = z.object({
  telegramUserId: telegramUser,
  alerts: z
    .array(
      z.object({
        alertId: z.string(),
        kind: z.string().nullable().meta({ description: "Alert kind; null when not recorded." }),
        receivedAt: z.number().meta({ description: "When the bot sent it to you, epoch ms." }),
        alert: PublicAlertSchema.nullable().meta({
          description: "The alert as raised; null when it has left the recent-alerts log.",
        }),
      }),
    )
    .meta({ description: "Alerts the bot sent you in the last 24 hours, newest first." }),
  count: z.number().int(),
});

const MyRulesSchema = z.object({
  telegramUserId: telegramUser,
  rules: z
    .array(
      z.object({
        id: z.string().meta({ description: "The rule's id (as in the bot's /alerts)." }),
        condition: z.looseObject({ kind: z.enum(RULE_KINDS) }).meta({
          description:
            "What the rule watches: kind (price, move, oi, funding, liquidations, long_short, wallet) and its fields (symbol, op, level, window, direction, pct, exchange, side, usd, address, events). Funding in % per 8 h.",
          examples: [{ kind: "price", symbol: "BTC", op: "above", level: 100000 }],
        }),
        repeat: z.looseObject({ mode: z.enum(["once", "every", "at_most"]) }).meta({
          description: "once; every crossing (re-armed past band); or at most every `minutes`.",
        }),
        expiresAt: z.number().nullable().meta({ description: "Epoch ms; null = never." }),
        note: z.string().nullable(),
        paused: z.boolean(),
        createdAt: z.number(),
        firedCount: z.number().int().meta({ description: "Crossings fired so far." }),
        lastFiredAt: z.number().nullable().meta({ description: "Epoch ms; null before the first." }),
        lastValue: z
          .number()
          .nullable()
          .meta({ description: "The value that crossed at the last firing; null before the first." }),
      }),
    )
    .meta({ description: "Your private chat's personal alert rules, oldest first." }),
  count: z.number().int(),
});

/** A person's own data: computed per call (never held), not in the GPT schema, scope alerts:read. */
const personal = <Q extends z.ZodObject, M extends z.ZodType>(
  o: Omit<OperationSpec<Q, M>, "withSymbol" | "hold" | "gpt" | "scope">,
) => defineOperation({ ...o, withSymbol: false, hold: false, gpt: false, scope: "alerts:read" });

/** Read-only operations about the logged-in person (scope alerts:read); never anyone else's. */
export const PERSONAL_OPERATIONS = [
  personal({
    operationId: "getMySubscription",
    path: "/me/subscription",
    summary: "My alert settings",
    description:
      "The logged-in person's own Telegram alert settings: coins, kinds, minimum size, quiet hours, mute. Read-only; change them in the bot.",
    query: z.object({}),
    model: MySubscriptionSchema,
    run: async ({ stores }, _q, principal) => {
      const user = personOf(principal);
      // A person's alerts go to their private chat with the bot, whose id is their user id.
      const sub = await need(stores.subscriptions).get(user);
      const subscription =
        sub === null
          ? null
          : {
              symbols: sub.symbols,
              kinds: sub.kinds,
              minUsd: sub.minUsd,
              quietHours: sub.quietHours,
              mutedUntil: sub.mutedUntil,
              language: sub.language,
              active: sub.active,
              updatedAt: sub.updatedAt,
            };
      return { data: { telegramUserId: user, subscription }, meta: liveMeta() };
    },
  }),
  personal({
    operationId: "getMyReceivedAlerts",
    path: "/me/alerts",
    summary: "Alerts I received",
    description:
      "The alerts the TELEGLAS bot sent the logged-in person in the last 24 hours, newest first, with each alert's details while they are still in the recent log.",
    query: z.object({
      limit: numberParam("limit", { min: 1, max: 100, integer: true, example: 20 })
        .default(50)
        .meta({ description: "Maximum alerts returned, 1..100 (default 50).", examples: [20] }),
    }),
    model: MyAlertsSchema,
    run: async ({ stores }, q, principal) => {
      const user = personOf(principal);
      const got = (await need(stores.received).list(user, Date.now() - DAY_MS)).slice(0, q.limit);
      const recent = got.length === 0 ? [] : await stores.alerts.recent({ limit: 1000 });
      const byId = new Map(recent.filter(isPublicAlert).map((a) => [a.id, a]));
      const alerts = got.map((r) => ({
        alertId: r.alertId,
        kind: r.kind,
        receivedAt: r.at,
        alert: byId.get(r.alertId) ?? null,
      }));
      return { data: { telegramUserId: user, alerts, count: alerts.length }, meta: liveMeta() };
    },
  }),
  personal({
    operationId: "getMyAlertRules",
    path: "/me/rules",
    summary: "My personal alert rules",
    description:
      "The logged-in person's own personal alert rules (price, move, OI, funding, liquidations, long/short, wallet) with how often each fired. Read-only; set them in the bot with /alert.",
    query: z.object({}),
    model: MyRulesSchema,
    run: async ({ stores }, _q, principal) => {
      const user = personOf(principal);
      const rules = (await need(stores.rules).list(user)).map(({ rule, state }) => ({
        id: rule.id,
        condition: rule.condition,
        repeat: rule.repeat,
        expiresAt: rule.expiresAt,
        note: rule.note,
        paused: rule.paused,
        createdAt: rule.createdAt,
        firedCount: state.seq,
        lastFiredAt: state.lastFiredAt,
        lastValue: state.lastValue,
      }));
      return { data: { telegramUserId: user, rules, count: rules.length }, meta: liveMeta() };
    },
  }),
];
