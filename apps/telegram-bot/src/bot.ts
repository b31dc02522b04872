import { limit } from "@grammyjs/ratelimiter";
import { Bot, type BotConfig as GrammyBotConfig, type MiddlewareFn } from "grammy";
import type { UserFromGetMe } from "grammy/types";
import type { Redis } from "ioredis";
import type { BotContext, BotDeps } from "./context.js";
import { adminFeature } from "./features/admin.js";
import { alertRulesFeature } from "./features/alert-rules.js";
import { alertRulesListFeature } from "./features/alert-rules-list.js";
import { arbFeature } from "./features/arb.js";
import { calendarFeature } from "./features/calendar.js";
import { channelFeature } from "./features/channel.js";
import { chartFeature } from "./features/chart.js";
import { runFeature } from "./features/common.js";
import { connectFeature } from "./features/connect.js";
import { digestFeature } from "./features/digest.js";
import { etfFeature } from "./features/etf.js";
import { fallbackFeature } from "./features/fallback.js";
import { liqmapFeature } from "./features/liqmap.js";
import { marketFeature } from "./features/market.js";
import { membershipFeature } from "./features/membership.js";
import { optionsFeature } from "./features/options.js";
import { routingFeature } from "./features/routing.js";
import { settingsFeature } from "./features/settings.js";
import { startFeature } from "./features/start.js";
import { statusFeature } from "./features/status.js";
import { subscribeFeature } from "./features/subscribe.js";
import type { Language } from "./format/translate.js";
import { createI18n } from "./i18n/index.js";
import { accessGuard } from "./middleware/access.js";

export interface CreateBotOptions {
  token: string;
  /** Runs first, around everything else (metrics: updates handled, command latency). */
  measure?: MiddlewareFn<BotContext>;
  apiRoot?: string;
  /** Skip getMe (console mode has no server to ask). */
  botInfo?: UserFromGetMe;
  /** Count the per-user flood limit in Redis, shared by every bot process (webhook replicas). */
  flood?: { redis: Redis; prefix: string };
}

/**
 * Build the bot: deps and a child logger per update, language, access check, a per-user flood
 * limit, then one Composer per feature, and an error boundary that answers instead of going
 * silent. Wires only; does not start polling or a webhook.
 */
export function createBot(deps: BotDeps, o: CreateBotOptions): Bot<BotContext> {
  const config: GrammyBotConfig<BotContext> = {
    client: { apiRoot: o.apiRoot ?? deps.config.apiRoot },
    ...(o.botInfo ? { botInfo: o.botInfo } : {}),
  };
  const bot = new Bot<BotContext>(o.token, config);
  const i18n = createI18n<BotContext>(async (ctx) => ctx.lang);

  if (o.measure) bot.use(o.measure);
  bot.use(async (ctx, next) => {
    ctx.deps = deps;
    ctx.log = deps.logger.child({ update_id: ctx.update.update_id, chat_id: ctx.chat?.id });
    ctx.lang = await chatLanguage(ctx);
    await next();
  });
  bot.use(i18n);
  bot.use(membershipFeature);
  bot.use(accessGuard);
  bot.use(
    limit<BotContext, Redis>({
      timeFrame: 10_000,
      limit: deps.config.userRatePer10s,
      keyGenerator: (ctx) => ctx.from?.id.toString(),
      ...(o.flood ? { storageClient: o.flood.redis, keyPrefix: `${o.flood.prefix}flood:` } : {}),
      onLimitExceeded: async (ctx) => {
        if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text: ctx.t("slow-down") }).catch(() => {});
        else await ctx.reply(ctx.t("slow-down")).catch(() => {});
      },
    }),
  );
  const features = bot.errorBoundary(async (err) => {
    const ctx = err.ctx;
    ctx.log.error({ err: err.error }, "update failed");
    if (ctx.callbackQuery) await ctx.answerCallbackQuery().catch(() => {});
    if (ctx.chat) await ctx.reply(ctx.t("error-internal")).catch(() => {});
  });
  features.use(
    runFeature,
    startFeature,
    marketFeature,
    chartFeature,
    etfFeature,
    arbFeature,
    optionsFeature,
    liqmapFeature,
    calendarFeature,
    subscribeFeature,
    alertRulesFeature,
    alertRulesListFeature,
    settingsFeature,
    digestFeature,
    statusFeature,
    connectFeature,
    adminFeature,
    routingFeature,
    channelFeature,
    fallbackFeature,
  );
  bot.catch((err) =>
    deps.logger.error({ err: err.error, update_id: err.ctx.update.update_id }, "unhandled bot error"),
  );
  return bot;
}

/** The chat's saved language, else the user's Telegram language when we speak it, else English. */
async function chatLanguage(ctx: BotContext): Promise<Language> {
  if (ctx.chat) {
    const sub = await ctx.deps.stores.subscriptions.get(ctx.chat.id).catch(() => null);
    if (sub) return sub.language;
  }
  return ctx.from?.language_code?.startsWith("id") ? "id" : "en";
}
