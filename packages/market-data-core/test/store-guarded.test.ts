import { afterEach, describe, expect, test } from "vitest";
import type { Alert } from "../src/index.js";
import {
  backends,
  makeAlert,
  makeStores,
  type StoreFixture,
  storesPerTest,
  waitFor,
} from "./store-helpers.js";

const HOUR = 3_600_000;

describe.each(backends)("guarded publish on %s", (backend) => {
  const t = storesPerTest(backend);
  const open = () => t.open();
  afterEach(t.close);

  test("publishes once, then reports the seen event before anything else", async () => {
    const s = await open();
    const a = makeAlert();
    const guards = { seenKey: "seen:liq-1", seenTtlMs: HOUR, cooldownKey: "storm:BTC", cooldownMs: HOUR };
    expect(await s.alerts.publishGuarded(a, guards)).toBe("published");
    expect(await s.alerts.recent()).toEqual([a]);
    expect(await s.alerts.depth("bot")).toBe(1);
    // The marks are the ones the ledger and the cooldowns see, under their own key spaces.
    expect(await s.ledger.has("seen:liq-1")).toBe(true);
    expect(await s.cooldowns.tryAcquire("storm:BTC", HOUR)).toBe(false);
    expect(await s.cooldowns.tryAcquire("seen:liq-1", HOUR)).toBe(true);
    expect(await s.alerts.publishGuarded(makeAlert(), guards)).toBe("seen");
    expect(await s.alerts.recent()).toEqual([a]);
  });

  test("a held cooldown stops the alert but the event stays marked seen", async () => {
    const s = await open();
    expect(await s.cooldowns.tryAcquire("whale:ETH", HOUR)).toBe(true);
    const guards = { seenKey: "seen:t-9", seenTtlMs: HOUR, cooldownKey: "whale:ETH", cooldownMs: HOUR };
    expect(await s.alerts.publishGuarded(makeAlert({ symbol: "ETH" }), guards)).toBe("cooling");
    expect(await s.ledger.has("seen:t-9")).toBe(true);
    expect(await s.alerts.recent()).toEqual([]);
    expect(await s.alerts.depth("bot")).toBe(0);
  });

  test("without a seen key only the cooldown and the id decide; the cooldown expires", async () => {
    const s = await open();
    const a = makeAlert();
    expect(await s.alerts.publishGuarded(a, { cooldownKey: "radar:SOL", cooldownMs: 150 })).toBe("published");
    expect(await s.alerts.publishGuarded(makeAlert(), { cooldownKey: "radar:SOL", cooldownMs: 150 })).toBe(
      "cooling",
    );
    // The same alert id again once the cooldown is free: already published, nothing written twice.
    let outcome = "cooling";
    await waitFor(
      async () => {
        outcome = await s.alerts.publishGuarded(a, { cooldownKey: "radar:SOL", cooldownMs: 150 });
        return outcome !== "cooling";
      },
      "cooldown expiry",
      5000,
    );
    expect(outcome).toBe("duplicate");
    expect(await s.cooldowns.tryAcquire("radar:SOL", HOUR)).toBe(false); // the duplicate took it
    expect(await s.alerts.recent()).toEqual([a]);
    expect(await s.alerts.publish(a)).toBe(false);
  });

  test("concurrent publishers under one cooldown: exactly one alert goes out", async () => {
    const s = await open();
    const others = [s, t.fx().sibling(), t.fx().sibling()];
    const outcomes = await Promise.all(
      others.map((x, i) =>
        x.alerts.publishGuarded(makeAlert({ usd: 2_000_000 + i }), {
          seenKey: `seen:storm-${i}`,
          seenTtlMs: HOUR,
          cooldownKey: "storm:XRP",
          cooldownMs: HOUR,
        }),
      ),
    );
    expect(outcomes.sort()).toEqual(["cooling", "cooling", "published"]);
    expect(await s.alerts.recent()).toHaveLength(1);
  });

  test("a burst from one publisher: each alert gets its own answer", async () => {
    const s = await open();
    // 30 detections in one go over 10 coins: the first of each coin goes out, the rest cool down.
    const burst = Array.from({ length: 30 }, (_, i) => ({
      alert: makeAlert({ symbol: `C${i % 10}` }),
      guards: { seenKey: `seen:b-${i}`, seenTtlMs: HOUR, cooldownKey: `storm:C${i % 10}`, cooldownMs: HOUR },
    }));
    const outcomes = await Promise.all(burst.map((b) => s.alerts.publishGuarded(b.alert, b.guards)));
    expect(outcomes.slice(0, 10)).toEqual(Array(10).fill("published"));
    expect(outcomes.slice(10)).toEqual(Array(20).fill("cooling"));
    const recent = await s.alerts.recent({ limit: 100 });
    expect(recent.map((a) => a.id).sort()).toEqual(
      burst
        .slice(0, 10)
        .map((b) => b.alert.id)
        .sort(),
    );
    expect(await s.ledger.has("seen:b-29")).toBe(true);
  });
});

