import { spawn } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { defaultSubscription } from "@teleglas/market-data-core";
import { waitFor } from "@teleglas/market-data-core/testing";
import { afterEach, describe, expect, it } from "vitest";
import { ALLOWED, type Harness, startHarness } from "./harness.js";
import { makeAlert } from "./helpers.js";

let h: Harness | null = null;
afterEach(async () => {
  await h?.close();
  h = null;
});

const countByChat = (hh: Harness, chatIds: number[], match: (text: string) => boolean) =>
  chatIds.map((id) => hh.tg.messages(id).filter((m) => match(m.text)).length);

describe("subscriptions end to end", () => {
  it("subscribe with the inline menu, then receive a matching alert exactly once", async () => {
    h = await startHarness();
    const u = ALLOWED[0]!;
    const [menu] = await h.ask(u, "/subscribe BTC");
    expect(menu?.text).toContain("Coins: BTC");
    await h.press(u, menu!.message_id, "sub:k:whale_trade");
    await h.press(u, menu!.message_id, "sub:m:100000");
    const edited = () => h!.tg.messages(u).find((m) => m.message_id === menu!.message_id)?.text ?? "";
    await h.tg.waitUntil(() => edited().includes("Minimum size: $100K"), { what: "the menu edited" });
    expect(edited()).not.toContain("Whales");

    const storm = makeAlert({ kind: "liquidation_storm", symbol: "BTC", usd: 12_000_000 });
    await h.stores.alerts.publish(storm);
    await h.stores.alerts.publish(
      makeAlert({ kind: "whale_trade", symbol: "BTC", side: "buy", usd: 5_000_000 }),
    );
    await h.stores.alerts.publish(makeAlert({ kind: "liquidation_storm", symbol: "ETH", usd: 9_000_000 }));
    await h.stores.alerts.publish(makeAlert({ kind: "liquidation_storm", symbol: "BTC", usd: 50_000 }));
    await h.stores.alerts.publish(storm); // the worker publishing twice changes nothing
    await h.tg.waitForMessage((m) => m.chat_id === u && m.text.includes("Liquidation storm — BTC"));
    await h.settled();
    const alerts = h.tg.messages(u).filter((m) => m.text.includes("#"));
    expect(alerts.map((m) => m.text.split("\n")[0])).toEqual(["🌪️ <b>Liquidation storm — BTC</b>"]);
    expect(alerts[0]?.text).toContain("$12M");

    const [list] = await h.ask(u, "/alerts");
    expect(list?.text).toContain("Coins: BTC");
    const [off] = await h.ask(u, "/unsubscribe BTC");
    expect(off?.text).toContain("no longer receive alerts");
    expect((await h.stores.subscriptions.get(u))?.active).toBe(false);
  });

  it("deactivates a chat that blocked the bot", async () => {
    h = await startHarness();
    const [a, b] = [ALLOWED[2]!, ALLOWED[3]!];
    await h.ask(a, "/subscribe");
    await h.ask(b, "/subscribe");
    h.tg.block(b);
    await h.stores.alerts.publish(makeAlert({ symbol: "SOL" }));
    await h.tg.waitForMessage((m) => m.chat_id === a && m.text.includes("SOL"));
    await h.tg.waitUntil(() => h!.tg.stats().status403 >= 1, { what: "the 403" });
    await waitFor(
      async () => (await h!.stores.subscriptions.get(b))?.active === false,
      "the chat deactivated",
    );
    expect(await h.stores.subscriptions.get(b)).toMatchObject({
      active: false,
      deactivatedReason: expect.stringContaining("blocked"),
    });
    expect((await h.stores.subscriptions.get(a))?.active).toBe(true);
  });

  it("deactivates a chat that removed the bot, and follows a group that became a supergroup", async () => {
    h = await startHarness();
    const u = ALLOWED[4]!;
    await h.ask(u, "/subscribe");
    await h.ask(u, "/subscribe", { chatId: -4242 });
    const date = Math.floor(Date.now() / 1000);
    const from = { id: u, is_bot: false, first_name: "Ana" };
    const bot = { id: 1_000_001, is_bot: true, first_name: "Teleglas Test" };
    h.tg.injectUpdate({
      my_chat_member: {
        chat: { id: u, type: "private", first_name: "Ana" },
        from,
        date,
        old_chat_member: { status: "member", user: bot },
        new_chat_member: { status: "kicked", user: bot, until_date: 0 },
      },
    });
    h.tg.injectUpdate({
      message: {
        message_id: 9,
        date,
        from,
        chat: { id: -4242, type: "group", title: "G" },
        migrate_to_chat_id: -1004242,
      },
    });
    await waitFor(
      async () => (await h!.stores.subscriptions.get(u))?.active === false,
      "the group deactivated",
    );
    expect((await h.stores.subscriptions.get(u))?.active).toBe(false);
    await waitFor(() => h!.stores.subscriptions.get(-1004242), "the supergroup's subscription");
    expect((await h.stores.subscriptions.get(-1004242))?.active).toBe(true);
    expect(await h.stores.subscriptions.get(-4242)).toBeNull();
  });

  it("a bot stopped mid-broadcast and restarted delivers to every recipient exactly once", {
    timeout: 40_000,
  }, async () => {
    h = await startHarness({ env: { BOT_GLOBAL_RATE: "10" } });
    const chats = Array.from({ length: 30 }, (_, i) => 50_000 + i);
    for (const id of chats) await h.stores.subscriptions.upsert(id, defaultSubscription(id, Date.now()));
    await h.stores.alerts.publish(makeAlert({ symbol: "ETH" }));
    const delivered = () => new Set(h!.tg.messages().map((m) => m.chat_id)).size;
    await h.tg.waitUntil(() => delivered() >= 8, { what: "the broadcast to start" });
    await h.stopBot();
    const atStop = h.tg.messages().length;
    expect(atStop).toBeLessThan(chats.length);
    await h.restartBot();
    await h.tg.waitUntil(() => delivered() === chats.length, { what: "every recipient", timeoutMs: 20_000 });
    await h.settled();
    expect(countByChat(h, chats, (t) => t.includes("ETH"))).toEqual(chats.map(() => 1));
  });

  it("a bot process killed (SIGKILL) mid-broadcast loses nothing; at most its one in-flight send repeats", {
    timeout: 60_000,
  }, async () => {
    h = await startHarness({
      env: { BOT_GLOBAL_RATE: "10" },
      startBot: false,
      delivery: { lockDurationMs: 2000, stalledIntervalMs: 1000 },
    });
    const chats = Array.from({ length: 30 }, (_, i) => 60_000 + i);
    for (const id of chats) await h.stores.subscriptions.upsert(id, defaultSubscription(id, Date.now()));
    const here = dirname(fileURLToPath(import.meta.url));
    // node with tsx as a loader (not the tsx CLI, which would put a wrapper process in between
    // and leave the real bot running when the wrapper is killed).
    const child = spawn(
      process.execPath,
      ["--import", "tsx", "--conditions=@teleglas/source", join(here, "fixtures/bot-process.ts")],
      {
        env: { ...process.env, ...h.env, TEST_PREFIX: h.prefix, TEST_SIM_URL: h.sim.restUrl },
        stdio: ["ignore", "pipe", "inherit"],
      },
    );
    try {
      await new Promise<void>((resolve, reject) => {
        child.stdout.on("data", (d: Buffer) => d.toString().includes("ready") && resolve());
        child.once("exit", (code) => reject(new Error(`bot process exited early (${code})`)));
      });
      await h.stores.alerts.publish(makeAlert({ symbol: "XRP" }));
      const delivered = () => new Set(h!.tg.messages().map((m) => m.chat_id)).size;
      await h.tg.waitUntil(() => delivered() >= 8, { what: "the broadcast to start", timeoutMs: 20_000 });
      child.kill("SIGKILL");
      await new Promise((r) => child.once("exit", r));
      expect(delivered()).toBeLessThan(chats.length);
      await h.restartBot();
      await h.tg.waitUntil(() => delivered() === chats.length, {
        what: "every recipient",
        timeoutMs: 25_000,
      });
      await h.settled();
      const counts = countByChat(h, chats, (t) => t.includes("XRP"));
      expect(counts.every((c) => c >= 1)).toBe(true);
      expect(counts.reduce((a, b) => a + b, 0) - chats.length).toBeLessThanOrEqual(1);
    } finally {
      if (child.exitCode === null) child.kill("SIGKILL");
    }
  });
});
