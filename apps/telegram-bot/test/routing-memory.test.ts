import { createFakeTelegram, type FakeTelegram } from "@teleglas/fake-telegram";
import { createStores, type Stores } from "@teleglas/market-data-core";
import { Api } from "grammy";
import { afterEach, beforeEach, expect, it } from "vitest";
import { createMemoryDelivery } from "../src/delivery/memory.js";
import type { RouteNotice } from "../src/delivery/route.js";
import type { Delivery } from "../src/delivery/types.js";

/** Without REDIS_URL: the memory route store and the memory queue route and fall back alike. */
let tg: FakeTelegram;
let stores: Stores;
let delivery: Delivery;
const FORUM = -1003000000001;
const admin = { id: 7, name: "Ana" };

beforeEach(async () => {
  tg = await createFakeTelegram();
  stores = createStores();
  tg.addChat({ id: FORUM, type: "supergroup", forum: true, members: { 7: "creator" } });
});
afterEach(async () => {
  await delivery.close();
  await stores.close();
  await tg.close();
});

it("routes by kind at send time; a deleted topic falls back to General once, with one notice", async () => {
  const notices: RouteNotice[] = [];
  delivery = createMemoryDelivery({
    api: new Api("123:test", { apiRoot: tg.apiRoot }),
    ledger: stores.ledger,
    subscriptions: stores.subscriptions,
    ratePerSecond: 25,
    groupChatGapMs: 10,
    routes: { store: stores.routes, notify: async (n) => void notices.push(n) },
  });
  delivery.start();
  const whales = tg.createTopic(FORUM, "Whales");
  await stores.routes.setTopic(FORUM, ["whale_trade", "digest"], { threadId: whales, name: "Whales" }, admin);
  const job = (id: string, kind: string) => ({ alertId: id, chatId: FORUM, text: id, silent: false, kind });
  await delivery.enqueue([job("w1", "whale_trade"), job("d1", "digest"), job("r1", "radar")]);
  await tg.waitUntil(() => tg.messages(FORUM).length === 3, { what: "three sends" });
  const thread = (text: string) => tg.messages(FORUM).find((m) => m.text === text)?.message_thread_id;
  expect([thread("w1"), thread("d1"), thread("r1")]).toEqual([whales, whales, undefined]);

  tg.setTopic(FORUM, whales, "delete");
  await delivery.enqueue([job("w2", "whale_trade"), job("d2", "digest"), job("w3", "whale_trade")]);
  // The same (alert, chat) again changes nothing: one message per (alert, chat).
  await delivery.enqueue([job("w1", "whale_trade")]);
  await tg.waitUntil(() => tg.messages(FORUM).length === 6, { what: "three fallbacks" });
  expect(["w2", "d2", "w3"].map(thread)).toEqual([undefined, undefined, undefined]);
  expect(
    tg
      .messages(FORUM)
      .map((m) => m.text)
      .sort(),
  ).toEqual(["d1", "d2", "r1", "w1", "w2", "w3"]);
  expect(notices).toEqual([
    {
      type: "topic_gone",
      chatId: FORUM,
      threadId: whales,
      topic: "Whales",
      reason: "Bad Request: message thread not found",
      by: admin,
    },
  ]);
  expect(await stores.routes.get(FORUM)).toMatchObject({ topics: {} });
});
