import { waitFor } from "@teleglas/market-data-core/testing";
import { BOT_GROUP } from "@teleglas/telegram-bot/delivery";
import { Queue } from "bullmq";
import { afterEach, describe, expect, it } from "vitest";
import { ALLOWED, type Harness, startHarness, startWorker } from "./helpers/bot-and-worker.js";

let h: Harness | null = null;
let stopWorker: (() => Promise<void>) | null = null;
afterEach(async () => {
  await stopWorker?.();
  stopWorker = null;
  await h?.close();
  h = null;
});

describe("a personal alert set in the bot, fired by the worker", () => {
  it("/alert BTC price > level; the simulator's BTC crosses it; each chat gets its message once, in its language", {
    timeout: 60_000,
  }, async () => {
    h = await startHarness({ perChatPerSecond: 5, env: { BOT_USER_RATE: "40" } });
    const worker = await startWorker(h, { WORKER_WATCHLIST: "BTC", RULES_POLL_S: "5" });
    stopWorker = () => worker.stop();
    const [u, v] = [ALLOWED[57]!, ALLOWED[58]!];
    const now = h.sim.control.price("BTC");
    const level = Math.round(now * 1.01);
    const [set] = await h.ask(u, `/alert BTC price > ${level} note breakout`);
    expect(set?.text).toContain("✅ <b>Alert set:</b> BTC price above $");
    await h.ask(v, "/lang id");
    await h.ask(v, `/alert BTC price > ${level} every note ambil untung`);
    await h.tg.waitUntil(() => worker.isLeader(), { what: "the worker to lead", timeoutMs: 15_000 });
    h.sim.control.setPrice({ symbol: "BTC", movePct: 3 });
    const fired = await h.tg.waitForMessage((m) => m.chat_id === u && m.text.includes("Your alert — BTC"), {
      timeoutMs: 30_000,
    });
    expect(fired.text).toContain("🎯 Price crossed above <b>$");
    expect(fired.text).toContain("📝 breakout");
    expect(fired.text).toContain("✔️ This alert was set to fire once; it is done now.");
    // The Indonesian chat's "every crossing" alert fired on the same move, in Indonesian; its
    // pause button pauses the rule.
    const id = await h.tg.waitForMessage((m) => m.chat_id === v && m.text.includes("Alert Anda — BTC"));
    expect(id.text).toContain("🎯 Harga menembus di atas <b>$");
    expect(id.text).toContain("Aturan: Harga BTC di atas $");
    const [rule] = await h.stores.rules.list(v);
    await h.press(v, id.message_id, `rf:p:${rule!.rule.id}`);
    expect((await h.stores.rules.get(v, rule!.rule.id))?.rule.paused).toBe(true);
    if (process.env["SHOW_FIRED"])
      console.log(`FIRED\n${fired.text}\n\n${id.text}\n${JSON.stringify(id.reply_markup)}`);
    const [list] = await h.ask(u, "/alerts");
    expect(list?.text).toContain("· once · ✔️ done");
    expect(h.tg.messages(u).filter((m) => m.text.includes("Your alert"))).toHaveLength(1);
  });

  it("mute and quiet hours apply to personal alerts: a muted chat gets nothing, a quiet one gets it silently", {
    timeout: 60_000,
  }, async () => {
    h = await startHarness({ perChatPerSecond: 5, env: { BOT_USER_RATE: "40" } });
    const worker = await startWorker(h, { WORKER_WATCHLIST: "BTC", RULES_POLL_S: "5" });
    stopWorker = () => worker.stop();
    const [loud, muted, quiet] = [ALLOWED[44]!, ALLOWED[45]!, ALLOWED[46]!];
    const level = Math.round(h.sim.control.price("BTC") * 1.01);
    for (const chat of [loud, muted, quiet]) await h.ask(chat, `/alert BTC price > ${level}`);
    await h.ask(muted, "/settings mute 2");
    // A quiet window around now (UTC), in "silent" mode: delivered without a notification sound.
    const hhmm = (ms: number) => new Date(ms).toISOString().slice(11, 16);
    await h.ask(
      quiet,
      `/settings quiet ${hhmm(Date.now() - 3_600_000)} ${hhmm(Date.now() + 3_600_000)} silent UTC`,
    );
    await h.tg.waitUntil(() => worker.isLeader(), { what: "the worker to lead", timeoutMs: 15_000 });
    h.sim.control.setPrice({ symbol: "BTC", movePct: 3 });
    const isFired = (chat: number) => (m: { chat_id: number; text: string }) =>
      m.chat_id === chat && m.text.includes("Your alert — BTC");
    const heard = await h.tg.waitForMessage(isFired(loud), { timeoutMs: 30_000 });
    const hushed = await h.tg.waitForMessage(isFired(quiet), { timeoutMs: 30_000 });
    expect(heard.disable_notification ?? false).toBe(false);
    expect(hushed.disable_notification).toBe(true);
    // The muted chat's rule fired too (its state says so) and its alert was consumed by the bot:
    // nothing more can arrive for it.
    const [rule] = await h.stores.rules.list(muted);
    await waitFor(
      async () => (await h!.stores.rules.get(muted, rule!.rule.id))?.state.seq === 1,
      "the muted rule to fire",
    );
    await waitFor(async () => (await h!.stores.alerts.depth(BOT_GROUP)) === 0, "the bot to take every alert");
    // Not even queued: no delivery job was made for the muted chat (completed jobs are kept an hour).
    const connection = h.redis.duplicate();
    const queue = new Queue("alert-delivery", { connection, prefix: `${h.prefix}bull` });
    try {
      const jobs = await queue.getJobs([
        "waiting",
        "active",
        "delayed",
        "completed",
        "failed",
        "prioritized",
      ]);
      const chats = jobs.map((j) => (j.data as { chatId: number }).chatId);
      expect(chats).toEqual(expect.arrayContaining([loud, quiet]));
      expect(chats).not.toContain(muted);
    } finally {
      await queue.close();
      connection.disconnect();
    }
    expect(h.tg.messages(muted).filter((m) => m.text.includes("Your alert"))).toEqual([]);
  });
});
