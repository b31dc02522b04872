import { type ChatRegistry, callChatMethod, fail, lookupChat, ok, type Reply } from "./chat-methods.js";
import { BOT_ID, sendRefusal } from "./chats.js";
import { asBool, maybeJson, type Params } from "./http.js";
import type { Limiter } from "./limits.js";
import type { CallbackAnswer, FakeStats, SentMessage } from "./types.js";
import type { UpdateQueue } from "./updates.js";

/** What a chat has done to the bot, as Telegram would answer a send to it. */
export type ChatState =
  | { kind: "blocked" }
  | { kind: "kicked" }
  | { kind: "deactivated" }
  | { kind: "not_found" }
  | { kind: "migrated"; to: number };

export interface FakeState extends ChatRegistry {
  limiter: Limiter;
  updates: UpdateQueue;
  chats: Map<number, ChatState>;
  messages: SentMessage[];
  callbackAnswers: CallbackAnswer[];
  commands: unknown[];
  chatActions: Array<{ chat_id: number; action: string }>;
  stats: FakeStats;
  botUsername: string;
  onSent: Set<(m: SentMessage) => void>;
  nextMessageId: number;
}

export type { Reply };

function chatError(state: ChatState | undefined): Reply | null {
  switch (state?.kind) {
    case undefined:
      return null;
    case "blocked":
      return fail(403, "Forbidden: bot was blocked by the user");
    case "kicked":
      return fail(403, "Forbidden: bot was kicked from the group chat");
    case "deactivated":
      return fail(403, "Forbidden: user is deactivated");
    case "not_found":
      return fail(400, "Bad Request: chat not found");
    case "migrated":
      return fail(400, "Bad Request: group chat was upgraded to a supergroup chat", {
        migrate_to_chat_id: state.to,
      });
  }
}

function send(state: FakeState, method: SentMessage["method"], p: Params): Reply {
  const target = lookupChat(state, p["chat_id"]);
  if (target === null)
    return fail(
      400,
      p["chat_id"] === undefined ? "Bad Request: chat_id is empty" : "Bad Request: chat not found",
    );
  const known = typeof target === "number" ? undefined : target;
  const chatId = known?.id ?? (target as number);
  const thread = p["message_thread_id"] === undefined ? undefined : Number(p["message_thread_id"]);
  const text = String((method === "sendMessage" ? p["text"] : p["caption"]) ?? "");
  if (method === "sendMessage" && text.trim() === "") return fail(400, "Bad Request: message text is empty");
  if (method === "sendMessage" && text.length > 4096) return fail(400, "Bad Request: message is too long");
  if (method === "sendPhoto" && p["photo"] === undefined) return fail(400, "Bad Request: there is no photo");
  const refused = chatError(state.chats.get(chatId));
  if (refused) return refused;
  const denied = known ? sendRefusal(known, thread) : null;
  if (denied) return fail(...denied);
  const now = Date.now();
  const retryAfter = state.limiter.admit(chatId, now);
  if (retryAfter !== null) {
    return fail(429, `Too Many Requests: retry after ${retryAfter}`, { retry_after: retryAfter });
  }
  const message: SentMessage = {
    message_id: state.nextMessageId++,
    chat_id: chatId,
    method,
    text,
    // In a forum, a message without a thread lands in General and carries none.
    ...(thread !== undefined && (known?.is_forum ?? true) ? { message_thread_id: thread } : {}),
    ...(p["parse_mode"] !== undefined ? { parse_mode: String(p["parse_mode"]) } : {}),
    ...(p["reply_markup"] !== undefined ? { reply_markup: maybeJson(p["reply_markup"]) } : {}),
    ...(p["disable_notification"] !== undefined
      ? { disable_notification: asBool(p["disable_notification"]) ?? false }
      : {}),
    photo: method === "sendPhoto" && Buffer.isBuffer(p["photo"]) ? p["photo"] : null,
    at: now,
    edits: [],
    editedAt: [],
  };
  state.messages.push(message);
  state.stats.sent++;
  for (const fn of state.onSent) fn(message);
  return ok({
    message_id: message.message_id,
    date: Math.floor(now / 1000),
    chat: known
      ? { id: chatId, type: known.type, title: known.title }
      : { id: chatId, type: chatId < 0 ? "supergroup" : "private" },
    ...(message.message_thread_id !== undefined
      ? { message_thread_id: message.message_thread_id, is_topic_message: true }
      : {}),
    ...(method === "sendMessage" ? { text } : { caption: text, photo: [] }),
  });
}

