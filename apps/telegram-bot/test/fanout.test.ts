import { defaultSubscription } from "@teleglas/market-data-core";
import { Queue } from "bullmq";
import { Api } from "grammy";
import { describe, expect, it } from "vitest";
import { bulkAdder } from "../src/delivery/bulk-add.js";
import { createBullDelivery } from "../src/delivery/bullmq.js";
import { startDispatcher } from "../src/delivery/dispatcher.js";
import type { Delivery, DeliveryJob } from "../src/delivery/types.js";
import { createI18n, translatorFor } from "../src/i18n/index.js";
import { makeAlert, useDeliveryFixture } from "./helpers.js";

const fx = useDeliveryFixture("fanout");
const i18n = createI18n();
const CHATS = Array.from({ length: 40 }, (_, i) => 5000 + i);

const deliveryOf = () =>
  createBullDelivery({
    redis: fx.redis,
    prefix: fx.prefix,
    api: new Api("123:test", { apiRoot: fx.tg.apiRoot }),
    ledger: fx.stores.ledger,
    subscriptions: fx.stores.subscriptions,
    ratePerSecond: 25,
    backoffMs: 100,
  });

function queueOf() {
  const connection = fx.redis.duplicate();
  const queue = new Queue("alert-delivery", { connection, prefix: `${fx.prefix}bull` });
  return {
    queue,
    async close() {
      await queue.close();
      connection.disconnect();
    },
  };
}

/** Two jobs are stored alike: the same fields, the options spelled alike (each naming its own job), apart from the time. */
async function expectStoredAlike(queue: Queue, libraryId: string, ourId: string) {
  const [library, ours] = await Promise.all(
    [libraryId, ourId].map((id) => fx.redis.hgetall(queue.toKey(id))),
  );
  const { timestamp: _a, opts: libraryOpts, ...libraryFields } = library ?? {};
  const { timestamp: _b, opts: ourOpts, ...ourFields } = ours ?? {};
  expect(ourFields).toEqual(libraryFields);
  expect(ourOpts).toContain(`"jobId":"${ourId}"`);
  expect(ourOpts).toBe(libraryOpts?.replace(`"jobId":"${libraryId}"`, `"jobId":"${ourId}"`));
}

describe("fan-out of one alert to many chats", () => {
  it("stores a bulk-added job as BullMQ stores the same job", async () => {
    const { queue, close } = queueOf();
    try {
      const opts = { attempts: 5, removeOnComplete: { age: 3600, count: 10 } };
      await queue.addBulk([{ name: "alert", data: { chatId: 1 }, opts: { ...opts, jobId: "by-bullmq" } }]);
      // A job added before with other options (a delay) does not lead the script astray.
      await queue.add("alert", { chatId: 3 }, { ...opts, jobId: "first", delay: 60_000 });
      const add = bulkAdder(queue, fx.redis, "alert", opts);
      await add([
        { id: "first", data: { chatId: 2 } },
        { id: "second", data: { chatId: 1 } },
      ]);
      await add([{ id: "second", data: { chatId: 99 } }]); // exists: left as it is
      await expectStoredAlike(queue, "by-bullmq", "second");
      expect(await queue.getWaitingCount()).toBe(2);
      expect(await queue.getDelayedCount()).toBe(1);
    } finally {
      await close();
    }
  });

  it("stores a bulk-added prioritized job (an edit) as BullMQ does, after the ones already there", async () => {
    const { queue, close } = queueOf();
    try {
      const opts = { attempts: 5, priority: 10 };
      await queue.addBulk([{ name: "alert", data: { n: 1 }, opts: { ...opts, jobId: "lib-edit" } }]);
      await bulkAdder(queue, fx.redis, "alert", opts)([{ id: "our-edit", data: { n: 1 } }]);
      await expectStoredAlike(queue, "lib-edit", "our-edit");
      expect(await fx.redis.zrange(queue.keys["prioritized"] as string, 0, -1)).toEqual([
        "lib-edit",
        "our-edit",
      ]);
      expect(await queue.getPrioritizedCount()).toBe(2);
    } finally {
      await close();
    }
  });

  it("a dispatcher restarted mid-fan-out queues each chat's job once and each chat gets one message", async () => {
    for (const chatId of CHATS)
      await fx.stores.subscriptions.upsert(chatId, defaultSubscription(chatId, Date.now()));
    // The first dispatcher queues part of the jobs and dies before acknowledging the alert.
    const first = deliveryOf();
    let crashed!: () => void;
    const died = new Promise<void>((r) => {
      crashed = r;
    });
    const dying: Delivery = {
      ...first,
      async enqueue(jobs: DeliveryJob[], delayMs?: number) {
        await first.enqueue(jobs.slice(0, 15), delayMs);
        throw new Error("killed mid-fan-out");
      },
    };
    const common = {
      stores: fx.stores,
      translate: (l: "en" | "id") => translatorFor(i18n, l),
      alertChatIds: [],
    };
    const d1 = startDispatcher({
      ...common,
      delivery: dying,
      consumerName: "bot-1",
      onError: () => crashed(),
    });
    const alert = makeAlert();
    await fx.stores.alerts.publish(alert);
    await died;
    await d1.stop();
    await first.close();
    // Restarted under the same name, it takes up its unacknowledged alert again.
    const delivery = deliveryOf();
    let queued!: (n: number) => void;
    const done = new Promise<number>((r) => {
      queued = r;
    });
    const d2 = startDispatcher({ ...common, delivery, consumerName: "bot-1", onAlert: (_a, n) => queued(n) });
    expect(await done).toBe(CHATS.length);
    await d2.stop();
    const { queue, close } = queueOf();
    try {
      const jobs = await queue.getJobs(["waiting"]);
      const chats = jobs.map((j) => (j.data as { chatId: number }).chatId).sort((a, b) => a - b);
      expect(chats).toEqual(CHATS);
    } finally {
      await close();
    }
    delivery.start();
    await fx.tg.waitUntil(() => new Set(fx.tg.messages().map((m) => m.chat_id)).size === CHATS.length, {
      what: "every chat's message",
    });
    await delivery.close();
    expect(fx.tg.messages().length).toBe(CHATS.length);
    expect(fx.tg.messages(CHATS[0] as number)[0]?.text).toContain("Liquidation storm — BTC");
  });

  it("still sends a job queued with its text inside (queued before texts were stored apart)", async () => {
    const { queue, close } = queueOf();
    const delivery = deliveryOf();
    try {
      const job: DeliveryJob = {
        alertId: "old-style",
        chatId: 777,
        text: "queued the old way",
        silent: false,
      };
      await queue.add("alert", job, { jobId: "old-style-777" });
      delivery.start();
      const m = await fx.tg.waitForMessage((x) => x.chat_id === 777);
      expect(m.text).toBe("queued the old way");
    } finally {
      await delivery.close();
      await close();
    }
  });
});
