import { Composer } from "grammy";
import type { BotContext } from "../context.js";
import { escapeHtml } from "../format/numbers.js";
import { replyHtml } from "./common.js";

/** Last in the chain: an unknown command or plain text gets a pointer to /help. */
export const fallbackFeature = new Composer<BotContext>();

fallbackFeature.on("message:text", async (ctx) => {
  const text = ctx.message.text;
  if (ctx.chat.type !== "private" && !text.startsWith("/")) return;
  if (text.startsWith("/")) {
    const command = escapeHtml(text.split(/\s/)[0] ?? "");
    return replyHtml(ctx, ctx.t("unknown-command", { command }));
  }
  await replyHtml(ctx, ctx.t("text-hint"));
});

fallbackFeature.on("callback_query", (ctx) => ctx.answerCallbackQuery());
