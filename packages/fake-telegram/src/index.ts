/**
 * @teleglas/fake-telegram — a fake Telegram Bot API server for tests and benchmarks: real HTTP
 * on a real socket, Telegram's flood limits enforced (429 + retry_after), blocked and migrated
 * chats, injected user messages and button presses, and a record of everything the bot sent.
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { addTopic } from "./chat-methods.js";
import { type ChatSetup, chatObject, type Member, type MemberStatus, makeChat } from "./chats.js";
import { readParams, sendJson } from "./http.js";
import { createLimiter, type LimitOptions } from "./limits.js";
import { type ChatState, callMethod, type FakeState } from "./methods.js";
import type {
  CallbackAnswer,
  FakeStats,
  FakeTelegramOptions,
  FakeUser,
  InjectCallbackOptions,
  InjectMessageOptions,
  SentMessage,
} from "./types.js";
import { createUpdateQueue, type Update } from "./updates.js";

export { BOT_ID, type ChatSetup, type Member, type MemberStatus } from "./chats.js";
export type { LimitOptions } from "./limits.js";
export type { ChatState } from "./methods.js";
export type * from "./types.js";
export type { Update } from "./updates.js";

/** A running fake Bot API. */
export interface FakeTelegram {
  /** Pass as grammY's `client.apiRoot`: `http://127.0.0.1:PORT`. */
  apiRoot: string;
  /** A user types a message (commands get their `bot_command` entity, as Telegram adds it). */
  injectMessage(o: InjectMessageOptions): Update;
  /** Any other update, as Telegram would send it (e.g. `my_chat_member`); the id is added. */
  injectUpdate(body: Record<string, unknown>): Update;
  /** A user presses an inline button under a message the bot sent. */
  injectCallbackQuery(o: InjectCallbackOptions): Update;
  /** Every message the bot sent, optionally for one chat, in order. */
  messages(chatId?: number): SentMessage[];
  /** Resolves with the first sent message (already sent or still to come) that matches. */
  waitForMessage(match: (m: SentMessage) => boolean, opts?: { timeoutMs?: number }): Promise<SentMessage>;
  /** Resolves when `check()` holds, re-checking on each send and every 50 ms. */
  waitUntil(check: () => boolean, opts?: { timeoutMs?: number; what?: string }): Promise<void>;
  callbackAnswers(): CallbackAnswer[];
  commands(): unknown[];
  chatActions(): Array<{ chat_id: number; action: string }>;
  /** Registers a group, forum or channel with its members (the bot is an administrator unless given). */
  addChat(setup: ChatSetup): void;
  /** Changes a member's status or rights (e.g. demote the bot in a channel). */
  setMember(chatId: number, userId: number, member: MemberStatus | Member): void;
  /** A person creates a topic in a forum; resolves to its `message_thread_id`. */
  createTopic(chatId: number, name: string): number;
  /** A person closes, reopens or deletes a topic. */
  setTopic(chatId: number, threadId: number, change: "close" | "reopen" | "delete"): void;
  /** Make sends to a chat fail as Telegram would (blocked, kicked, deactivated, not found, migrated). */
  setChatState(chatId: number, state: ChatState | null): void;
  block(chatId: number): void;
  migrate(chatId: number, toChatId: number): void;
  setLimits(l: LimitOptions): void;
  stats(): FakeStats;
  webhook(): { url: string; secret_token?: string } | null;
  webhookErrors(): string[];
  /** Forget messages, answers, counters and limiter state (chat states and webhook stay). */
  reset(): void;
  close(): Promise<void>;
}

function emptyStats(): FakeStats {
  return { requests: 0, sent: 0, edited: 0, byMethod: {}, status429: 0, status403: 0, status400: 0 };
}

