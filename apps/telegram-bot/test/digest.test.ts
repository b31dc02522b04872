import type { SentMessage } from "@teleglas/fake-telegram";
import { initialRuleState } from "@teleglas/market-data-core";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { pct, price, rate } from "../src/format/numbers.js";
import { ALLOWED, type Harness, startHarness } from "./harness.js";
import { makeAlert } from "./helpers.js";

/**
 * Digests end to end: Redis, BullMQ job schedulers, the simulator and the fake Bot API, on one
 * day of a Jakarta (UTC+7) clock. The clock is set, not waited for: only `Date` is faked (it
 * keeps running from wherever it was set), so BullMQ's scheduler and our period arithmetic see
 * the same time, and timers and sockets run for real. BullMQ's worker re-checks delayed jobs
 * at most 10 s apart, which bounds each wait below.
 */
const local = (hhmmss: string) => new Date(`2026-12-04T${hhmmss}+07:00`).getTime();
const [A, B, C, D, E, G, H, I] = ALLOWED.slice(0, 8) as [
  number,
  number,
  number,
  number,
  number,
  number,
  number,
  number,
];
/** A forum group whose digests an admin routes to a topic, and its owner. */
const FORUM = -1002000000500;
const OWNER = ALLOWED[20] as number;
let digestTopic = 0;
const WAIT = { timeoutMs: 15_000 };
/** What Telegram shows of an HTML message: no tags, entities decoded. */
const plain = (html: string) =>
  html
    .replace(/<[^>]+>/g, "")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
/** The chat's digests, as Telegram shows them. */
const digests = (h: Harness, chatId: number): SentMessage[] =>
  h.tg
    .messages(chatId)
    .map((m) => ({ ...m, text: plain(m.text) }))
    .filter((m) => /^📰 (Digest|Ringkasan) ·/.test(m.text));