/** Every Bot API method the fake implements, by name. */
export async function callMethod(state: FakeState, method: string, p: Params): Promise<Reply> {
  switch (method) {
    case "getMe":
      return ok({
        id: BOT_ID,
        is_bot: true,
        first_name: "Teleglas Test",
        username: state.botUsername,
        can_join_groups: true,
        can_read_all_group_messages: false,
        supports_inline_queries: false,
      });
    case "getUpdates": {
      if (state.updates.webhook) {
        return fail(409, "Conflict: can't use getUpdates method while webhook is active");
      }
      const offset = p["offset"] === undefined ? undefined : Number(p["offset"]);
      const limit = p["limit"] === undefined ? 100 : Number(p["limit"]);
      const timeout = p["timeout"] === undefined ? 0 : Number(p["timeout"]);
      return ok(await state.updates.poll(offset, limit, timeout));
    }
    case "sendMessage":
    case "sendPhoto":
      return send(state, method, p);
    case "editMessageText": {
      const id = Number(p["message_id"]);
      const chatId = Number(p["chat_id"]);
      const m = state.messages.find((x) => x.message_id === id && x.chat_id === chatId);
      if (!m) return fail(400, "Bad Request: message to edit not found");
      const text = String(p["text"] ?? "");
      // As in Telegram, an edit without reply_markup removes the message's inline keyboard.
      const markup = p["reply_markup"] === undefined ? undefined : maybeJson(p["reply_markup"]);
      if (text === m.text && JSON.stringify(markup) === JSON.stringify(m.reply_markup)) {
        return fail(400, "Bad Request: message is not modified");
      }
      m.edits.push(m.text);
      m.editedAt.push(Date.now());
      state.stats.edited++;
      m.text = text;
      if (markup === undefined) delete m.reply_markup;
      else m.reply_markup = markup;
      if (p["parse_mode"] !== undefined) m.parse_mode = String(p["parse_mode"]);
      return ok({ message_id: id, chat: { id: chatId }, text, date: Math.floor(m.at / 1000) });
    }
    case "editMessageReplyMarkup": {
      // Buttons swapped under a message whose text stays (a fired rule's "pause" -> "resume").
      const id = Number(p["message_id"]);
      const chatId = Number(p["chat_id"]);
      const m = state.messages.find((x) => x.message_id === id && x.chat_id === chatId);
      if (!m) return fail(400, "Bad Request: message to edit not found");
      const markup = p["reply_markup"] === undefined ? undefined : maybeJson(p["reply_markup"]);
      if (JSON.stringify(markup) === JSON.stringify(m.reply_markup)) {
        return fail(400, "Bad Request: message is not modified");
      }
      if (markup === undefined) delete m.reply_markup;
      else m.reply_markup = markup;
      return ok({ message_id: id, chat: { id: chatId }, text: m.text, date: Math.floor(m.at / 1000) });
    }
    case "answerCallbackQuery":
      state.callbackAnswers.push({
        callback_query_id: String(p["callback_query_id"]),
        ...(p["text"] !== undefined ? { text: String(p["text"]) } : {}),
        ...(p["show_alert"] !== undefined ? { show_alert: asBool(p["show_alert"]) ?? false } : {}),
      });
      return ok(true);
    case "setMyCommands":
      state.commands = (maybeJson(p["commands"]) as unknown[]) ?? [];
      return ok(true);
    case "getMyCommands":
      return ok(state.commands);
    case "sendChatAction":
      state.chatActions.push({ chat_id: Number(p["chat_id"]), action: String(p["action"]) });
      return ok(true);
    case "setWebhook": {
      const url = String(p["url"] ?? "");
      const secret = p["secret_token"] === undefined ? undefined : String(p["secret_token"]);
      state.updates.setWebhook(
        url === "" ? null : { url, ...(secret ? { secret_token: secret } : {}) },
        asBool(p["drop_pending_updates"]),
      );
      return ok(true);
    }
    case "deleteWebhook":
      state.updates.setWebhook(null, asBool(p["drop_pending_updates"]));
      return ok(true);
    case "getWebhookInfo":
      return ok({ url: state.updates.webhook?.url ?? "", pending_update_count: 0 });
    default:
      return callChatMethod(state, method, p, state.botUsername) ?? fail(404, "Not Found");
  }
}
