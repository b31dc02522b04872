import { createSimulator, type Simulator } from "@teleglas/coinglass-sim";
import { createFakeTelegram, type FakeTelegram } from "@teleglas/fake-telegram";
import {
  createMarketDataCore,
  createStores,
  type MarketDataCore,
  type Stores,
} from "@teleglas/market-data-core";
import { Api } from "grammy";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createMemoryDelivery } from "../src/delivery/memory.js";
import type { Delivery } from "../src/delivery/types.js";
import { createMemoryDigests } from "../src/digest/memory.js";
import { createDigestRunner } from "../src/digest/runner.js";
import { pct, price, rate } from "../src/format/numbers.js";
import { createI18n, translatorFor } from "../src/i18n/index.js";

/** The in-memory twin (no Redis, `npm start`): same runner and periods, a clock we set. */
const jkt = (hhmm: string) => new Date(`2026-12-04T${hhmm}:00+07:00`).getTime();
let sim: Simulator;
let tg: FakeTelegram;
let core: MarketDataCore;
let stores: Stores;
let delivery: Delivery;
let clock = jkt("07:00");
const i18n = createI18n();

beforeAll(async () => {
  sim = await createSimulator({ plan: "hobbyist", background: false });
  tg = await createFakeTelegram({ globalPerSecond: 30 });
  core = createMarketDataCore({ apiKey: "k", baseUrl: sim.restUrl, plan: "hobbyist" });
  stores = createStores();
  delivery = createMemoryDelivery({
    api: new Api("123:test", { apiRoot: tg.apiRoot }),
    ledger: stores.ledger,
    subscriptions: stores.subscriptions,
    ratePerSecond: 25,
  });
  delivery.start();
});
afterAll(async () => {
  await delivery.close();
  await stores.close();
  await core.close();
  await tg.close();
  await sim.close();
});

const twin = () => {
  const run = createDigestRunner({
    core,
    stores,
    delivery,
    translate: (l) => translatorFor(i18n, l),
    now: () => clock,
  });
  const s = createMemoryDigests({ stores, run, now: () => clock, tickMs: 20 });
  s.start();
  return s;
};

it("sends each period once, also when a new twin starts over the same stores; omits the calendar below Startup", async () => {
  const quietHours = { start: "22:00", end: "06:00", timeZone: "Asia/Jakarta", mode: "silent" as const };
  const digest = { schedule: { type: "daily" as const, at: "08:00" }, quiet: "wait" as const };
  await stores.subscriptions.upsert(77, { active: false, quietHours, digest, symbols: ["BTC", "DOGE"] });
  const first = twin();
  await first.sync(77);
  clock = jkt("08:00");
  await tg.waitUntil(() => tg.messages(77).length === 1, { what: "the 08:00 digest" });
  const text = tg.messages(77)[0]!.text;
  expect(text).toContain("<b>DOGE</b>");
  expect(text).not.toContain("Default coins");
  expect(text).not.toContain("high importance"); // Hobbyist: no calendar, and no error either
  await first.close();

  const second = twin();
  await second.sync(77);
  clock = jkt("08:00") + 30_000;
  await stores.subscriptions.upsert(78, {
    active: false,
    quietHours,
    digest: { ...digest, schedule: { type: "daily", at: "08:01" } },
  });
  await second.sync(78);
  clock = jkt("08:02");
  await tg.waitUntil(() => tg.messages(78).length === 1, { what: "chat 78's digest (the barrier)" });
  expect(tg.messages(77)).toHaveLength(1);
  await second.close();
  // Below Standard there is no coins-markets: the figures come from pairs markets, as /raw's do.
  const raw = (await core.market.getRaw("BTC")).data;
  expect(text).toContain(`<b>BTC</b> ${price(raw.price.lastUsd)} (${pct(raw.price.changePct["24h"])})`);
  expect(text).toContain(`Funding /8h ${rate(raw.funding.average.per8hPct)}`);
  // The same period run again (a job taken over after its process died): nothing more is sent.
  const again = createDigestRunner({
    core,
    stores,
    delivery,
    translate: (l) => translatorFor(i18n, l),
    now: () => clock,
  });
  expect(await again(77, jkt("08:00"))).toEqual({ type: "queued", start: jkt("08:00") });
  expect(await delivery.depth()).toBe(0);
  expect(tg.messages(77)).toHaveLength(1);
}, 60_000);

it("moves a chat's schedule when its time zone changes", async () => {
  const digest = { schedule: { type: "daily" as const, at: "09:00" }, quiet: "wait" as const };
  const quietHours = { start: "23:00", end: "06:00", timeZone: "Asia/Jakarta", mode: "silent" as const };
  await stores.subscriptions.upsert(79, { active: false, quietHours, digest });
  const s = twin();
  await s.sync(79);
  // The chat moves to UTC (quiet hours off): 09:00 is now 16:00 in Jakarta.
  await stores.subscriptions.upsert(79, { quietHours: null });
  await s.sync(79);
  // Had the schedule stayed on Jakarta time, its 09:00 (02:00 UTC) would be the period due.
  clock = new Date("2026-12-04T09:00:01Z").getTime();
  await tg.waitUntil(() => tg.messages(79).length === 1, { what: "the 09:00 UTC digest" });
  expect(tg.messages(79)[0]!.text).toContain("· 09:00 (UTC)");
  await s.close();
}, 30_000);
