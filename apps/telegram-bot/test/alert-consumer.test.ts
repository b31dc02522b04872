import { type Alert, createStores } from "@teleglas/market-data-core";
import { backends, makeAlert, storesPerTest, waitFor } from "@teleglas/market-data-core/testing";
import { afterEach, describe, expect, test } from "vitest";
import { consumeAlerts } from "../src/delivery/alert-consumer.js";

// The bot's consumer loop over the durable alert queue, on both backends (moved here from core's
// store tests with the loop): at-least-once, ack after the handler, reclaim from a hung consumer.
const fast = { blockMs: 100, claimIdleMs: 300 };

/** A handler that records each alert and then waits until released (a stuck or crashed worker). */
function gatedHandler() {
  let release!: () => void;
  const gate = new Promise<void>((r) => {
    release = r;
  });
  const seen: string[] = [];
  const handler = async (a: Alert) => {
    seen.push(a.id);
    await gate;
  };
  return { handler, seen, release };
}

describe.each(backends)("alert queue on %s", (backend) => {
  const t = storesPerTest(backend);
  const open = () => t.open();
  afterEach(t.close);

  test("each alert is handled once and acknowledged", async () => {
    const s = await open();
    const handled: string[] = [];
    const first = makeAlert();
    await s.alerts.publish(first); // before the group exists: still delivered (group starts at the oldest)
    const c = consumeAlerts(s.alerts, "bot", "c1", async (a) => void handled.push(a.id), fast);
    const rest = [makeAlert(), makeAlert()];
    for (const a of rest) await s.alerts.publish(a);
    await waitFor(() => handled.length === 3, "three deliveries", 8000);
    await waitFor(async () => (await s.alerts.depth("bot")) === 0, "depth 0", 8000);
    await c.stop();
    expect(handled).toEqual([first.id, ...rest.map((a) => a.id)]);
  });

  test("a handler that fails once gets the alert again, then it is acknowledged", async () => {
    const s = await open();
    const attempts: string[] = [];
    const errors: unknown[] = [];
    const c = consumeAlerts(
      s.alerts,
      "bot",
      "c1",
      async (a) => {
        attempts.push(a.id);
        if (attempts.length === 1) throw new Error("telegram 502");
      },
      { ...fast, onError: (e) => errors.push(e) },
    );
    const a = makeAlert();
    await s.alerts.publish(a);
    await waitFor(() => attempts.length >= 2, "redelivery", 8000);
    await waitFor(async () => (await s.alerts.depth("bot")) === 0, "ack after success", 8000);
    await c.stop();
    expect(attempts).toEqual([a.id, a.id]);
    expect(String(errors[0])).toMatch(/telegram 502/);
  });

  test("another consumer redoes the work of one that hung mid-alert", async () => {
    const s = await open();
    const hung = gatedHandler();
    const byA = hung.seen;
    const byB: string[] = [];
    const a = consumeAlerts(s.alerts, "bot", "A", hung.handler, fast);
    const alert = makeAlert();
    await s.alerts.publish(alert);
    await waitFor(() => byA.length === 1, "A takes the alert", 8000);
    expect(await s.alerts.depth("bot")).toBe(1);
    const b = t.fx().sibling(); // Redis: another Stores object, as in a second process
    const cB = consumeAlerts(b.alerts, "bot", "B", async (x) => void byB.push(x.id), fast);
    await waitFor(() => byB.length === 1, "B reclaims it", 8000);
    await waitFor(async () => (await s.alerts.depth("bot")) === 0, "acked by B", 8000);
    expect(byB).toEqual([alert.id]);
    hung.release();
    await Promise.all([a.stop(), cB.stop()]);
  });

  test("depth counts delivered-but-pending and not-yet-delivered entries; groups are independent", async () => {
    const s = await open();
    const gate = gatedHandler();
    const seen = gate.seen;
    const c = consumeAlerts(s.alerts, "bot", "c1", gate.handler, { ...fast, batch: 1 });
    for (let i = 0; i < 3; i++) await s.alerts.publish(makeAlert());
    await waitFor(() => seen.length === 1, "first delivery", 8000);
    expect(await s.alerts.depth("bot")).toBe(3);
    expect(await s.alerts.depth("api")).toBe(3); // a group that never consumed
    gate.release();
    await waitFor(async () => (await s.alerts.depth("bot")) === 0, "drained", 8000);
    await c.stop();
  });

  test("a group created with from=new skips what was published before", async () => {
    const s = await open();
    await s.alerts.publish(makeAlert());
    const seen: string[] = [];
    const c = consumeAlerts(s.alerts, "late", "c1", async (x) => void seen.push(x.id), {
      ...fast,
      from: "new",
    });
    await waitFor(async () => (await s.alerts.depth("late")) === 0, "group created at the end", 8000);
    const fresh = makeAlert();
    await s.alerts.publish(fresh);
    await waitFor(() => seen.length === 1, "the new alert", 8000);
    await c.stop();
    expect(seen).toEqual([fresh.id]);
  });
});

