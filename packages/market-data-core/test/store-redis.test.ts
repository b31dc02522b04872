import { afterEach, expect, test } from "vitest";
import { makeAlert, makeStores, type StoreFixture, waitFor } from "./store-helpers.js";

// What only Redis can show: state shared between processes and work left by a process that died.
let fx: StoreFixture | undefined;
afterEach(async () => {
  await fx?.cleanup();
  fx = undefined;
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
