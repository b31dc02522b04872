import { afterEach, describe, expect, test } from "vitest";
import { destinationFor, routesFromFields } from "../src/store/routes.js";
import { backends, makeStores, type StoreFixture } from "./store-helpers.js";

const ana = { id: 1001, name: "Ana" };
const GROUP = -1001234567890;
const CHANNEL = -1009876543210;

describe("destinationFor", () => {
  const routes = {
    chatId: GROUP,
    topics: { large_liquidation: { threadId: 42, name: "Liquidations" }, rule: { threadId: 7, name: null } },
    channel: { id: CHANNEL, title: "Feed", kinds: ["whale_trade" as const], active: true, by: ana },
    by: ana,
  };

  test("a linked channel, then a topic, then the chat itself", () => {
    expect(destinationFor(routes, GROUP, "whale_trade")).toEqual({ chatId: CHANNEL, via: "channel" });
    expect(destinationFor(routes, GROUP, "large_liquidation")).toEqual({
      chatId: GROUP,
      threadId: 42,
      via: "topic",
    });
    expect(destinationFor(routes, GROUP, "rule")).toMatchObject({ threadId: 7 });
    expect(destinationFor(routes, GROUP, "radar")).toEqual({ chatId: GROUP, via: "chat" });
    expect(destinationFor(null, GROUP, "digest")).toEqual({ chatId: GROUP, via: "chat" });
    // Notices and kinds nobody routes go to the chat.
    expect(destinationFor(routes, GROUP, "notice")).toEqual({ chatId: GROUP, via: "chat" });
  });

  test("an inactive channel link routes nothing", () => {
    const off = { ...routes, channel: { ...routes.channel, active: false } };
    expect(destinationFor(off, GROUP, "whale_trade")).toEqual({ chatId: GROUP, via: "chat" });
  });

  test("damaged stored fields read as absent, never throw", () => {
    const r = routesFromFields(GROUP, { "t:radar": "abc", "t:nope": "5", ch: "{not json", by: "[" });
    expect(r).toEqual({ chatId: GROUP, topics: {}, channel: null, by: null });
  });
});

describe.each(backends)("route store on %s", (backend) => {
  let fx: StoreFixture;
  afterEach(async () => {
    await fx?.cleanup();
  });

  test("kinds go to a topic and back to General", async () => {
    fx = await makeStores(backend);
    const r = fx.stores.routes;
    expect(await r.get(GROUP)).toBeNull();
    const topic = { threadId: 42, name: "Liquidations" };
    await r.setTopic(GROUP, ["large_liquidation", "liquidation_storm"], topic, ana);
    const back = await r.setTopic(GROUP, ["liquidation_storm"], null, ana);
    expect(back.topics).toEqual({ large_liquidation: topic });
    expect(back.by).toEqual(ana);
    expect(await fx.sibling().routes.get(GROUP)).toEqual(back);
  });

  test("a dead topic is dropped once: of concurrent callers only one is told", async () => {
    fx = await makeStores(backend);
    const r = fx.stores.routes;
    await r.setTopic(GROUP, ["large_liquidation", "radar"], { threadId: 42, name: null }, ana);
    await r.setTopic(GROUP, ["whale_trade"], { threadId: 43, name: null }, ana);
    const results = await Promise.all([1, 2, 3, 4].map(() => r.dropTopic(GROUP, 42)));
    expect(results.filter(Boolean)).toHaveLength(1);
    expect((await r.get(GROUP))?.topics).toEqual({ whale_trade: { threadId: 43, name: null } });
    expect(await r.dropTopic(GROUP, 42)).toBe(false);
  });

  test("a channel link is deactivated once, relinking revives it, unlink removes it", async () => {
    fx = await makeStores(backend);
    const r = fx.stores.routes;
    const link = { id: CHANNEL, title: "Feed", kinds: ["whale_trade" as const], by: ana };
    expect((await r.linkChannel(GROUP, link)).channel).toEqual({ ...link, active: true });
    expect((await r.setChannelKinds(GROUP, ["radar", "digest"]))?.channel?.kinds).toEqual([
      "radar",
      "digest",
    ]);
    const tries = await Promise.all([1, 2, 3].map(() => r.deactivateChannel(GROUP, CHANNEL, "Forbidden")));
    expect(tries.filter(Boolean)).toHaveLength(1);
    expect((await r.get(GROUP))?.channel).toMatchObject({ active: false, reason: "Forbidden" });
    expect(await r.deactivateChannel(GROUP, -1, "x")).toBe(false);
    expect((await r.linkChannel(GROUP, link)).channel?.active).toBe(true);
    expect(await r.unlinkChannel(GROUP)).toBe(true);
    expect((await r.get(GROUP))?.channel ?? null).toBeNull();
    expect(await r.setChannelKinds(GROUP, ["radar"])).toBeNull();
  });

  test("routes follow a group to its new supergroup id", async () => {
    fx = await makeStores(backend);
    const r = fx.stores.routes;
    await r.setTopic(-5, ["radar"], { threadId: 9, name: null }, ana);
    await r.migrate(-5, GROUP);
    expect(await r.get(-5)).toBeNull();
    expect((await r.get(GROUP))?.topics.radar?.threadId).toBe(9);
  });
});
