import { type Alert, defaultSubscription } from "@teleglas/market-data-core";
import { Api } from "grammy";
import { afterEach, describe, expect, it } from "vitest";
import { createBullDelivery } from "../src/delivery/bullmq.js";
import { startDispatcher } from "../src/delivery/dispatcher.js";
import { type LiveAlerts, memoryLiveMessages, redisLiveMessages } from "../src/delivery/live.js";
import { createMemoryDelivery } from "../src/delivery/memory.js";
import type { Delivery } from "../src/delivery/types.js";
import { formatAlert } from "../src/format/alert.js";
import { createI18n, translatorFor } from "../src/i18n/index.js";
import { makeAlert, useDeliveryFixture } from "./helpers.js";

const GAP_MS = 1000;
const fx = useDeliveryFixture("live");
const i18n = createI18n();

const render: LiveAlerts["render"] = async (id, lang) => {
  const a = await fx.stores.alerts.latest(id);
  return a
    ? { text: formatAlert(a, translatorFor(i18n, lang), Date.now(), lang), revision: a.revision ?? 0 }
    : null;
};

for (const backend of ["bullmq", "memory"] as const) {
  describe(`live storm messages (${backend})`, () => {
    let delivery: Delivery;
    afterEach(async () => {
      await delivery.close();
    });

    it("one message per chat, edited to the latest state at most once per gap; a queued send carries the latest", async () => {
      for (const chatId of [201, 202, 205])
        await fx.stores.subscriptions.upsert(chatId, defaultSubscription(chatId, Date.now()));
      // Wants storms of $5M or more: gets its first message once the storm grows past that.
      await fx.stores.subscriptions.upsert(203, {
        ...defaultSubscription(203, Date.now()),
        minUsd: 5_000_000,
      });
      const deps = {
        api: new Api("123:test", { apiRoot: fx.tg.apiRoot }),
        ledger: fx.stores.ledger,
        subscriptions: fx.stores.subscriptions,
        ratePerSecond: 25,
        editGapMs: GAP_MS,
      };
      delivery =
        backend === "bullmq"
          ? createBullDelivery({
              ...deps,
              redis: fx.redis,
              prefix: fx.prefix,
              live: redisLiveMessages(fx.redis, fx.prefix, render),
            })
          : createMemoryDelivery({ ...deps, live: memoryLiveMessages(render) });
      delivery.start();
      const dispatcher = startDispatcher({
        stores: fx.stores,
        delivery,
        translate: (lang) => translatorFor(i18n, lang),
        alertChatIds: [],
        consumerName: "t1",
      });
      // Chat 205 just got another message: its storm message waits ~1.1 s in the queue (the chat's pace).
      await delivery.enqueue([{ alertId: "earlier", chatId: 205, text: "earlier", silent: false }]);
      await fx.tg.waitUntil(() => fx.tg.messages(205).length === 1, { what: "the earlier message" });
      const t0 = Date.now();
      const storm = (over: Partial<Alert>): Alert =>
        makeAlert({
          id: "liquidation-storm-live",
          symbol: "ETH",
          side: "short",
          first_at: t0 - 10_000,
          ...over,
        });
      await fx.stores.alerts.publishGuarded(
        storm({
          usd: 2_130_000,
          count: 7,
          last_at: t0 + 2_000,
          revision: 0,
          updated_at: t0,
          status: "active",
        }),
        { cooldownKey: "storm:ETH:short", cooldownMs: 60_000 },
      );
      await fx.tg.waitUntil(() => fx.tg.messages(201).length === 1, { what: "the first storm message" });
      expect(fx.tg.messages(201)[0]?.text).toContain("$2.13M");
      // Three newer states in quick succession, the last one ended.
      const states = [
        { usd: 4_000_000, count: 14, revision: 1, status: "active" as const },
        { usd: 6_500_000, count: 22, revision: 2, status: "active" as const },
        { usd: 9_000_000, count: 30, revision: 3, status: "ended" as const },
      ];
      for (const [i, s] of states.entries())
        expect(await fx.stores.alerts.update(storm({ ...s, last_at: t0, updated_at: t0 + 1 + i }))).toBe(
          "updated",
        );
      const stormMessages = (chatId: number) =>
        fx.tg.messages(chatId).filter((m) => m.text.includes("— ETH"));
      const final = (chatId: number) => {
        const text = stormMessages(chatId)[0]?.text ?? "";
        return text.includes("<b>$9M</b> in 30 orders over 10 s") && text.includes("✅ Ended");
      };
      for (const chatId of [201, 202, 203, 205])
        await fx.tg.waitUntil(() => final(chatId), {
          what: `chat ${chatId} showing the ended storm`,
          timeoutMs: 15_000,
        });
      // Late edits or second messages would show within a gap or two.
      await new Promise((r) => setTimeout(r, 2 * GAP_MS + 500));
      await dispatcher.stop();
      for (const chatId of [201, 202, 203, 205])
        expect(stormMessages(chatId), `chat ${chatId}`).toHaveLength(1);
      for (const chatId of [201, 202]) {
        const m = stormMessages(chatId)[0]!;
        // Coalesced: three states, at most two edits, never closer than the gap (less clock jitter).
        expect(m.edits.length).toBeGreaterThanOrEqual(1);
        expect(m.edits.length).toBeLessThanOrEqual(2);
        for (let i = 1; i < m.editedAt.length; i++)
          expect(m.editedAt[i]! - m.editedAt[i - 1]!).toBeGreaterThanOrEqual(GAP_MS - 50);
      }
      // Queued while the storm grew: sent once, already in its final state, never edited.
      expect(stormMessages(205)[0]?.edits).toEqual([]);
      // Matching only once the storm passed $5M: one message, at most brought up to date once.
      expect(stormMessages(203)[0]?.edits.length).toBeLessThanOrEqual(1);
      expect(delivery.stats().edited).toBe(fx.tg.stats().edited);
    });
  });
}
