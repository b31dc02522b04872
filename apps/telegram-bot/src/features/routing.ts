import type { RouteKind } from "@teleglas/market-data-core";
import { Composer, InlineKeyboard } from "grammy";
import type { BotContext } from "../context.js";
import { escapeHtml } from "../format/numbers.js";
import {
  formatRoutes,
  groupLabel,
  groupNames,
  kindsLabel,
  parseRouteNames,
  routeGroups,
} from "../format/routes.js";
import { isChatAdmin, routeAdminOf, topicOf } from "./chat-admin.js";
import { defineCommand, editHtml, replyHtml } from "./common.js";

/** /route: which forum topic each kind of alert goes to, set from inside the topic or a menu. */
export const routingFeature = new Composer<BotContext>();

const isForum = (ctx: BotContext) => ctx.chat?.type === "supergroup" && ctx.chat.is_forum === true;
const titleOf = (ctx: BotContext): string =>
  (ctx.chat && "title" in ctx.chat ? ctx.chat.title : undefined) ?? ctx.from?.first_name ?? "";

/** The overview, with a button per group: in a topic they toggle "here"; in General "back to General". */
async function menu(ctx: BotContext): Promise<{ text: string; keyboard?: InlineKeyboard }> {
  const chatId = ctx.chat!.id;
  const routes = await ctx.deps.stores.routes.get(chatId);
  const topic = topicOf(ctx);
  const forum = isForum(ctx);
  const t = ctx.t.bind(ctx);
  const text = formatRoutes(
    routes,
    { id: chatId, title: titleOf(ctx), forum, ...(topic ? { thread: topic.threadId } : {}) },
    t,
  );
  if (!forum) return { text };
  const keyboard = new InlineKeyboard();
  routeGroups().forEach((g, i) => {
    const here = topic
      ? g.kinds.every((k) => routes?.topics[k]?.threadId === topic.threadId)
      : g.kinds.every((k) => !routes?.topics[k]);
    keyboard.text(`${here ? "✅" : "▫️"} ${groupLabel(g, t)}`, `rt:${g.name}`);
    if (i % 2 === 1) keyboard.row();
  });
  return { text, keyboard };
}

/** Moves `kinds` to the topic the command came from (or General), after the admin check. */
async function route(ctx: BotContext, kinds: RouteKind[], toGeneral: boolean): Promise<void> {
  const topic = toGeneral ? null : topicOf(ctx);
  await ctx.deps.stores.routes.setTopic(ctx.chat!.id, kinds, topic, routeAdminOf(ctx));
  const where = topic
    ? topic.name
      ? ctx.t("route-topic", { name: escapeHtml(topic.name) })
      : ctx.t("route-here")
    : ctx.t("route-general");
  await replyHtml(ctx, ctx.t("route-set", { what: kindsLabel(kinds, ctx.t.bind(ctx)), where }));
}

defineCommand(routingFeature, ["route"], async (ctx, [action, ...names]) => {
  if (!action) {
    const { text, keyboard } = await menu(ctx);
    return replyHtml(ctx, text, keyboard);
  }
  const verb = action.toLowerCase();
  const toGeneral = ["general", "umum", "reset", "off"].includes(verb);
  if (!toGeneral && !["here", "sini", "disini"].includes(verb))
    return replyHtml(ctx, ctx.t("route-usage", { names: groupNames().join(", ") }));
  if (!isForum(ctx)) return replyHtml(ctx, ctx.t("route-no-topics"));
  if (!(await isChatAdmin(ctx))) return replyHtml(ctx, ctx.t("route-admins-only"));
  const parsed = parseRouteNames(verb === "reset" && names.length === 0 ? ["all"] : names);
  if ("unknown" in parsed || parsed.kinds.length === 0) {
    const word = "unknown" in parsed ? parsed.unknown : "";
    return replyHtml(
      ctx,
      word
        ? ctx.t("route-unknown", { word, names: groupNames().join(", ") })
        : ctx.t("route-usage", { names: groupNames().join(", ") }),
    );
  }
  await route(ctx, parsed.kinds, toGeneral);
});

routingFeature.callbackQuery(/^rt:([a-z_]+)$/, async (ctx) => {
  if (!(await isChatAdmin(ctx)))
    return ctx.answerCallbackQuery({ text: ctx.t("route-admins-only"), show_alert: true });
  const group = routeGroups().find((g) => g.name === ctx.match[1]);
  if (!group) return ctx.answerCallbackQuery();
  const topic = topicOf(ctx);
  const routes = await ctx.deps.stores.routes.get(ctx.chat!.id);
  const allHere = topic && group.kinds.every((k) => routes?.topics[k]?.threadId === topic.threadId);
  const to = topic && !allHere ? topic : null;
  await ctx.deps.stores.routes.setTopic(ctx.chat!.id, group.kinds, to, routeAdminOf(ctx));
  await ctx.answerCallbackQuery({
    text: `${groupLabel(group, ctx.t.bind(ctx))} → ${to ? "✅" : ctx.t("route-general")}`,
  });
  const { text, keyboard } = await menu(ctx);
  await editHtml(ctx, text, keyboard);
});
