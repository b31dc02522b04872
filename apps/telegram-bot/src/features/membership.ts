import { Composer } from "grammy";
import type { BotContext } from "../context.js";

/**
 * Telegram tells the bot when a chat removes or blocks it, and when a group becomes a
 * supergroup with a new id: act on it before the next alert rather than learn it from a failed
 * send. Runs before the access check: these are service updates, not requests.
 */
export const membershipFeature = new Composer<BotContext>();

membershipFeature.on("my_chat_member", async (ctx) => {
  const status = ctx.myChatMember.new_chat_member.status;
  if (status === "kicked" || status === "left") {
    await ctx.deps.stores.subscriptions.deactivate(
      ctx.chat.id,
      `bot ${status === "kicked" ? "blocked or removed" : "left the chat"}`,
    );
    ctx.log.info({ status }, "chat removed the bot; subscription deactivated");
  }
});

membershipFeature.on("message:migrate_to_chat_id", async (ctx) => {
  await ctx.deps.stores.subscriptions.migrate(ctx.chat.id, ctx.message.migrate_to_chat_id);
  await ctx.deps.stores.routes.migrate(ctx.chat.id, ctx.message.migrate_to_chat_id);
  ctx.log.info({ to: ctx.message.migrate_to_chat_id }, "group migrated; subscription moved");
});