export async function createFakeTelegram(opts: FakeTelegramOptions = {}): Promise<FakeTelegram> {
  const state: FakeState = {
    limiter: createLimiter(opts),
    updates: createUpdateQueue(),
    chats: new Map(),
    known: new Map(),
    messages: [],
    callbackAnswers: [],
    commands: [],
    chatActions: [],
    stats: emptyStats(),
    botUsername: opts.botUsername ?? "teleglas_test_bot",
    onSent: new Set(),
    nextMessageId: 1,
  };

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://fake");
    const m = /^\/bot([^/]+)\/([A-Za-z]+)$/.exec(url.pathname);
    if (!m) return sendJson(res, 404, { ok: false, error_code: 404, description: "Not Found" });
    const [, token, method] = m as unknown as [string, string, string];
    if (opts.token !== undefined && token !== opts.token) {
      return sendJson(res, 401, { ok: false, error_code: 401, description: "Unauthorized" });
    }
    state.stats.requests++;
    state.stats.byMethod[method] = (state.stats.byMethod[method] ?? 0) + 1;
    readParams(req, url)
      .then((params) => callMethod(state, method, params))
      .then((reply) => {
        if (reply.status === 429) state.stats.status429++;
        if (reply.status === 403) state.stats.status403++;
        if (reply.status === 400) state.stats.status400++;
        sendJson(res, reply.status, reply.body);
      })
      .catch((error: unknown) =>
        sendJson(res, 400, { ok: false, error_code: 400, description: `Bad Request: ${String(error)}` }),
      );
  });
  // Long polls hold sockets open for their timeout; keep-alive sockets must not outlive close().
  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, opts.host ?? "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  const user = (id: number, firstName?: string, username?: string, lang?: string): FakeUser => ({
    id,
    is_bot: false,
    first_name: firstName ?? `User${id}`,
    ...(username ? { username } : {}),
    ...(lang ? { language_code: lang } : {}),
  });
  const chatOf = (chatId: number, firstName: string) => {
    const known = state.known.get(chatId);
    if (known) return chatObject(known);
    return chatId < 0
      ? { id: chatId, type: "supergroup", title: `Group ${chatId}` }
      : { id: chatId, type: "private", first_name: firstName };
  };
  const knownChat = (chatId: number) => {
    const c = state.known.get(chatId);
    if (!c) throw new Error(`fake-telegram: chat ${chatId} was never added (addChat)`);
    return c;
  };
  /** A message inside a topic, as Telegram shapes it: thread id, flag, and the topic's service message. */
  const inTopic = (chatId: number, threadId: number | undefined) => {
    const topic = threadId === undefined ? undefined : state.known.get(chatId)?.topics.get(threadId);
    if (!topic) return {};
    const created = { name: topic.name, icon_color: topic.icon_color };
    return {
      message_thread_id: topic.message_thread_id,
      is_topic_message: true,
      reply_to_message: {
        message_id: topic.message_thread_id,
        message_thread_id: topic.message_thread_id,
        date: Math.floor(Date.now() / 1000),
        chat: chatOf(chatId, ""),
        forum_topic_created: created,
        is_topic_message: true,
      },
    };
  };

  const waitUntil: FakeTelegram["waitUntil"] = (check, o = {}) =>
    new Promise((resolve, reject) => {
      if (check()) return resolve();
      const timeoutMs = o.timeoutMs ?? 10_000;
      const tick = () => {
        if (!check()) return;
        cleanup();
        resolve();
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(
          new Error(`fake-telegram: timed out after ${timeoutMs} ms waiting for ${o.what ?? "condition"}`),
        );
      }, timeoutMs);
      const interval = setInterval(tick, 50);
      state.onSent.add(tick);
      function cleanup() {
        clearTimeout(timer);
        clearInterval(interval);
        state.onSent.delete(tick);
      }
    });

  return {
    apiRoot: `http://127.0.0.1:${port}`,
    injectMessage(o) {
      const from = user(o.userId, o.firstName, o.username, o.languageCode);
      const chatId = o.chatId ?? o.userId;
      const command = /^\/[A-Za-z0-9_]+(@[A-Za-z0-9_]+)?/.exec(o.text);
      const chat = chatOf(chatId, from.first_name);
      return state.updates.push({
        message: {
          message_id: state.nextMessageId++,
          date: Math.floor(Date.now() / 1000),
          ...(o.anonymousAdmin
            ? { from: { id: 1087968824, is_bot: true, first_name: "Group", username: "GroupAnonymousBot" } }
            : { from }),
          ...(o.anonymousAdmin ? { sender_chat: chat } : {}),
          ...inTopic(chatId, o.threadId),
          chat,
          text: o.text,
          ...(command ? { entities: [{ type: "bot_command", offset: 0, length: command[0].length }] } : {}),
        },
      });
    },
    injectUpdate: (body) => state.updates.push(body),
    injectCallbackQuery(o) {
      const message = state.messages.find((m) => m.message_id === o.messageId);
      if (!message) throw new Error(`fake-telegram: no bot message ${o.messageId} to press a button on`);
      const from = user(o.userId, o.firstName);
      return state.updates.push({
        callback_query: {
          id: `cq${state.nextMessageId++}`,
          from,
          chat_instance: String(message.chat_id),
          data: o.data,
          message: {
            message_id: message.message_id,
            date: Math.floor(message.at / 1000),
            chat: chatOf(message.chat_id, from.first_name),
            ...(message.message_thread_id !== undefined
              ? { message_thread_id: message.message_thread_id, is_topic_message: true }
              : {}),
            text: message.text,
            ...(message.reply_markup ? { reply_markup: message.reply_markup } : {}),
          },
        },
      });
    },
    messages: (chatId) =>
      chatId === undefined ? [...state.messages] : state.messages.filter((m) => m.chat_id === chatId),
    async waitForMessage(match, o = {}) {
      let found: SentMessage | undefined;
      await waitUntil(
        () => {
          found = state.messages.find(match);
          return found !== undefined;
        },
        { timeoutMs: o.timeoutMs ?? 10_000, what: "a matching message" },
      );
      return found!;
    },
    waitUntil,
    callbackAnswers: () => [...state.callbackAnswers],
    commands: () => state.commands,
    chatActions: () => [...state.chatActions],
    addChat: (setup) => state.known.set(setup.id, makeChat(setup)),
    setMember(chatId, userId, member) {
      knownChat(chatId).members.set(userId, typeof member === "string" ? { status: member } : member);
    },
    createTopic: (chatId, name) => addTopic(state, knownChat(chatId), name).message_thread_id,
    setTopic(chatId, threadId, change) {
      const topic = knownChat(chatId).topics.get(threadId);
      if (!topic) throw new Error(`fake-telegram: no topic ${threadId} in chat ${chatId}`);
      if (change === "delete") topic.deleted = true;
      else topic.closed = change === "close";
    },
    setChatState(chatId, s) {
      if (s === null) state.chats.delete(chatId);
      else state.chats.set(chatId, s);
    },
    block: (chatId) => state.chats.set(chatId, { kind: "blocked" }),
    migrate: (chatId, to) => state.chats.set(chatId, { kind: "migrated", to }),
    setLimits: (l) => state.limiter.set(l),
    stats: () => structuredClone(state.stats),
    webhook: () => state.updates.webhook,
    webhookErrors: () => [...state.updates.webhookErrors],
    reset() {
      state.messages.length = 0;
      state.callbackAnswers.length = 0;
      state.chatActions.length = 0;
      state.stats = emptyStats();
      state.limiter.reset();
    },
    async close() {
      state.updates.drain();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}
