import { afterEach, expect, test } from "vitest";
import { makeAlert, makeStores, type StoreFixture, waitFor } from "./store-helpers.js";

// What only Redis can show: state shared between processes and work left by a process that died.
let fx: StoreFixture | undefined;
afterEach(async () => {
  await fx?.cleanup();
  fx = undefined;
});

test("a consumer that died holding an entry loses it to another consumer of the group", async () => {
  fx = await makeStores("redis");
  const { stores, redis, prefix } = fx;
  await redis!.xgroup("CREATE", `${prefix}alerts:stream`, "bot", "0", "MKSTREAM");
  const alert = makeAlert();
  await stores.alerts.publish(alert);
  // The dead process: read the entry for consumer "dead" and never acknowledge it.
  await redis!.xreadgroup("GROUP", "bot", "dead", "COUNT", 10, "STREAMS", `${prefix}alerts:stream`, ">");
  expect(await stores.alerts.depth("bot")).toBe(1);
  const got: string[] = [];
  const c = fx.sibling().alerts.consume("bot", "alive", async (a) => void got.push(a.id), {
    blockMs: 100,
    claimIdleMs: 300,
  });
  await waitFor(() => got.length === 1, "reclaim", 8000);
  await waitFor(async () => (await stores.alerts.depth("bot")) === 0, "ack", 8000);
  await c.stop();
  expect(got).toEqual([alert.id]);
});

test("a consumer restarted under its old name redoes its unacknowledged entries at once", async () => {
  fx = await makeStores("redis");
  const { stores, redis, prefix } = fx;
  await redis!.xgroup("CREATE", `${prefix}alerts:stream`, "bot", "0", "MKSTREAM");
  const alert = makeAlert();
  await stores.alerts.publish(alert);
  await redis!.xreadgroup("GROUP", "bot", "bot-1", "COUNT", 10, "STREAMS", `${prefix}alerts:stream`, ">");
  const got: string[] = [];
  // claimIdleMs of an hour: only the own-pending read at start can deliver it this fast.
  const c = stores.alerts.consume("bot", "bot-1", async (a) => void got.push(a.id), {
    blockMs: 100,
    claimIdleMs: 3_600_000,
  });
  await waitFor(() => got.length === 1, "own pending entry", 8000);
  await c.stop();
  expect(await stores.alerts.depth("bot")).toBe(0);
});

test("two processes share subscriptions, cooldowns and the live tail", async () => {
  fx = await makeStores("redis");
  const bot = fx.stores;
  const worker = fx.sibling();
  await bot.subscriptions.upsert(42, { symbols: ["ETH"] });
  expect((await worker.subscriptions.listActive()).map((s) => s.chatId)).toEqual([42]);
  expect(await worker.cooldowns.tryAcquire("storm:ETH", 60_000)).toBe(true);
  expect(await bot.cooldowns.tryAcquire("storm:ETH", 60_000)).toBe(false);
  const seen: string[] = [];
  const stop = bot.alerts.follow((a) => seen.push(a.id));
  await stop.ready;
  const alert = makeAlert({ symbol: "ETH" });
  expect(await worker.alerts.publish(alert)).toBe(true);
  expect(await bot.alerts.publish(alert)).toBe(false);
  await waitFor(() => seen.length === 1, "live alert from the other process", 5000);
  expect((await bot.alerts.recent({ symbol: "ETH" }))[0]?.id).toBe(alert.id);
  stop();
});

test("every key stays under the prefix, and close leaves the caller's connection open", async () => {
  fx = await makeStores("redis");
  const { stores, redis, prefix } = fx;
  await stores.subscriptions.upsert(1, {});
  await stores.alerts.publish(makeAlert());
  await stores.cooldowns.tryAcquire("k", 60_000);
  await stores.ledger.markOnce("k", 60_000);
  await stores.flags.setKind("radar", false);
  const keys = await redis!.keys(`${prefix}*`);
  expect(keys.length).toBeGreaterThanOrEqual(6);
  await stores.close();
  expect(await redis!.ping()).toBe("PONG");
});

test("with Redis unreachable, consume reports errors and still stops; follow does not crash", async () => {
  const { Redis } = await import("ioredis");
  const dead = new Redis("redis://127.0.0.1:1", {
    lazyConnect: true,
    retryStrategy: () => null,
    maxRetriesPerRequest: 0,
  });
  dead.on("error", () => {});
  const { createStores } = await import("../src/index.js");
  const stores = createStores({ redis: dead, prefix: "test:core-b:dead:" });
  const errors: unknown[] = [];
  const c = stores.alerts.consume("bot", "c1", async () => {}, { onError: (e) => errors.push(e) });
  const f = stores.alerts.follow(() => {});
  await waitFor(() => errors.length >= 1, "a reported error", 8000);
  await expect(f.ready).rejects.toThrow();
  await c.stop();
  await stores.close();
  dead.disconnect();
});
