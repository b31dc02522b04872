import type { FakeTelegram } from "@teleglas/fake-telegram";
import { defaultSubscription, type Stores } from "@teleglas/market-data-core";
import { waitFor } from "@teleglas/market-data-core/testing";
import { Api } from "grammy";
import type { Redis } from "ioredis";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createBullDelivery } from "../src/delivery/bullmq.js";
import { startDispatcher } from "../src/delivery/dispatcher.js";
import { createMemoryDelivery } from "../src/delivery/memory.js";
import type { Delivery } from "../src/delivery/types.js";
import { createI18n, translatorFor } from "../src/i18n/index.js";
import { makeAlert, useDeliveryFixture } from "./helpers.js";

const fx = useDeliveryFixture("delivery");
let redis: Redis;
let tg: FakeTelegram;
let prefix: string;
let stores: Stores;
beforeEach(() => {
  ({ redis, tg, prefix, stores } = fx);
});
const i18n = createI18n();

const api = () => new Api("123:test", { apiRoot: tg.apiRoot });

async function subscribe(chatIds: number[], patch = {}) {
  for (const chatId of chatIds)
    await stores.subscriptions.upsert(chatId, { ...defaultSubscription(chatId, Date.now()), ...patch });
}

for (const backend of ["bullmq", "memory"] as const) {
  describe(`alert delivery (${backend})`, () => {
    let delivery: Delivery;
    const make = () =>
      backend === "bullmq"
        ? createBullDelivery({
            redis,
            prefix,
            api: api(),
            ledger: stores.ledger,
            subscriptions: stores.subscriptions,
            ratePerSecond: 25,
            backoffMs: 100,
          })
        : createMemoryDelivery({
            api: api(),
            ledger: stores.ledger,
            subscriptions: stores.subscriptions,
            ratePerSecond: 25,
            backoffMs: 100,
          });
    afterEach(async () => {
      await delivery.close();
    });

    it("delivers a published alert once to each matching chat and deactivates a blocked one", async () => {
      await subscribe([101, 102, 103]);
      await subscribe([104], { symbols: ["ETH"] });
      tg.block(103);
      delivery = make();
      delivery.start();
      const dispatcher = startDispatcher({
        stores,
        delivery,
        translate: (lang) => translatorFor(i18n, lang),
        alertChatIds: [-100500],
        consumerName: "t1",
      });
      const alert = makeAlert({ symbol: "BTC", usd: 12_345_678 });
      expect(await stores.alerts.publish(alert)).toBe(true);
      expect(await stores.alerts.publish(alert)).toBe(false);
      await tg.waitUntil(() => tg.messages().length >= 3, { what: "3 deliveries" });
      await tg.waitUntil(() => delivery.stats().deactivated === 1, { what: "the blocked chat deactivated" });
      // Re-enqueueing the same alert (a redelivery after a crash) must not send again.
      await delivery.enqueue([{ alertId: alert.id, chatId: 101, text: "again", silent: false }]);
      await waitFor(async () => (await delivery.depth()) === 0, "the queue to hold no job");
      await dispatcher.stop();
      const byChat = (id: number) => tg.messages(id).length;
      expect([byChat(101), byChat(102), byChat(-100500), byChat(103), byChat(104)]).toEqual([1, 1, 1, 0, 0]);
      const text = tg.messages(101)[0]?.text ?? "";
      expect(text).toContain("Liquidation storm — BTC");
      expect(text).toContain("$12.35M");
      expect(text).toContain("#BTC");
      expect((await stores.subscriptions.get(103))?.active).toBe(false);
      expect((await stores.subscriptions.get(101))?.active).toBe(true);
    });

    it("follows a group migrated to a supergroup and pauses on 429", async () => {
      await subscribe([-200]);
      tg.migrate(-200, -1000200);
      delivery = make();
      delivery.start();
      // Another sender used this second's budget: the next send gets 429 and must be retried.
      tg.setLimits({ globalPerSecond: 1 });
      await fetch(`${tg.apiRoot}/bot123:test/sendMessage`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ chat_id: 5, text: "x" }),
      });
      await delivery.enqueue([{ alertId: "a-429", chatId: 7, text: "paused then sent", silent: true }]);
      await tg.waitUntil(() => tg.messages(7).length === 1, {
        what: "the send after the pause",
        timeoutMs: 10_000,
      });
      expect(tg.stats().status429).toBeGreaterThanOrEqual(1);
      expect(tg.messages(7)[0]?.disable_notification).toBe(true);
      tg.setLimits({ globalPerSecond: 30 });
      await delivery.enqueue([{ alertId: "a-mig", chatId: -200, text: "to the supergroup", silent: false }]);
      await tg.waitUntil(() => tg.messages(-1000200).length === 1, { what: "delivery to the new chat id" });
      expect((await stores.subscriptions.get(-1000200))?.active).toBe(true);
      expect(await stores.subscriptions.get(-200)).toBeNull();
    });

    it("holds a delayed job (quiet hours in hold mode) until its time", async () => {
      delivery = make();
      delivery.start();
      const at = Date.now();
      await delivery.enqueue(
        [{ alertId: "held", chatId: 77, text: "after quiet hours", silent: false }],
        1200,
      );
      await tg.waitUntil(() => tg.messages(77).length === 1, { what: "the held message", timeoutMs: 10_000 });
      expect(tg.messages(77)[0]!.at - at).toBeGreaterThanOrEqual(1150);
    });

    it("keeps one message per second in a chat", async () => {
      delivery = make();
      delivery.start();
      await delivery.enqueue(
        [1, 2, 3].map((n) => ({ alertId: `burst-${n}`, chatId: 55, text: `m${n}`, silent: false })),
      );
      await tg.waitUntil(() => tg.messages(55).length === 3, { what: "3 paced messages", timeoutMs: 10_000 });
      // Unpaced, two of the three would be refused at once (and again after the pause); a paced
      // queue may meet at most one refusal, when a busy machine delays one send past its slot.
      expect(tg.stats().status429).toBeLessThanOrEqual(1);
      const times = tg.messages(55).map((m) => m.at);
      expect(times[2]! - times[0]!).toBeGreaterThanOrEqual(1900);
    });
  });
}
