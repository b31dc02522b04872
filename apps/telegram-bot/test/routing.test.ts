import { BOT_ID, type SentMessage } from "@teleglas/fake-telegram";
import type { Alert } from "@teleglas/market-data-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, startHarness } from "./harness.js";
import { makeAlert } from "./helpers.js";

/** Routing to forum topics and a linked channel, end to end: bot, BullMQ delivery, Redis, fake Bot API. */
let h: Harness;
const ADMIN = 1041;
const MEMBER = 1042;
const GROUP_ONLY_ADMIN = 1043;
const ALERT_CHAT = -1002000000099;

beforeAll(async () => {
  // One admin types many commands here; the per-user flood limit is another test's subject.
  h = await startHarness({ env: { TELEGRAM_ALERT_CHAT_IDS: String(ALERT_CHAT), BOT_USER_RATE: "1000" } });
});
afterAll(async () => {
  await h.close();
});

let groups = 0;
/** A fresh forum (or plain supergroup) where ADMIN is the owner, subscribed to every alert. */
async function group(o: { forum?: boolean; title?: string } = {}): Promise<number> {
  const id = -1002000000001 - groups++;
  h.tg.addChat({
    id,
    type: "supergroup",
    title: o.title ?? `Desk ${groups}`,
    forum: o.forum ?? true,
    members: { [ADMIN]: "creator", [MEMBER]: "member", [GROUP_ONLY_ADMIN]: "administrator" },
  });
  const [reply] = await h.ask(ADMIN, "/subscribe", { chatId: id });
  expect(reply?.text).toContain("✅");
  return id;
}

/** A user types in a topic; resolves with the bot's reply there. */
async function inTopic(userId: number, chatId: number, threadId: number, text: string): Promise<SentMessage> {
  const before = h.tg.messages(chatId).length;
  h.tg.injectMessage({ userId, chatId, text, threadId, firstName: "Ana" });
  await h.tg.waitUntil(() => h.tg.messages(chatId).length > before, { what: `the reply to ${text}` });
  return h.tg.messages(chatId)[before]!;
}

let symbols = 0;
/** Publishes an alert with a symbol of its own, so its message is easy to find (`#SYM`). */
async function publish(kind: Alert["kind"]): Promise<string> {
  const symbol = `Z${(symbols++).toString(36).toUpperCase()}Q`;
  const side = kind.startsWith("whale") ? "buy" : "long";
  await h.stores.alerts.publish(makeAlert({ kind, symbol, side, usd: 9_000_000 }));
  return `#${symbol} `;
}

const withTag = (chatId: number, tag: string) => h.tg.messages(chatId).filter((m) => m.text.includes(tag));
const arrived = (chatId: number, tags: string[]) =>
  h.tg.waitUntil(() => tags.every((t) => withTag(chatId, t).length > 0), {
    timeoutMs: 30_000,
    what: `${tags.length} alerts in ${chatId}`,
  });

