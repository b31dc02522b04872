import { afterEach, describe, expect, test } from "vitest";
import { type Alert, DEFAULT_ALERT_KINDS } from "../src/index.js";
import { backends, makeAlert, makeStores, type StoreFixture, waitFor } from "./store-helpers.js";

describe.each(backends)("stores on %s", (backend) => {
  let fx: StoreFixture;
  const open = async (opts?: Parameters<typeof makeStores>[1]) => {
    fx = await makeStores(backend, opts);
    return fx.stores;
  };
  afterEach(async () => {
    await fx?.cleanup();
  });

  describe("subscriptions", () => {
    test("a new chat starts from defaults plus its patch; symbols are upper-cased once", async () => {
      const s = await open();
      expect(await s.subscriptions.get(1)).toBeNull();
      const created = await s.subscriptions.upsert(1, { symbols: ["btc", " eth", "BTC"], minUsd: 250_000 });
      expect(created).toMatchObject({ chatId: 1, symbols: ["BTC", "ETH"], minUsd: 250_000, language: "en" });
      expect(created.kinds).toEqual([...DEFAULT_ALERT_KINDS]);
      expect(await s.subscriptions.get(1)).toEqual(created);
    });

    test("patches merge and keep the chat id", async () => {
      const s = await open();
      await s.subscriptions.upsert(7, { language: "id" });
      const q = { start: "22:00", end: "07:00", timeZone: "Asia/Jakarta", mode: "hold" as const };
      const after = await s.subscriptions.upsert(7, { quietHours: q, chatId: 999 });
      expect(after).toMatchObject({ chatId: 7, language: "id", quietHours: q });
      expect(await s.subscriptions.get(999)).toBeNull();
    });

    test("an unknown time zone or a bad HH:MM is refused and nothing is stored", async () => {
      const s = await open();
      const bad = { start: "22:00", end: "07:00", timeZone: "Mars/Olympus", mode: "silent" as const };
      await expect(s.subscriptions.upsert(3, { quietHours: bad })).rejects.toThrow(/time zone/);
      await expect(
        s.subscriptions.upsert(3, { quietHours: { ...bad, timeZone: "UTC", start: "25:00" } }),
      ).rejects.toThrow();
      expect(await s.subscriptions.get(3)).toBeNull();
    });

    test("concurrent patches of one chat both survive", async () => {
      const s = await open();
      await Promise.all([
        s.subscriptions.upsert(5, { minUsd: 1_000_000 }),
        s.subscriptions.upsert(5, { language: "id" }),
        s.subscriptions.upsert(5, { symbols: ["SOL"] }),
      ]);
      expect(await s.subscriptions.get(5)).toMatchObject({
        minUsd: 1_000_000,
        language: "id",
        symbols: ["SOL"],
      });
    });

    test("deactivate hides a chat from listActive until it is reactivated", async () => {
      const s = await open();
      await s.subscriptions.upsert(10, {});
      await s.subscriptions.upsert(11, {});
      await s.subscriptions.deactivate(11, "blocked by user");
      await s.subscriptions.deactivate(12, "unknown chat"); // no record: nothing happens
      expect((await s.subscriptions.listActive()).map((x) => x.chatId)).toEqual([10]);
      expect(await s.subscriptions.get(11)).toMatchObject({
        active: false,
        deactivatedReason: "blocked by user",
      });
      expect(await s.subscriptions.get(12)).toBeNull();
      const back = await s.subscriptions.upsert(11, { active: true });
      expect(back.deactivatedReason).toBeUndefined();
      expect((await s.subscriptions.listActive()).map((x) => x.chatId).sort()).toEqual([10, 11]);
    });

    test("migrate moves a group's settings to its supergroup id", async () => {
      const s = await open();
      await s.subscriptions.upsert(-100, { symbols: ["ETH"], minUsd: 5 });
      await s.subscriptions.migrate(-100, -1001234);
      expect(await s.subscriptions.get(-100)).toBeNull();
      expect(await s.subscriptions.get(-1001234)).toMatchObject({
        chatId: -1001234,
        symbols: ["ETH"],
        minUsd: 5,
      });
      await s.subscriptions.migrate(-555, -556); // unknown chat: no-op
      expect(await s.subscriptions.get(-556)).toBeNull();
    });
  });

  describe("alerts log", () => {
    test("publishing the same id twice is harmless", async () => {
      const s = await open();
      const a = makeAlert();
      expect(await s.alerts.publish(a)).toBe(true);
      expect(await s.alerts.publish({ ...a, usd: 9 })).toBe(false);
      expect(await s.alerts.recent()).toEqual([a]);
      expect(await s.alerts.depth("bot")).toBe(1);
    });

    test("an invalid alert is refused", async () => {
      const s = await open();
      await expect(s.alerts.publish({ ...makeAlert(), usd: -1 })).rejects.toThrow();
      expect(await s.alerts.recent()).toEqual([]);
    });

    test("a burst published in one turn: each alert once, in order, the log still capped", async () => {
      const s = await open({ alerts: { recentMax: 5 } });
      const burst = Array.from({ length: 8 }, (_, i) => makeAlert({ usd: 1_000_000 + i }));
      const results = await Promise.all([...burst, burst[0] as Alert].map((a) => s.alerts.publish(a)));
      expect(results).toEqual([...burst.map(() => true), false]);
      expect((await s.alerts.recent()).map((a) => a.id)).toEqual(
        burst
          .slice(3)
          .reverse()
          .map((a) => a.id),
      );
      expect(await s.alerts.depth("bot")).toBe(8);
    });

    test("recent is newest first, filtered, limited and capped", async () => {
      const s = await open({ alerts: { recentMax: 5 } });
      const published: Alert[] = [];
      for (let i = 0; i < 7; i++) {
        const a = makeAlert({
          symbol: i % 2 ? "ETH" : "BTC",
          kind: i % 3 ? "whale_trade" : "liquidation_storm",
        });
        published.push(a);
        await s.alerts.publish(a);
      }
      const newest = published.slice(2).reverse();
      expect((await s.alerts.recent()).map((a) => a.id)).toEqual(newest.map((a) => a.id));
      expect((await s.alerts.recent({ limit: 2 })).map((a) => a.id)).toEqual(
        newest.slice(0, 2).map((a) => a.id),
      );
      const eth = await s.alerts.recent({ symbol: "eth" });
      expect(eth.map((a) => a.id)).toEqual(newest.filter((a) => a.symbol === "ETH").map((a) => a.id));
      const storms = await s.alerts.recent({ kind: "liquidation_storm", symbol: "BTC" });
      expect(storms.map((a) => a.id)).toEqual(
        newest.filter((a) => a.kind === "liquidation_storm" && a.symbol === "BTC").map((a) => a.id),
      );
    });

    test("follow sees alerts published after it, until unsubscribed", async () => {
      const s = await open();
      const seen: string[] = [];
      const stop = s.alerts.follow((a) => seen.push(a.id));
      await stop.ready;
      const a = makeAlert();
      await s.alerts.publish(a);
      await s.alerts.publish(a); // duplicate: not fanned out again
      await waitFor(() => seen.length === 1, "followed alert", 5000);
      stop();
      const b = makeAlert();
      await s.alerts.publish(b);
      // A later alert seen by a second follower proves b had its chance to arrive.
      const markerSeen: string[] = [];
      const marker = s.alerts.follow((x) => markerSeen.push(x.id));
      await marker.ready;
      const last = makeAlert();
      await s.alerts.publish(last);
      await waitFor(() => markerSeen.includes(last.id), "marker alert", 5000);
      expect(seen).toEqual([a.id]);
      marker();
    });
    test("a follower that throws does not fail the publish or starve other followers", async () => {
      const s = await open();
      const bad = s.alerts.follow(() => {
        throw new Error("closed SSE response");
      });
      const seen: string[] = [];
      const good = s.alerts.follow((x) => seen.push(x.id));
      await Promise.all([bad.ready, good.ready]);
      const a = makeAlert();
      expect(await s.alerts.publish(a)).toBe(true);
      await waitFor(() => seen.length === 1, "the good follower", 5000);
      bad();
      good();
    });
  });

  describe("cooldowns, ledger, flags", () => {
    test("a cooldown admits one caller until it expires or is cleared", async () => {
      const s = await open();
      const results = await Promise.all([1, 2, 3].map(() => s.cooldowns.tryAcquire("liq:BTC", 200)));
      expect(results.filter(Boolean)).toHaveLength(1);
      await waitFor(() => s.cooldowns.tryAcquire("liq:BTC", 60_000), "expiry", 5000);
      expect(await s.cooldowns.tryAcquire("liq:BTC", 60_000)).toBe(false);
      await s.cooldowns.clear("liq:BTC");
      expect(await s.cooldowns.tryAcquire("liq:BTC", 60_000)).toBe(true);
    });

    test("the ledger marks a delivery once", async () => {
      const s = await open();
      expect(await s.ledger.has("alert-1:42")).toBe(false);
      expect(await s.ledger.markOnce("alert-1:42", 60_000)).toBe(true);
      expect(await s.ledger.markOnce("alert-1:42", 60_000)).toBe(false);
      expect(await s.ledger.has("alert-1:42")).toBe(true);
      expect(await s.cooldowns.tryAcquire("alert-1:42", 60_000)).toBe(true); // separate key space
    });

    test("every kind starts on; an admin switch sticks", async () => {
      const s = await open();
      expect(Object.values(await s.flags.all()).every(Boolean)).toBe(true);
      await s.flags.setKind("whale_trade", false);
      expect(await s.flags.kindEnabled("whale_trade")).toBe(false);
      expect(await fx.sibling().flags.kindEnabled("whale_trade")).toBe(false);
      expect((await s.flags.all()).whale_trade).toBe(false);
      await s.flags.setKind("whale_trade", true);
      expect(await s.flags.kindEnabled("whale_trade")).toBe(true);
    });
  });
});