describe.each(backends)("alert updates on %s", (backend) => {
  let fx: StoreFixture;
  afterEach(async () => {
    await fx?.cleanup();
  });

  test("a newer state replaces the alert in the log, reaches consumers and followers, once", async () => {
    fx = await makeStores(backend);
    const s = fx.stores;
    const first = makeAlert({
      kind: "liquidation_storm",
      usd: 2_100_000,
      count: 7,
      revision: 0,
      updated_at: 1000,
    });
    const other = makeAlert();
    const seen: Alert[] = [];
    const unfollow = s.alerts.follow((a) => seen.push(a));
    await unfollow.ready;
    expect(await s.alerts.publishGuarded(first, { cooldownKey: "storm:ETH", cooldownMs: HOUR })).toBe(
      "published",
    );
    expect(await s.alerts.publish(other)).toBe(true);
    const grown = {
      ...first,
      usd: 9_000_000,
      count: 30,
      revision: 1,
      updated_at: 2000,
      status: "ended" as const,
    };
    expect(await s.alerts.update(grown)).toBe("updated");
    // An older or equal state never overwrites a newer one; an id never published is not created.
    expect(await s.alerts.update({ ...first, revision: 1, updated_at: 1500 })).toBe("stale");
    expect(await s.alerts.update(makeAlert({ updated_at: 3000 }))).toBe("unknown");
    expect(await s.alerts.recent()).toEqual([other, grown]);
    expect(await s.alerts.latest(first.id)).toEqual(grown);
    expect(await s.alerts.latest(other.id)).toBeNull();
    // The queue holds every state in order (read with a cursor; the consumer loop is the bot's).
    const cursor = await s.alerts.join("bot", "c1", {
      batch: 50,
      blockMs: 100,
      claimIdleMs: 30_000,
      from: "start",
    });
    const got: Alert[] = [];
    await waitFor(
      async () => {
        for (const e of await cursor.read()) if (e.alert) got.push(e.alert);
        return got.length === 3;
      },
      "queue entries",
      5000,
    );
    await cursor.close();
    expect(got.map((a) => [a.id, a.revision ?? 0])).toEqual([
      [first.id, 0],
      [other.id, 0],
      [first.id, 1],
    ]);
    await waitFor(() => seen.length === 3, "followed states", 5000);
    expect(seen.at(-1)).toEqual(grown);
    unfollow();
  });

  test("a later state counting fewer events (a worker that joined late) never shrinks the totals", async () => {
    fx = await makeStores(backend);
    const s = fx.stores;
    const base = makeAlert({ kind: "liquidation_storm", revision: 0, updated_at: 1000, status: "active" });
    expect(await s.alerts.publish(base)).toBe(true);
    const big = {
      ...base,
      usd: 6_000_000,
      count: 20,
      exchanges: ["Binance", "OKX"],
      revision: 4,
      updated_at: 2000,
    };
    expect(await s.alerts.update(big)).toBe("updated");
    const late = {
      ...base,
      usd: 2_500_000,
      count: 8,
      exchanges: ["OKX"],
      revision: 2,
      updated_at: 3000,
      last_at: big.last_at + 5000,
      status: "ended" as const,
    };
    expect(await s.alerts.update(late)).toBe("updated");
    const [stored] = await s.alerts.recent();
    expect(stored).toMatchObject({
      id: base.id,
      usd: 6_000_000,
      count: 20,
      exchanges: ["Binance", "OKX"],
      status: "ended",
      updated_at: 3000,
      last_at: late.last_at,
    });
    expect(await s.alerts.latest(base.id)).toEqual(stored);
  });
});
