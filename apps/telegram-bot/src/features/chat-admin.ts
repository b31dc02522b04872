import type { RouteAdmin } from "@teleglas/market-data-core";
import type { Api } from "grammy";
import type { BotContext } from "../context.js";

/** How long an answer of getChatMember is trusted: a demoted admin loses rights within a minute. */
const TTL_MS = 60_000;
const MAX_ENTRIES = 10_000;
const cache = new Map<string, { admin: boolean; at: number }>();

const ADMIN = new Set(["creator", "administrator"]);

/** Is the user an administrator (or the owner) of the chat? getChatMember, cached a minute. */
export async function memberIsAdmin(api: Api, chatId: number, userId: number): Promise<boolean> {
  const key = `${chatId}:${userId}`;
  const hit = cache.get(key);
  if (hit && Date.now() - hit.at < TTL_MS) return hit.admin;
  const member = await api.getChatMember(chatId, userId);
  const admin = ADMIN.has(member.status);
  cache.delete(key);
  cache.set(key, { admin, at: Date.now() });
  if (cache.size > MAX_ENTRIES) cache.delete(cache.keys().next().value as string);
  return admin;
}

/**
 * May the sender change this chat's routing? In a private chat, yes (it is theirs). In a group,
 * its administrators — including an admin posting anonymously (the message then comes "from"
 * the group itself).
 */
export async function isChatAdmin(ctx: BotContext): Promise<boolean> {
  const chat = ctx.chat;
  if (!chat || !ctx.from) return false;
  if (chat.type === "private") return true;
  if (ctx.message?.sender_chat?.id === chat.id) return true;
  return memberIsAdmin(ctx.api, chat.id, ctx.from.id);
}

/** Who is changing a route, as the notice later names them. */
export function routeAdminOf(ctx: BotContext): RouteAdmin {
  const anonymous = ctx.message?.sender_chat?.id === ctx.chat?.id;
  const from = ctx.from;
  return anonymous || !from
    ? { id: 0, name: "Admin" }
    : { id: from.id, name: [from.first_name, from.last_name].filter(Boolean).join(" ") };
}

/** The forum topic the update happened in (a command typed, or a button under a message), if any. */
export function topicOf(ctx: BotContext): { threadId: number; name: string | null } | null {
  const msg = ctx.message ?? ctx.callbackQuery?.message;
  if (!msg?.is_topic_message || msg.message_thread_id === undefined) return null;
  const created = msg.reply_to_message?.forum_topic_created;
  return { threadId: msg.message_thread_id, name: created?.name ?? null };
}