describe("alert queue on redis only", () => {
  const r = storesPerTest("redis");
  afterEach(r.close);

  test("a consumer that died holding an entry loses it to another consumer of the group", async () => {
    await r.open();
    const { stores, redis, prefix } = r.fx();
    await redis!.xgroup("CREATE", `${prefix}alerts:stream`, "bot", "0", "MKSTREAM");
    const alert = makeAlert();
    await stores.alerts.publish(alert);
    // The dead process: read the entry for consumer "dead" and never acknowledge it.
    await redis!.xreadgroup("GROUP", "bot", "dead", "COUNT", 10, "STREAMS", `${prefix}alerts:stream`, ">");
    expect(await stores.alerts.depth("bot")).toBe(1);
    const got: string[] = [];
    const c = consumeAlerts(r.fx().sibling().alerts, "bot", "alive", async (a) => void got.push(a.id), {
      blockMs: 100,
      claimIdleMs: 300,
    });
    await waitFor(() => got.length === 1, "reclaim", 8000);
    await waitFor(async () => (await stores.alerts.depth("bot")) === 0, "ack", 8000);
    await c.stop();
    expect(got).toEqual([alert.id]);
  });

  test("a consumer restarted under its old name redoes its unacknowledged entries at once", async () => {
    await r.open();
    const { stores, redis, prefix } = r.fx();
    await redis!.xgroup("CREATE", `${prefix}alerts:stream`, "bot", "0", "MKSTREAM");
    const alert = makeAlert();
    await stores.alerts.publish(alert);
    await redis!.xreadgroup("GROUP", "bot", "bot-1", "COUNT", 10, "STREAMS", `${prefix}alerts:stream`, ">");
    const got: string[] = [];
    // claimIdleMs of an hour: only the own-pending read at start can deliver it this fast.
    const c = consumeAlerts(stores.alerts, "bot", "bot-1", async (a) => void got.push(a.id), {
      blockMs: 100,
      claimIdleMs: 3_600_000,
    });
    await waitFor(() => got.length === 1, "own pending entry", 8000);
    await c.stop();
    expect(await stores.alerts.depth("bot")).toBe(0);
  });
});

test("with Redis unreachable, consume reports errors and still stops; follow does not crash", async () => {
  const { Redis } = await import("ioredis");
  const dead = new Redis("redis://127.0.0.1:1", {
    lazyConnect: true,
    retryStrategy: () => null,
    maxRetriesPerRequest: 0,
  });
  dead.on("error", () => {});
  const stores = createStores({ redis: dead, prefix: "test:core-b:dead:" });
  const errors: unknown[] = [];
  const c = consumeAlerts(stores.alerts, "bot", "c1", async () => {}, { onError: (e) => errors.push(e) });
  const f = stores.alerts.follow(() => {});
  await waitFor(() => errors.length >= 1, "a reported error", 8000);
  await expect(f.ready).rejects.toThrow();
  await c.stop();
  await stores.close();
  dead.disconnect();
});