describe("routing alerts to forum topics", () => {
  it("an admin sends liquidations to a topic from inside it; other kinds stay in General", async () => {
    const chat = await group({ title: "Traders Desk" });
    const topic = h.tg.createTopic(chat, "Liquidations");
    const set = await inTopic(ADMIN, chat, topic, "/route here liquidations");
    expect(set.text).toBe("✅ 💥 Liquidations → topic “Liquidations”.");
    expect(set.message_thread_id).toBe(topic);

    const liq = await publish("large_liquidation");
    const storm = await publish("liquidation_storm");
    const whale = await publish("whale_trade");
    await arrived(chat, [liq, storm, whale]);
    expect(withTag(chat, liq).map((m) => m.message_thread_id)).toEqual([topic]);
    expect(withTag(chat, storm).map((m) => m.message_thread_id)).toEqual([topic]);
    expect(withTag(chat, whale).map((m) => m.message_thread_id)).toEqual([undefined]);
    // TELEGRAM_ALERT_CHAT_IDS keep receiving every alert, whatever the groups route.
    await arrived(ALERT_CHAT, [liq, storm, whale]);

    const [overview] = await h.ask(ADMIN, "/route", { chatId: chat });
    expect(overview?.text).toContain("💥 Liquidations → topic “Liquidations”");
    expect(overview?.text).toContain("🐋 Whales → General");
  }, 60_000);

  it("a deleted topic: alerts fall back to General, the route resets, the admin is told once, nothing twice", async () => {
    const chat = await group();
    const topic = h.tg.createTopic(chat, "Whales");
    await inTopic(ADMIN, chat, topic, "/route here whales");
    h.tg.setTopic(chat, topic, "delete");
    const tags = [await publish("whale_trade"), await publish("whale_cluster"), await publish("whale_trade")];
    await arrived(chat, tags);
    const marker = await publish("whale_trade"); // queued after the others in this chat: they are all out
    await arrived(chat, [marker]);
    for (const tag of tags) expect(withTag(chat, tag).map((m) => m.message_thread_id)).toEqual([undefined]);
    await h.tg.waitForMessage((m) => m.chat_id === chat && m.text.startsWith("⚠️"));
    const notices = h.tg.messages(chat).filter((m) => m.text.startsWith("⚠️"));
    expect(notices.map((m) => m.text)).toEqual([
      '⚠️ <a href="tg://user?id=1041">Ana</a>, the topic “Whales” was deleted (Telegram: Bad Request: message thread not found). Its alerts come to General now. To move them again, open a topic and send <code>/route here …</code>.',
    ]);
    expect((await h.stores.routes.get(chat))?.topics).toEqual({});
  }, 60_000);

  it("a closed topic falls back the same way, and the notice says it is closed", async () => {
    const chat = await group();
    const topic = h.tg.createTopic(chat, "Radar");
    await inTopic(ADMIN, chat, topic, "/route here radar");
    h.tg.setTopic(chat, topic, "close");
    const tag = await publish("radar");
    await arrived(chat, [tag]);
    expect(withTag(chat, tag)[0]?.message_thread_id).toBeUndefined();
    await h.tg.waitForMessage((m) => m.chat_id === chat && m.text.includes("“Radar” is closed"));
  }, 60_000);

  it("a member who is not an admin is refused, by command and by button; the routes stay", async () => {
    const chat = await group();
    const topic = h.tg.createTopic(chat, "Mine");
    const refused = await inTopic(MEMBER, chat, topic, "/route here all");
    expect(refused.text).toBe("🔒 Only the group's admins can change where alerts go. Ask one of them.");
    const menu = await inTopic(ADMIN, chat, topic, "/route");
    expect(menu.text).toContain("Tap a button");
    await h.press(MEMBER, menu.message_id, "rt:whales");
    expect(h.tg.callbackAnswers().at(-1)).toMatchObject({
      text: expect.stringContaining("Only the group's admins"),
    });
    expect(await h.stores.routes.get(chat)).toBeNull();
    // The admin's press moves whales here, and the menu shows it.
    await h.press(ADMIN, menu.message_id, "rt:whales");
    expect((await h.stores.routes.get(chat))?.topics.whale_trade?.threadId).toBe(topic);
    const edited = () => h.tg.messages(chat).find((m) => m.message_id === menu.message_id)?.text ?? "";
    await h.tg.waitUntil(() => edited().includes("🐋 Whales → topic #"), { what: "the menu edited" });
  }, 60_000);

  it("a chat without topics says how to get them, and unknown names get the list", async () => {
    const chat = await group({ forum: false });
    const [noTopics] = await h.ask(ADMIN, "/route here whales", { chatId: chat });
    expect(noTopics?.text).toContain("This chat has no topics");
    const forum = await group();
    const topic = h.tg.createTopic(forum, "X");
    const unknown = await inTopic(ADMIN, forum, topic, "/route here moon");
    expect(unknown.text).toBe(
      "I don't know “moon”. Names: liquidations, whales, radar, etf, transfers, rules, digest, or <code>all</code>. Example: <code>/route here liquidations</code>",
    );
  }, 60_000);
});

