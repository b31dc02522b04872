import type { ChatSubscription } from "@teleglas/market-data-core";
import type { BotContext } from "../context.js";

/**
 * The chat's record, created inactive when absent: changing a setting (language, quiet hours)
 * must not subscribe a chat to alerts it never asked for.
 */
export async function chatRecord(ctx: BotContext): Promise<ChatSubscription> {
  const chatId = ctx.chat!.id;
  const existing = await ctx.deps.stores.subscriptions.get(chatId);
  if (existing) return existing;
  return ctx.deps.stores.subscriptions.upsert(chatId, { active: false, language: ctx.lang });
}

/** Change the chat's record (creating it inactive when absent). */
export async function updateChat(
  ctx: BotContext,
  patch: Partial<ChatSubscription>,
): Promise<ChatSubscription> {
  await chatRecord(ctx);
  return ctx.deps.stores.subscriptions.upsert(ctx.chat!.id, { ...patch, updatedAt: Date.now() });
}
