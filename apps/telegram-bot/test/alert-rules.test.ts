import type { SentMessage } from "@teleglas/fake-telegram";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ALLOWED, type Harness, startHarness } from "./harness.js";

let h: Harness;
let nextUser = 20;
const user = () => ALLOWED[nextUser++]!;
const WALLET = "0x8c5865689eabe45645fa034e53d0c9995dccb9c9";

beforeAll(async () => {
  // A flow is many presses in a row: more than the 8 per 10 s a user gets by default.
  h = await startHarness({
    perChatPerSecond: 5,
    env: { PERSONAL_ALERTS_PER_CHAT: "3", BOT_USER_RATE: "40" },
  });
});
afterAll(async () => {
  await h?.close();
});

type Button = { text: string; callback_data?: string };
const buttons = (m: SentMessage | undefined) =>
  ((m?.reply_markup as { inline_keyboard?: Button[][] } | undefined)?.inline_keyboard ?? []).flat();
const now = (chatId: number, messageId: number) =>
  h.tg.messages(chatId).find((m) => m.message_id === messageId) as SentMessage;
/** Press a button and wait until the message it sits under reads `until`. */
async function pressUntil(
  u: number,
  m: SentMessage,
  data: string,
  until: string | RegExp,
): Promise<SentMessage> {
  await h.press(u, m.message_id, data);
  const reads = () => {
    const text = now(u, m.message_id).text;
    return typeof until === "string" ? text.includes(until) : until.test(text);
  };
  await h.tg.waitUntil(reads, { what: `the message to read ${until}` });
  return now(u, m.message_id);
}
const rulesOf = async (u: number) => (await h.stores.rules.list(u)).map((r) => r.rule);

describe("/alert one-line forms", () => {
  it("each form creates the rule it says, in words a trader reads back", async () => {
    const forms: Array<[string, string, unknown]> = [
      [
        "/alert BTC price > 100000",
        "✅ <b>Alert set:</b> BTC price above $100,000 · once",
        { kind: "price", symbol: "BTC", op: "above", level: 100_000 },
      ],
      [
        "/alert eth move 5% 1h every",
        "✅ <b>Alert set:</b> ETH price moves ±5% within 1h · every crossing",
        { kind: "move", symbol: "ETH", direction: "either", pct: 5, window: "1h" },
      ],
      [
        "/alert SOL funding > 0.05% every 30m note crowded longs",
        "✅ <b>Alert set:</b> SOL funding above 0.0500% per 8 h (OI-weighted average) · at most every 30m",
        { kind: "funding", symbol: "SOL", op: "above", level: 0.05, exchange: null },
      ],
    ];
    const u = user();
    for (const [line, said, condition] of forms) {
      const [reply] = await h.ask(u, line);
      expect(reply?.text).toContain(said);
      expect(reply?.text).toContain("I'll post here when it fires.");
      expect(buttons(reply).map((b) => b.callback_data)).toEqual(["rl:g:0"]);
      expect((await rulesOf(u)).at(-1)?.condition).toEqual(condition);
    }
    const [eth, sol] = (await rulesOf(u)).slice(1);
    expect(eth?.repeat).toEqual({ mode: "every", band: 1 });
    expect(sol?.repeat).toMatchObject({ mode: "at_most", minutes: 30 });
    expect(sol?.note).toBe("crowded longs");

    const v = user();
    const more: Array<[string, string, unknown]> = [
      [
        "/alert BTC oi +3% 4h on binance",
        "BTC open interest moves +3% within 4h on Binance · once",
        { kind: "oi", symbol: "BTC", direction: "up", pct: 3, window: "4h", exchange: "Binance" },
      ],
      [
        "/alert BTC liq > 10m 1h longs for 7d",
        "BTC long liquidations over $10M within 1h · once",
        { kind: "liquidations", symbol: "BTC", window: "1h", side: "longs", usd: 10_000_000 },
      ],
      [
        `/alert ${WALLET} wallet`,
        "Wallet <code>0x8c58…b9c9</code> opens, closes, flips, adds · every change",
        { kind: "wallet", address: WALLET, events: ["open", "close", "flip", "add"], symbol: null },
      ],
    ];
    for (const [line, said, condition] of more) {
      const [reply] = await h.ask(v, line);
      expect(reply?.text).toContain(said);
      expect((await rulesOf(v)).at(-1)?.condition).toEqual(condition);
    }
    const liq = (await rulesOf(v))[1];
    expect(liq?.expiresAt).toBeGreaterThan(Date.now() + 6.9 * 86_400_000);
  });

  it("long/short and the dump form", async () => {
    const u = user();
    const [ls] = await h.ask(u, "/alert BTC ls < 0.8");
    expect(ls?.text).toContain("BTC long/short ratio below 0.8 · once");
    const [dump] = await h.ask(u, "/alert ETH dump 4% 15m");
    expect(dump?.text).toContain("ETH price moves −4% within 15m · once");
    expect((await rulesOf(u)).map((r) => r.condition.kind)).toEqual(["long_short", "move"]);
    // The same alert again (another spelling) is not stored twice: it would fire twice.
    const [again] = await h.ask(u, "/alert btc ratio below 0.8 once");
    expect(again?.text).toBe("This chat already has this alert: BTC long/short ratio below 0.8 · once");
    expect(await h.stores.rules.count(u)).toBe(2);
  });
});