describe("personal alerts and Indonesian", () => {
  it("a chat in Indonesian routes its personal alerts (rules) to a topic; they keep their buttons", async () => {
    const chat = await group();
    await h.ask(ADMIN, "/lang id", { chatId: chat });
    const topic = h.tg.createTopic(chat, "Alert saya");
    const set = await inTopic(ADMIN, chat, topic, "/route here aturan");
    expect(set.text).toBe("✅ 🎯 Aturan pribadi → topik “Alert saya”.");
    await h.ask(ADMIN, "/alert BTC price > 100000", { chatId: chat });
    const [row] = await h.stores.rules.list(chat);
    const rule = row!.rule;
    const at = Date.now();
    await h.stores.alerts.publish({
      ...makeAlert({
        kind: "rule",
        symbol: "BTC",
        side: "mixed",
        usd: 0,
        price: 100_250,
        first_at: at,
        last_at: at,
      }),
      chat_id: chat,
      rule_id: rule.id,
      detail: { rule, seq: 1, value: 100_250, level: 100_000, previous: 99_870, change24hPct: 2.46 },
    });
    const fired = await h.tg.waitForMessage((m) => m.chat_id === chat && m.text.includes("#MyAlert"), {
      timeoutMs: 30_000,
    });
    expect(fired.message_thread_id).toBe(topic);
    expect(JSON.stringify(fired.reply_markup)).toContain("run:raw:BTC");
  }, 60_000);
});

describe("a linked channel", () => {
  const CHANNEL = -1002000000500;
  beforeAll(() => {
    h.tg.addChat({
      id: CHANNEL,
      type: "channel",
      title: "Desk feed",
      username: "desk_feed",
      members: { [ADMIN]: "creator" },
    });
  });

  it("is checked: the person must be an admin of the channel, the bot must be able to post", async () => {
    const chat = await group({ forum: false });
    const [notAdmin] = await h.ask(GROUP_ONLY_ADMIN, "/channel link @desk_feed", { chatId: chat });
    expect(notAdmin?.text).toBe("Only an administrator of “Desk feed” can link it here.");
    const [member] = await h.ask(MEMBER, "/channel link @desk_feed", { chatId: chat });
    expect(member?.text).toContain("Only the group's admins");
    const [missing] = await h.ask(ADMIN, "/channel link @nobody_feed", { chatId: chat });
    expect(missing?.text).toContain("I can't find @nobody_feed");
    expect(await h.stores.routes.get(chat)).toBeNull();
  }, 60_000);

  it("gets the chosen kinds; when the bot loses its rights the link pauses, the admin is told once", async () => {
    const chat = await group({ forum: false });
    const [linked] = await h.ask(ADMIN, "/channel link @desk_feed whales", { chatId: chat });
    expect(linked?.text).toBe("✅ Linked “Desk feed”. It gets: 🐋 Whales.");
    const whale = await publish("whale_trade");
    const liq = await publish("large_liquidation");
    await arrived(CHANNEL, [whale]);
    await arrived(chat, [liq]);
    expect(withTag(chat, whale)).toHaveLength(0);

    h.tg.setMember(CHANNEL, BOT_ID, { status: "administrator", can_post_messages: false });
    const after = [await publish("whale_trade"), await publish("whale_position")];
    await arrived(chat, after);
    const marker = await publish("whale_trade");
    await arrived(chat, [marker]);
    for (const tag of [...after, marker]) {
      expect(withTag(chat, tag)).toHaveLength(1);
      expect(withTag(CHANNEL, tag)).toHaveLength(0);
    }
    await h.tg.waitForMessage((m) => m.chat_id === chat && m.text.startsWith("⚠️"));
    const notices = h.tg.messages(chat).filter((m) => m.text.startsWith("⚠️"));
    expect(notices).toHaveLength(1);
    expect(notices[0]?.text).toContain(
      "I can no longer post to the channel “Desk feed” (Telegram: Bad Request: need administrator rights in the channel chat)",
    );
    expect((await h.stores.routes.get(chat))?.channel).toMatchObject({ active: false });
    const [status] = await h.ask(ADMIN, "/channel", { chatId: chat });
    expect(status?.text).toContain("“Desk feed” is paused");
    h.tg.setMember(CHANNEL, BOT_ID, "administrator");
  }, 90_000);
});