describe("digests", () => {
  let h: Harness;
  beforeAll(async () => {
    vi.useFakeTimers({ toFake: ["Date"], shouldAdvanceTime: true });
    vi.setSystemTime(local("05:50:00"));
    h = await startHarness();
  }, 30_000);
  afterAll(async () => {
    await h?.close();
    vi.useRealTimers();
  });

  const until = async (chatId: number, count: number, what: string) =>
    h.tg.waitUntil(() => digests(h, chatId).length >= count, { ...WAIT, what });

  it("sets digests by one line and answers bad input with an example", async () => {
    for (const id of [A, B, C, D, G, H, I]) await h.ask(id, "/settings tz Asia/Jakarta"); // quiet 22–07
    await h.ask(E, "/settings quiet 01:00 02:00 silent Asia/Jakarta");
    // A forum whose admin sends digests to a topic of their own ("digest" is a routing kind).
    h.tg.addChat({
      id: FORUM,
      type: "supergroup",
      title: "Desk",
      forum: true,
      members: { [OWNER]: "creator" },
    });
    await h.ask(OWNER, "/settings tz Asia/Jakarta", { chatId: FORUM });
    digestTopic = h.tg.createTopic(FORUM, "Digests");
    const before = h.tg.messages(FORUM).length;
    h.tg.injectMessage({ userId: OWNER, chatId: FORUM, text: "/route here digest", threadId: digestTopic });
    await h.tg.waitUntil(() => h.tg.messages(FORUM).length > before, { what: "the /route answer" });
    await h.ask(OWNER, "/digest daily 08:00", { chatId: FORUM });
    await h.ask(B, "/lang id");
    const [set] = await h.ask(A, "/digest daily 08:00");
    expect(set?.text).toContain("daily at 08:00 (Asia/Jakarta)");
    expect(set?.text).toContain("Next: Fri 04 Dec 08:00");
    expect(set?.text).toContain("In quiet hours: wait until they end");
    await h.ask(B, "/digest daily 8:00");
    await h.ask(C, "/digest daily 06:00");
    await h.ask(D, "/digest daily 06:00");
    const [skip] = await h.ask(D, "/digest quiet skip");
    expect(skip?.text).toContain("In quiet hours: skip that digest");
    await h.ask(E, "/digest daily 06:00");
    await h.ask(G, "/digest every 4h");
    // The guided way: /digest alone shows buttons; one press sets it, the menu edits in place.
    const [menu] = await h.ask(I, "/digest");
    expect(menu?.text).toContain("No digest in this chat.");
    expect(JSON.stringify(menu?.reply_markup)).toContain('"callback_data":"dg:e:4"');
    await h.press(I, menu!.message_id, "dg:e:4");
    const shown = () => h.tg.messages(I).find((m) => m.message_id === menu!.message_id)?.text ?? "";
    await h.tg.waitUntil(() => shown().includes("every 4 h (Asia/Jakarta)"), { what: "the menu edited" });
    expect((await h.stores.subscriptions.get(I))?.digest?.schedule).toEqual({ type: "every", hours: 4 });
    const [bad] = await h.ask(H, "/digest every 5h");
    expect(bad?.text).toContain("Every 1, 2, 3, 4, 6, 8 or 12 hours, e.g.");
    const [badTime] = await h.ask(H, "/digest daily 25:00");
    expect(badTime?.text).toContain("/digest daily 08:00");
    const [badId] = await h.ask(B, "/digest tiap jam");
    expect(badId?.text).toContain("Bukan pengaturan ringkasan. Contoh:");
  }, 60_000);

  it("holds a digest due in quiet hours until they end, or skips it, as the chat chose", async () => {
    vi.setSystemTime(local("05:59:59"));
    await until(E, 1, "E's 06:00 digest (no quiet hours then)");
    expect(digests(h, C)).toHaveLength(0); // waits for 07:00
    expect(digests(h, D)).toHaveLength(0); // skipped
    vi.setSystemTime(local("06:59:59"));
    await until(C, 1, "C's 06:00 digest once quiet hours end");
    expect(digests(h, C)[0]!.text).toContain("· 06:00 (Asia/Jakarta)");
    expect(digests(h, C)[0]!.at).toBeGreaterThanOrEqual(local("07:00:00"));
    expect(digests(h, D)).toHaveLength(0);
  }, 60_000);

  it("sends the 08:00 digest once, with the figures of the core services, in en and id", async () => {
    const at = { first_at: local("06:30:00"), last_at: local("06:30:00") };
    const liq = makeAlert({ kind: "large_liquidation", symbol: "ETH", side: "long", usd: 4_200_000, ...at });
    const whale = makeAlert({ kind: "whale_trade", symbol: "BTC", side: "buy", usd: 3_100_000, ...at });
    // Before the period (07:59 yesterday): not in this digest.
    const old = local("07:59:00") - 86_400_000;
    const before = { first_at: old, last_at: old };
    await h.stores.alerts.publish(makeAlert({ kind: "large_liquidation", usd: 9e9, ...before }));
    // A personal rule of A's that fired at 06:45, as the worker's evaluator records it.
    const made = await h.stores.rules.create({
      chatId: A,
      condition: { kind: "price", symbol: "BTC", op: "above", level: 80_000 },
      repeat: { mode: "once" },
      note: "breakout",
    });
    if (!made.ok) throw new Error("rule not created");
    const fired = { ruleId: made.rule.id, at: local("06:45:00"), value: 80_120, seq: 1 };
    await h.stores.rules.saveState(A, made.rule.id, { ...initialRuleState(), fresh: false, seq: 1 }, fired);
    await h.stores.alerts.publish(liq);
    await h.stores.alerts.publish(whale);
    vi.setSystemTime(local("07:59:59"));
    await until(A, 1, "A's 08:00 digest");
    await until(B, 1, "B's 08:00 digest");
    await until(G, 1, "G's 08:00 digest (every 4 h)");
    await until(FORUM, 1, "the forum's 08:00 digest");
    expect(digests(h, FORUM).map((m) => m.message_thread_id)).toEqual([digestTopic]);
    const en = digests(h, A)[0]!.text;
    expect(en).toContain("📰 Digest · 08:00 (Asia/Jakarta)");
    expect(en).toContain("Since Thu 03 Dec 08:00");
    expect(en).toContain("Default coins — pick yours with /subscribe BTC ETH");
    for (const coin of ["BTC", "ETH", "SOL"]) {
      const raw = (await h.core.market.getRaw(coin)).data;
      expect(en).toContain(`${coin} ${price(raw.price.lastUsd)} (${pct(raw.price.changePct["24h"])})`);
      expect(en).toContain(
        `Funding /8h ${rate(raw.funding.average.per8hPct)} · OI 24h ${pct(raw.openInterest.changePct["24h"])}`,
      );
    }
    expect(en).toContain("💥 ETH · Long liquidated: $4.2M · 06:30");
    expect(en).toContain("🐋 BTC · Buy $3.1M · 06:30");
    expect(en).not.toContain("$9B");
    expect(en).toContain("Next 24 h · high importance");
    expect(en).toContain("🔔 Your rules that fired\n🔔 BTC price above $80,000 · breakout · 06:45");
    const id = digests(h, B)[0]!.text;
    expect(id).toContain("📰 Ringkasan · 08:00 (Asia/Jakarta)");
    expect(id).toContain("Daftar pantau");
    expect(id).toContain("Likuidasi terbesar");
    expect(id).toContain("Funding /8j");
    expect(id).not.toContain("Aturanmu yang terpicu"); // B has no rules: no section
  }, 60_000);

  it("does not send a period again after a restart; off stops it; every 4 h goes on", async () => {
    await h.restartBot();
    await h.ask(H, "/digest daily 08:01");
    vi.setSystemTime(local("08:00:59"));
    await until(H, 1, "H's 08:01 digest from the restarted bot");
    for (const id of [A, B, C, E, G, I, FORUM]) expect(digests(h, id)).toHaveLength(1);
    const [off] = await h.ask(I, "/digest off");
    expect(off?.text).toContain("No digest in this chat.");
    vi.setSystemTime(local("11:59:59"));
    await until(G, 2, "G's 12:00 digest");
    expect(digests(h, G)[1]!.text).toContain("· 12:00 (Asia/Jakarta)");
    expect(digests(h, G)[1]!.text).toContain("Since 08:00");
    expect(digests(h, I)).toHaveLength(1);
    expect(digests(h, D)).toHaveLength(0);
  }, 60_000);
});
