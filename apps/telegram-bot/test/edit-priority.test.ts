import { Api } from "grammy";
import { afterEach, describe, expect, it } from "vitest";
import { createBullDelivery } from "../src/delivery/bullmq.js";
import { type LiveAlerts, memoryLiveMessages, redisLiveMessages } from "../src/delivery/live.js";
import { createMemoryDelivery } from "../src/delivery/memory.js";
import type { Delivery, DeliveryJob } from "../src/delivery/types.js";
import { useDeliveryFixture } from "./helpers.js";

const fx = useDeliveryFixture("edit-priority");
const STORM = "liquidation-storm-priority";
const EDITED_CHATS = Array.from({ length: 20 }, (_, i) => 501 + i);
const OTHER_CHAT = 600;
// Every storm message is one state behind: each edit job really edits.
const render: LiveAlerts["render"] = async () => ({ text: "storm, newer state", revision: 1 });

for (const backend of ["bullmq", "memory"] as const) {
  describe(`edits wait behind sends (${backend})`, () => {
    let delivery: Delivery;
    afterEach(async () => {
      await delivery.close();
    });

    it("a new alert's first message goes before a storm's queued edits", async () => {
      const api = new Api("123:test", { apiRoot: fx.tg.apiRoot });
      const live =
        backend === "bullmq" ? redisLiveMessages(fx.redis, fx.prefix, render) : memoryLiveMessages(render);
      for (const chatId of EDITED_CHATS) {
        const m = await api.sendMessage(chatId, "storm, first state");
        await live.set(STORM, chatId, { messageId: m.message_id, revision: 0 });
      }
      const deps = {
        api,
        ledger: fx.stores.ledger,
        subscriptions: fx.stores.subscriptions,
        // Slow enough that 20 edits take four seconds of the global budget.
        ratePerSecond: 5,
        editGapMs: 1000,
        live,
      };
      delivery =
        backend === "bullmq"
          ? createBullDelivery({ ...deps, redis: fx.redis, prefix: fx.prefix })
          : createMemoryDelivery(deps);
      const edits: DeliveryJob[] = EDITED_CHATS.map((chatId) => ({
        alertId: STORM,
        chatId,
        text: "",
        silent: false,
        live: true,
        lang: "en",
        edit: true,
      }));
      await delivery.enqueue(edits);
      await delivery.enqueue([{ alertId: "whale-next", chatId: OTHER_CHAT, text: "whale", silent: false }]);
      delivery.start();
      await fx.tg.waitUntil(() => fx.tg.messages(OTHER_CHAT).length === 1, { what: "the new alert" });
      // In arrival order the new alert would have waited for all 20 edits.
      expect(fx.tg.stats().edited).toBeLessThan(EDITED_CHATS.length / 2);
      await fx.tg.waitUntil(() => fx.tg.stats().edited === EDITED_CHATS.length, {
        what: "every storm message edited",
        timeoutMs: 15_000,
      });
    });
  });
}
