import { type ChatRoutes, routeKinds } from "@teleglas/market-data-core";
import { Composer, GrammyError, InlineKeyboard } from "grammy";
import type { ChatFullInfo } from "grammy/types";
import type { BotContext } from "../context.js";
import { escapeHtml } from "../format/numbers.js";
import { groupLabel, groupNames, kindsLabel, parseRouteNames, routeGroups } from "../format/routes.js";
import { isChatAdmin, routeAdminOf } from "./chat-admin.js";
import { defineCommand, editHtml, replyHtml } from "./common.js";

/** /channel: link a channel where the bot is an administrator; chosen kinds are posted there. */
export const channelFeature = new Composer<BotContext>();

function channelView(
  ctx: BotContext,
  routes: ChatRoutes | null,
): { text: string; keyboard?: InlineKeyboard } {
  const t = ctx.t.bind(ctx);
  const c = routes?.channel;
  if (!c) return { text: `${t("channel-title")}\n${t("channel-none")}` };
  const title = escapeHtml(c.title);
  const status = c.active
    ? t("channel-active", { title, what: kindsLabel(c.kinds, t) || t("channel-nothing") })
    : t("channel-paused", { title, reason: escapeHtml(c.reason ?? ""), id: String(c.id) });
  const keyboard = new InlineKeyboard();
  routeGroups().forEach((g, i) => {
    const on = g.kinds.every((k) => c.kinds.includes(k));
    keyboard.text(`${on ? "✅" : "▫️"} ${groupLabel(g, t)}`, `chl:${g.name}`);
    if (i % 2 === 1) keyboard.row();
  });
  keyboard.row().text(t("channel-unlink-button"), "chl:off");
  return { text: [t("channel-title"), status, "", t("channel-follows")].join("\n"), keyboard };
}

/** `@name`, `name`, `t.me/name` or a numeric id, as getChat takes it. */
const chatRef = (input: string) => {
  const s = input.trim().replace(/^(https?:\/\/)?t\.me\//i, "");
  return /^-?\d+$/.test(s) ? Number(s) : `@${s.replace(/^@/, "")}`;
};

/** A Bot API refusal that means "not there for you" rather than a failure worth an error reply. */
const refused = (e: unknown) => e instanceof GrammyError && (e.error_code === 400 || e.error_code === 403);

/** Checks the channel and both memberships; the reply explaining what is missing, or null when fine. */
async function whyNot(ctx: BotContext, target: string): Promise<string | ChatFullInfo.ChannelChat> {
  const shown = escapeHtml(target);
  const chat = await ctx.api.getChat(chatRef(target)).catch((e: unknown) => {
    if (refused(e)) return null;
    throw e;
  });
  if (!chat) return ctx.t("channel-not-found", { target: shown });
  if (chat.type !== "channel") return ctx.t("channel-not-channel", { target: shown });
  const title = escapeHtml(chat.title);
  const status = (userId: number) =>
    ctx.api.getChatMember(chat.id, userId).catch((e: unknown) => {
      if (refused(e)) return null;
      throw e;
    });
  const bot = await status(ctx.me.id);
  const botMayPost =
    bot?.status === "creator" || (bot?.status === "administrator" && bot.can_post_messages !== false);
  if (!botMayPost) return ctx.t("channel-bot-not-admin", { title });
  const person = await status(ctx.from!.id);
  if (person?.status !== "creator" && person?.status !== "administrator")
    return ctx.t("channel-user-not-admin", { title });
  return chat;
}

defineCommand(channelFeature, ["channel"], async (ctx, [action, target, ...names]) => {
  const routes = ctx.deps.stores.routes;
  const chatId = ctx.chat!.id;
  if (!action) {
    const { text, keyboard } = channelView(ctx, await routes.get(chatId));
    return replyHtml(ctx, text, keyboard);
  }
  const verb = action.toLowerCase();
  const usage = () => replyHtml(ctx, ctx.t("channel-usage"));
  if (!["link", "unlink", "tautkan", "lepas"].includes(verb)) return usage();
  if (!(await isChatAdmin(ctx))) return replyHtml(ctx, ctx.t("route-admins-only"));
  if (verb === "unlink" || verb === "lepas") {
    await routes.unlinkChannel(chatId);
    return replyHtml(ctx, ctx.t("channel-unlinked"));
  }
  if (!target) return usage();
  // An anonymous admin posts as the group: there is no person to check in the channel.
  if (ctx.message?.sender_chat?.id === chatId) return replyHtml(ctx, ctx.t("channel-anonymous"));
  const parsed = parseRouteNames(names.length > 0 ? names : ["all"]);
  if ("unknown" in parsed)
    return replyHtml(
      ctx,
      ctx.t("route-unknown", { word: escapeHtml(parsed.unknown), names: groupNames().join(", ") }),
    );
  const channel = await whyNot(ctx, target);
  if (typeof channel === "string") return replyHtml(ctx, channel);
  await routes.linkChannel(chatId, {
    id: channel.id,
    title: channel.title,
    kinds: parsed.kinds,
    by: routeAdminOf(ctx),
  });
  const t = ctx.t.bind(ctx);
  await replyHtml(
    ctx,
    t("channel-linked", { title: escapeHtml(channel.title), what: kindsLabel(parsed.kinds, t) }),
  );
});

channelFeature.callbackQuery(/^chl:([a-z_]+)$/, async (ctx) => {
  if (!(await isChatAdmin(ctx)))
    return ctx.answerCallbackQuery({ text: ctx.t("route-admins-only"), show_alert: true });
  const routes = ctx.deps.stores.routes;
  const chatId = ctx.chat!.id;
  const current = await routes.get(chatId);
  if (ctx.match[1] === "off") await routes.unlinkChannel(chatId);
  else if (current?.channel) {
    const group = routeGroups().find((g) => g.name === ctx.match[1]);
    const on = group?.kinds.every((k) => current.channel?.kinds.includes(k));
    const kinds = routeKinds().filter((k) =>
      group?.kinds.includes(k) ? !on : current.channel?.kinds.includes(k),
    );
    await routes.setChannelKinds(chatId, kinds);
  }
  await ctx.answerCallbackQuery();
  const { text, keyboard } = channelView(ctx, await routes.get(chatId));
  await editHtml(ctx, text, keyboard);
});
