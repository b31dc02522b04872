import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createFakeTelegram, type FakeTelegram } from "../src/index.js";

let tg: FakeTelegram;
const call = async (method: string, body: unknown = {}, token = "123:abc") => {
  const res = await fetch(`${tg.apiRoot}/bot${token}/${method}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  // biome-ignore lint/suspicious/noExplicitAny: tests read loosely shaped Bot API JSON
  return { status: res.status, json: (await res.json()) as Record<string, any> };
};

beforeEach(async () => {
  tg = await createFakeTelegram({ token: "123:abc", globalPerSecond: 30 });
});
afterEach(async () => {
  await tg.close();
});

describe("fake Telegram Bot API", () => {
  it("answers getMe and refuses a wrong token", async () => {
    const me = await call("getMe");
    expect(me.json.result.username).toBe("teleglas_test_bot");
    const bad = await call("getMe", {}, "999:zzz");
    expect(bad.status).toBe(401);
  });

  it("records sent messages per chat and edits them", async () => {
    const sent = await call("sendMessage", { chat_id: 7, text: "<b>hi</b>", parse_mode: "HTML" });
    expect(sent.json.ok).toBe(true);
    await call("sendMessage", { chat_id: 8, text: "other" });
    expect(tg.messages(7).map((m) => m.text)).toEqual(["<b>hi</b>"]);
    expect(tg.messages(7)[0]?.parse_mode).toBe("HTML");
    const edit = await call("editMessageText", {
      chat_id: 7,
      message_id: sent.json.result.message_id,
      text: "new",
    });
    expect(edit.json.ok).toBe(true);
    expect(tg.messages(7)[0]?.text).toBe("new");
    expect(tg.messages(7)[0]?.edits).toEqual(["<b>hi</b>"]);
    expect(tg.messages(7)[0]?.editedAt).toHaveLength(1);
    expect(tg.stats().edited).toBe(1);
    const empty = await call("sendMessage", { chat_id: 7, text: "x".repeat(4097) });
    expect(empty.json.description).toMatch(/too long/);
  });

  it("long-polls getUpdates and honours the offset", async () => {
    const pending = call("getUpdates", { timeout: 5 });
    setTimeout(() => tg.injectMessage({ userId: 42, text: "/raw BTC" }), 100);
    const first = await pending;
    expect(first.json.result).toHaveLength(1);
    const update = first.json.result[0];
    expect(update.message.text).toBe("/raw BTC");
    expect(update.message.entities[0]).toMatchObject({ type: "bot_command", offset: 0, length: 4 });
    expect(update.message.chat.id).toBe(42);
    const again = await call("getUpdates", { offset: update.update_id + 1, timeout: 0 });
    expect(again.json.result).toHaveLength(0);
  });

  it("answers 429 with retry_after past one message per second in a chat", async () => {
    expect((await call("sendMessage", { chat_id: 5, text: "a" })).status).toBe(200);
    const second = await call("sendMessage", { chat_id: 5, text: "b" });
    expect(second.status).toBe(429);
    expect(second.json.parameters.retry_after).toBeGreaterThanOrEqual(1);
    expect(tg.messages(5)).toHaveLength(1);
    expect(tg.stats().status429).toBe(1);
  });

  it("answers 429 past 20 messages a minute in a group", async () => {
    tg.setLimits({ groupPerMinute: 2 });
    expect((await call("sendMessage", { chat_id: -77, text: "1" })).status).toBe(200);
    expect((await call("sendMessage", { chat_id: -77, text: "2" })).status).toBe(200);
    const third = await call("sendMessage", { chat_id: -77, text: "3" });
    expect(third.status).toBe(429);
    expect(third.json.parameters.retry_after).toBeGreaterThan(50);
  });

  it("answers 429 past the global per-second rate", async () => {
    tg.setLimits({ globalPerSecond: 5 });
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) => call("sendMessage", { chat_id: 100 + i, text: "x" })),
    );
    expect(results.filter((r) => r.status === 200)).toHaveLength(5);
    expect(results.filter((r) => r.status === 429)).toHaveLength(3);
  });

  it("refuses blocked chats with 403 and migrated groups with migrate_to_chat_id", async () => {
    tg.block(9);
    const blocked = await call("sendMessage", { chat_id: 9, text: "x" });
    expect(blocked.status).toBe(403);
    expect(blocked.json.description).toBe("Forbidden: bot was blocked by the user");
    tg.migrate(-5, -1005);
    const moved = await call("sendMessage", { chat_id: -5, text: "x" });
    expect(moved.status).toBe(400);
    expect(moved.json.parameters.migrate_to_chat_id).toBe(-1005);
    tg.setChatState(11, { kind: "not_found" });
    expect((await call("sendMessage", { chat_id: 11, text: "x" })).json.description).toMatch(
      /chat not found/,
    );
  });

  it("accepts sendPhoto as multipart and keeps the bytes", async () => {
    const form = new FormData();
    form.set("chat_id", "3");
    form.set("caption", "chart");
    form.set("photo", new Blob([Buffer.from([0x89, 0x50, 0x4e, 0x47])]), "chart.png");
    const res = await fetch(`${tg.apiRoot}/bot123:abc/sendPhoto`, { method: "POST", body: form });
    expect(res.status).toBe(200);
    const [photo] = tg.messages(3);
    expect(photo?.method).toBe("sendPhoto");
    expect(photo?.text).toBe("chart");
    expect(photo?.photo?.subarray(1, 4).toString()).toBe("PNG");
  });

  it("delivers callback queries and records answers, commands and chat actions", async () => {
    const sent = await call("sendMessage", {
      chat_id: 4,
      text: "menu",
      reply_markup: { inline_keyboard: [[{ text: "A", callback_data: "a" }]] },
    });
    tg.injectCallbackQuery({ userId: 4, messageId: sent.json.result.message_id, data: "a" });
    const { json } = await call("getUpdates", { timeout: 1 });
    const cq = json.result[0].callback_query;
    expect(cq.data).toBe("a");
    expect(cq.message.reply_markup.inline_keyboard[0][0].text).toBe("A");
    await call("answerCallbackQuery", { callback_query_id: cq.id, text: "done" });
    expect(tg.callbackAnswers()).toEqual([{ callback_query_id: cq.id, text: "done" }]);
    await call("setMyCommands", { commands: [{ command: "raw", description: "snapshot" }] });
    expect(tg.commands()).toEqual([{ command: "raw", description: "snapshot" }]);
    await call("sendChatAction", { chat_id: 4, action: "upload_photo" });
    expect(tg.chatActions()).toEqual([{ chat_id: 4, action: "upload_photo" }]);
  });

  it("pushes updates to a webhook with the secret token and refuses getUpdates meanwhile", async () => {
    // biome-ignore lint/suspicious/noExplicitAny: the update body is read loosely
    const received: Array<{ secret: string | undefined; body: any }> = [];
    const hook = createServer((req, res) => {
      let body = "";
      req.on("data", (c) => (body += c));
      req.on("end", () => {
        received.push({
          secret: req.headers["x-telegram-bot-api-secret-token"] as string,
          body: JSON.parse(body),
        });
        res.end("ok");
      });
    });
    await new Promise<void>((r) => hook.listen(0, "127.0.0.1", r));
    const url = `http://127.0.0.1:${(hook.address() as AddressInfo).port}/hook`;
    await call("setWebhook", { url, secret_token: "s3cret" });
    expect((await call("getUpdates")).status).toBe(409);
    tg.injectMessage({ userId: 1, text: "hello" });
    await tg.waitUntil(() => received.length === 1, { what: "the webhook call" });
    expect(received[0]?.secret).toBe("s3cret");
    expect(received[0]?.body.message.text).toBe("hello");
    await call("deleteWebhook");
    expect(tg.webhook()).toBeNull();
    await new Promise<void>((r) => hook.close(() => r()));
  });
});
