import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { BOT_ID, createFakeTelegram, type FakeTelegram } from "../src/index.js";

let tg: FakeTelegram;
const call = async (method: string, body: unknown = {}) => {
  const res = await fetch(`${tg.apiRoot}/bot123:abc/${method}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  // biome-ignore lint/suspicious/noExplicitAny: tests read loosely shaped Bot API JSON
  return { status: res.status, json: (await res.json()) as Record<string, any> };
};

const FORUM = -1001000000001;
const CHANNEL = -1001000000002;

beforeEach(async () => {
  tg = await createFakeTelegram();
  tg.addChat({
    id: FORUM,
    type: "supergroup",
    title: "Traders",
    forum: true,
    members: { 11: "creator", 12: "member", [BOT_ID]: { status: "administrator", can_manage_topics: true } },
  });
  tg.addChat({
    id: CHANNEL,
    type: "channel",
    title: "Feed",
    username: "teleglas_feed",
    members: { 11: "creator" },
  });
});
afterEach(async () => {
  await tg.close();
});

describe("forums, topics and channels", () => {
  it("sends into a topic created through the API and records its thread", async () => {
    const topic = await call("createForumTopic", { chat_id: FORUM, name: "Liquidations" });
    const thread = topic.json.result.message_thread_id as number;
    expect(topic.json.result).toMatchObject({ name: "Liquidations" });
    const sent = await call("sendMessage", { chat_id: FORUM, message_thread_id: thread, text: "in topic" });
    expect(sent.json.result).toMatchObject({ message_thread_id: thread, is_topic_message: true });
    await call("sendMessage", { chat_id: FORUM, text: "in General" });
    expect(tg.messages(FORUM).map((m) => [m.text, m.message_thread_id])).toEqual([
      ["in topic", thread],
      ["in General", undefined],
    ]);
  });

  it("answers a deleted topic, a closed one and an unknown one as Telegram does", async () => {
    const thread = tg.createTopic(FORUM, "Whales");
    tg.setMember(FORUM, BOT_ID, "administrator"); // no can_manage_topics: closed topics refuse
    tg.setTopic(FORUM, thread, "close");
    const closed = await call("sendMessage", { chat_id: FORUM, message_thread_id: thread, text: "x" });
    expect([closed.status, closed.json.description]).toEqual([400, "Bad Request: TOPIC_CLOSED"]);
    tg.setTopic(FORUM, thread, "delete");
    const gone = await call("sendMessage", { chat_id: FORUM, message_thread_id: thread, text: "x" });
    expect([gone.status, gone.json.description]).toEqual([400, "Bad Request: message thread not found"]);
    const unknown = await call("sendMessage", { chat_id: FORUM, message_thread_id: 99_999, text: "x" });
    expect(unknown.json.description).toBe("Bad Request: message thread not found");
    expect(tg.messages(FORUM)).toHaveLength(0);
  });

  it("resolves @username, reports member statuses, and refuses a channel the bot may not post in", async () => {
    const chat = await call("getChat", { chat_id: "@teleglas_feed" });
    expect(chat.json.result).toEqual({
      id: CHANNEL,
      type: "channel",
      title: "Feed",
      username: "teleglas_feed",
    });
    expect((await call("getChat", { chat_id: "@nobody_here" })).json.description).toBe(
      "Bad Request: chat not found",
    );
    const me = await call("getChatMember", { chat_id: CHANNEL, user_id: BOT_ID });
    expect(me.json.result).toMatchObject({ status: "administrator", can_post_messages: true });
    expect((await call("getChatMember", { chat_id: CHANNEL, user_id: 11 })).json.result.status).toBe(
      "creator",
    );
    expect((await call("getChatMember", { chat_id: FORUM, user_id: 77 })).json.result.status).toBe("left");
    expect((await call("sendMessage", { chat_id: "@teleglas_feed", text: "post" })).json.ok).toBe(true);

    tg.setMember(CHANNEL, BOT_ID, { status: "administrator", can_post_messages: false });
    const demoted = await call("sendMessage", { chat_id: CHANNEL, text: "x" });
    expect([demoted.status, demoted.json.description]).toEqual([
      400,
      "Bad Request: need administrator rights in the channel chat",
    ]);
    tg.setMember(CHANNEL, BOT_ID, "left");
    const removed = await call("sendMessage", { chat_id: CHANNEL, text: "x" });
    expect([removed.status, removed.json.description]).toEqual([
      403,
      "Forbidden: bot is not a member of the channel chat",
    ]);
    expect((await call("getChatMember", { chat_id: CHANNEL, user_id: 11 })).json.description).toBe(
      "Bad Request: member list is inaccessible",
    );
  });

  it("a message typed inside a topic carries its thread and the topic's creation message", async () => {
    const thread = tg.createTopic(FORUM, "Radar");
    tg.injectMessage({ userId: 11, chatId: FORUM, text: "/route here radar", threadId: thread });
    const [update] = (await call("getUpdates")).json.result;
    expect(update.message).toMatchObject({
      message_thread_id: thread,
      is_topic_message: true,
      chat: { id: FORUM, type: "supergroup", is_forum: true },
      reply_to_message: { forum_topic_created: { name: "Radar" } },
    });
  });
});