describe("bad input", () => {
  it("answers what is wrong with an example, never a stack trace", async () => {
    const u = user();
    const [noOp] = await h.ask(u, "/alert BTC price 100000");
    expect(noOp?.text).toBe(
      "Say which way: <code>&gt;</code> (above) or <code>&lt;</code> (below).\nFor example: " +
        "<code>/alert BTC price &gt; 100000</code> or <code>/alert BTC price &lt; 90k</code>",
    );
    const [win] = await h.ask(u, "/alert ETH move 5% 2h");
    expect(win?.text).toContain(
      "“2h” is not a window this alert can watch.\nFor example: <code>/alert ETH move 5% 1h</code> — windows 5m, 15m, 1h, 4h, 24h",
    );
    const [kind] = await h.ask(u, "/alert BTC moon");
    expect(kind?.text).toContain("I don't know the alert kind “moon”.");
    expect(kind?.text).toContain("<code>/alert BTC oi +3% 4h</code>");
    const [wallet] = await h.ask(u, "/alert 0xabc wallet");
    expect(wallet?.text).toContain("“0xabc” is not a wallet address: it needs 0x and 40 hex digits.");
    const [extra] = await h.ask(u, "/alert BTC price > 1 asap&now");
    expect(extra?.text).toContain("I don't understand “asap&amp;now”.");
    expect(await rulesOf(u)).toEqual([]);
  });

  it("an unknown coin gets the resolver's suggestions as buttons that create the rule", async () => {
    const u = user();
    const [reply] = await h.ask(u, "/alert BTCC price > 100000");
    expect(reply?.text).toMatch(/^I don't know the coin BTCC — did you mean BTC/);
    const btc = buttons(reply).find((b) => b.text === "BTC");
    expect(btc?.callback_data).toBe("aw:-:r:BTC price > 100000 once");
    const done = await pressUntil(u, reply!, btc!.callback_data!, "Alert set");
    expect(done.text).toContain("BTC price above $100,000 · once");
    expect((await rulesOf(u)).map((r) => r.condition)).toEqual([
      { kind: "price", symbol: "BTC", op: "above", level: 100_000 },
    ]);
  });

  it("forged or stale buttons get a plain answer", async () => {
    const u = user();
    const [menu] = await h.ask(u, "/alert");
    await h.press(u, menu!.message_id, "aw:-:r:BTC price > lots once");
    const bad = await h.tg.waitForMessage((m) => m.chat_id === u && m.text.includes("“lots”"));
    expect(bad?.text).toContain(
      "“lots” is not a level I can use.\nFor example: <code>/alert BTC price &gt; 100000</code>",
    );
    await h.press(u, menu!.message_id, "rl:p:nosuchrule:0");
    expect(h.tg.callbackAnswers().at(-1)?.text).toBe("This alert no longer exists.");
    await h.press(u, menu!.message_id, "rf:p:nosuchrule");
    expect(h.tg.callbackAnswers().at(-1)?.text).toBe("This alert no longer exists.");
    expect(await rulesOf(u)).toEqual([]);
  });

  it("the per-chat limit is named, and nothing more is stored", async () => {
    const u = user();
    for (const level of [1, 2, 3]) await h.ask(u, `/alert BTC price > ${level}00000`);
    const [refused] = await h.ask(u, "/alert BTC price > 400000");
    expect(refused?.text).toBe(
      "🚫 This chat already has 3 alerts, the most it can have. Delete one in /alerts, then try again.",
    );
    expect(await h.stores.rules.count(u)).toBe(3);
  });
});

describe("the guided flow", () => {
  it("coin → kind → level → repeat by buttons, in one message", async () => {
    const u = user();
    const [start] = await h.ask(u, "/alert");
    expect(start?.text).toContain("🔔 <b>New alert</b> — which coin?");
    expect(start?.text).toContain("<code>/alert BTC oi +3% 4h</code>");
    expect(buttons(start).map((b) => b.text)).toEqual(["BTC", "ETH", "SOL", "XRP", "BNB", "DOGE"]);
    const kinds = await pressUntil(u, start!, "aw:-:c:ETH", "ETH</b> — what should I watch?");
    expect(buttons(kinds).map((b) => b.text)).toEqual([
      "Price",
      "Pump / dump",
      "Open interest",
      "Funding",
      "Liquidations",
      "Long/short ratio",
    ]);
    const levels = await pressUntil(u, start!, "aw:-:k:ETH price", "pick a level");
    const price = await h.sim.control.price("ETH");
    expect(levels.text).toContain("Now $");
    expect(levels.text).toContain("Any other level: send <code>/alert ETH price &gt; ");
    const up5 = buttons(levels)[1]!;
    const level = Number(price * 1.05).toPrecision(3);
    expect(up5.callback_data).toBe(`aw:-:l:ETH price > ${Number(level)}`);
    const repeat = await pressUntil(u, start!, up5.callback_data!, "how often?");
    expect(buttons(repeat).map((b) => b.text)).toEqual([
      "Once",
      "Every crossing",
      "At most every 15m",
      "At most every 1h",
    ]);
    const done = await pressUntil(u, start!, buttons(repeat)[1]!.callback_data!, "Alert set");
    expect(done.text).toMatch(/✅ <b>Alert set:<\/b> ETH price above \$[\d,]+ · every crossing/);
    const [rule] = await rulesOf(u);
    expect(rule?.condition).toEqual({ kind: "price", symbol: "ETH", op: "above", level: Number(level) });
    expect(rule?.repeat).toEqual({ mode: "every", band: Number(level) * 0.005 });
  });
});

describe("/alerts", () => {
  it("lists rules and market alerts; pause, resume, edit and delete in place", async () => {
    const u = user();
    await h.ask(u, "/alert BTC price > 100000 note take profit");
    await h.ask(u, "/alert ETH move 5% 1h every");
    const [list] = await h.ask(u, "/alerts");
    expect(list?.text).toContain("🔔 <b>Personal alerts</b> (2/3)");
    expect(list?.text).toContain("1. BTC price above $100,000 · once\n    📝 take profit");
    expect(list?.text).toContain("2. ETH price moves ±5% within 1h · every crossing");
    expect(list?.text).toContain(
      "📡 <b>Market alerts</b> (whales, liquidations): off. /subscribe turns them on.",
    );
    const [btc, eth] = (await rulesOf(u)).map((r) => r.id);
    expect(buttons(list).map((b) => b.callback_data)).toEqual([
      `rl:p:${btc}:0`,
      `rl:e:${btc}`,
      `rl:d:${btc}:0`,
      `rl:p:${eth}:0`,
      `rl:e:${eth}`,
      `rl:d:${eth}:0`,
      "rl:new",
      "rl:fixed",
    ]);
    const paused = await pressUntil(u, list!, `rl:p:${eth}:0`, "· ⏸ paused");
    expect(paused.text).toContain("2. ETH price moves ±5% within 1h · every crossing · ⏸ paused");
    expect(h.tg.callbackAnswers().at(-1)?.text).toBe("⏸ Paused. /alerts to resume.");
    expect((await h.stores.rules.get(u, eth!))?.rule.paused).toBe(true);
    expect(buttons(paused)[3]).toEqual({ text: "2 ▶️ Resume", callback_data: `rl:r:${eth}:0` });

    const resumed = await pressUntil(u, list!, `rl:r:${eth}:0`, /every crossing\n|every crossing$/);
    expect(resumed.text).not.toContain("paused");
    expect((await h.stores.rules.get(u, eth!))?.rule.paused).toBe(false);

    const edit = await pressUntil(u, list!, `rl:e:${btc}`, "pick a new level");
    const next = buttons(edit).find((b) => b.text.startsWith("▼"))!;
    const repeat = await pressUntil(u, list!, next.callback_data!, "how often?");
    const changed = await pressUntil(u, list!, buttons(repeat)[0]!.callback_data!, "Alert changed");
    expect(changed.text).toMatch(/Alert changed:<\/b> BTC price below \$[\d,]+ · once/);
    expect((await h.stores.rules.get(u, btc!))?.rule.condition).toMatchObject({ op: "below" });
    expect((await h.stores.rules.get(u, btc!))?.rule.note).toBe("take profit");

    const [again] = await h.ask(u, "/alerts");
    const deleted = await pressUntil(u, again!, `rl:d:${btc}:0`, "(1/3)");
    expect(deleted.text).not.toContain("BTC price");
    expect(h.tg.callbackAnswers().at(-1)?.text).toBe("🗑 Deleted.");
    expect(await h.stores.rules.count(u)).toBe(1);
  });
});

describe("/alerts pages", () => {
  it("eight alerts a page, with arrows between pages", async () => {
    const u = user();
    for (let i = 1; i <= 10; i++)
      await h.stores.rules.create(
        {
          chatId: u,
          condition: { kind: "price", symbol: "BTC", op: "above", level: i * 10_000 },
          repeat: { mode: "once" },
        },
        { maxPerChat: 50 },
      );
    const [list] = await h.ask(u, "/alerts");
    expect(list?.text).toContain("(10/3)");
    // Made within a millisecond or two, their order among themselves is the store's (id) order.
    expect(list?.text).toMatch(/\n8\. BTC price above \$\d+,000 · once/);
    expect(list?.text).not.toContain("\n9. ");
    expect(list?.text).toContain("<i>Page 1 of 2</i>");
    expect(buttons(list).map((b) => b.text)).toContain("▶️");
    const second = await pressUntil(u, list!, "rl:g:1", "Page 2 of 2");
    expect(second.text).toMatch(/\n9\. BTC price above \$\d+,000 · once\n10\. BTC price above/);
    expect(second.text).not.toContain("\n8. ");
    expect(buttons(second).map((b) => b.callback_data)).toContain("rl:g:0");
  });
});
