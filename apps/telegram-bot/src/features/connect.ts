import { Composer } from "grammy";
import type { BotContext } from "../context.js";
import { defineCommand, replyHtml } from "./common.js";

/**
 * `/connect`: a one-time login code (5 minutes, single use) for the TELEGLAS login page an agent
 * app (ChatGPT, Claude, …) opens. The code names the Telegram user who asked, so the app then sees
 * that person's own alert settings and received alerts. Only in a private chat: in a group every
 * member would read the code.
 */
export const connectFeature = new Composer<BotContext>();

defineCommand(connectFeature, ["connect"], async (ctx) => {
  const user = ctx.from?.id;
  if (ctx.chat?.type !== "private" || user === undefined) {
    await replyHtml(ctx, ctx.t("connect-private"));
    return;
  }
  const { code, expiresAt } = await ctx.deps.stores.loginCodes.issue(user);
  const minutes = Math.round((expiresAt - Date.now()) / 60_000);
  await replyHtml(ctx, ctx.t("connect-code", { code, minutes }));
});
