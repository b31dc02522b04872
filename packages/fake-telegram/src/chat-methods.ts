import { BOT_ID, canManageTopics, chatObject, type KnownChat, memberObject, type Topic } from "./chats.js";
import { apiError, type Params } from "./http.js";

export type Reply = { status: number; body: unknown };

export const ok = (result: unknown): Reply => ({ status: 200, body: { ok: true, result } });
export const fail = (code: number, description: string, parameters?: Record<string, number>): Reply => ({
  status: code,
  body: apiError(code, description, parameters),
});

/** The chats registered with the fake, by id, and the next topic id to hand out. */
export interface ChatRegistry {
  known: Map<number, KnownChat>;
  nextMessageId: number;
}

/** A `chat_id` parameter: a number, or `@username` of a registered public chat. */
export function lookupChat(reg: ChatRegistry, raw: unknown): KnownChat | number | null {
  const s = String(raw ?? "").trim();
  if (s.startsWith("@")) {
    const name = s.slice(1).toLowerCase();
    return [...reg.known.values()].find((c) => c.username?.toLowerCase() === name) ?? null;
  }
  const id = Number(s);
  if (s === "" || !Number.isSafeInteger(id)) return null;
  return reg.known.get(id) ?? id;
}

const ICON_COLORS = [0x6fb9f0, 0xffd67e, 0xcb86db, 0x8eee98, 0xff93b2, 0xfb6f5f];

/** Adds a topic (Telegram: its id is the id of the service message that created it). */
export function addTopic(reg: ChatRegistry, chat: KnownChat, name: string): Topic {
  const topic: Topic = {
    message_thread_id: reg.nextMessageId++,
    name,
    icon_color: ICON_COLORS[chat.topics.size % ICON_COLORS.length] ?? ICON_COLORS[0]!,
    closed: false,
    deleted: false,
  };
  chat.topics.set(topic.message_thread_id, topic);
  return topic;
}

const botUser = (username: string) => ({ id: BOT_ID, is_bot: true, first_name: "Teleglas Test", username });

/**
 * getChat, getChatMember, getChatAdministrators and the forum topic methods; null for any
 * other method. Unregistered chats answer "chat not found", as Telegram does for a chat the bot
 * never saw.
 */
export function callChatMethod(
  reg: ChatRegistry,
  method: string,
  p: Params,
  botUsername: string,
): Reply | null {
  if (
    ![
      "getChat",
      "getChatMember",
      "getChatAdministrators",
      "createForumTopic",
      "closeForumTopic",
      "reopenForumTopic",
      "deleteForumTopic",
    ].includes(method)
  )
    return null;
  const found = lookupChat(reg, p["chat_id"]);
  if (found === null && p["chat_id"] === undefined) return fail(400, "Bad Request: chat_id is empty");
  if (found === null || typeof found === "number") return fail(400, "Bad Request: chat not found");
  const chat = found;
  const bot = chat.members.get(BOT_ID);
  const botIn = bot !== undefined && bot.status !== "left" && bot.status !== "kicked";
  if (!botIn) {
    // Public chats (with a username) can be looked at from outside; private ones are unknown.
    if (method === "getChat" && chat.username) return ok(chatObject(chat));
    if (!chat.username) return fail(400, "Bad Request: chat not found");
    if (chat.type === "channel" && method === "getChatMember")
      return fail(400, "Bad Request: member list is inaccessible");
    return fail(403, `Forbidden: bot is not a member of the ${chat.type} chat`);
  }
  const userOf = (id: number) =>
    id === BOT_ID ? botUser(botUsername) : { id, is_bot: false, first_name: `User${id}` };
  switch (method) {
    case "getChat":
      return ok(chatObject(chat));
    case "getChatMember": {
      const userId = Number(p["user_id"]);
      if (!Number.isSafeInteger(userId)) return fail(400, "Bad Request: user_id is empty");
      // A channel's member list is for its administrators only.
      if (chat.type === "channel" && bot?.status !== "administrator" && bot?.status !== "creator")
        return fail(400, "Bad Request: member list is inaccessible");
      return ok(memberObject(chat, userId, userOf(userId)));
    }
    case "getChatAdministrators":
      return ok(
        [...chat.members.entries()]
          .filter(([, m]) => m.status === "creator" || m.status === "administrator")
          .map(([id]) => memberObject(chat, id, userOf(id))),
      );
  }
  // Forum topics: the bot needs a forum and the right to manage topics.
  if (!chat.is_forum) return fail(400, "Bad Request: the chat is not a forum");
  if (!canManageTopics(chat, BOT_ID)) return fail(400, "Bad Request: not enough rights to manage topics");
  if (method === "createForumTopic") {
    const name = String(p["name"] ?? "").trim();
    if (name === "" || name.length > 128) return fail(400, "Bad Request: invalid forum topic name specified");
    const t = addTopic(reg, chat, name);
    return ok({ message_thread_id: t.message_thread_id, name: t.name, icon_color: t.icon_color });
  }
  const topic = chat.topics.get(Number(p["message_thread_id"]));
  if (!topic || topic.deleted) return fail(400, "Bad Request: message thread not found");
  if (method === "deleteForumTopic") topic.deleted = true;
  else if (method === "closeForumTopic") {
    if (topic.closed) return fail(400, "Bad Request: TOPIC_NOT_MODIFIED");
    topic.closed = true;
  } else {
    if (!topic.closed) return fail(400, "Bad Request: TOPIC_NOT_MODIFIED");
    topic.closed = false;
  }
  return ok(true);
}
