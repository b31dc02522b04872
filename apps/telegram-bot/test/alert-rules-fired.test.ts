import type { SentMessage } from "@teleglas/fake-telegram";
import type { Alert, Rule } from "@teleglas/market-data-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ALLOWED, type Harness, startHarness } from "./harness.js";

let h: Harness;
let nextUser = 40;
const user = () => ALLOWED[nextUser++]!;

beforeAll(async () => {
  h = await startHarness({ perChatPerSecond: 5, env: { BOT_USER_RATE: "40" } });
});
afterAll(async () => {
  await h?.close();
});

type Button = { text: string; callback_data?: string };
const buttons = (m: SentMessage | undefined) =>
  ((m?.reply_markup as { inline_keyboard?: Button[][] } | undefined)?.inline_keyboard ?? []).flat();

/** The alert the worker publishes when `rule` crosses (as the evaluator builds it). */
function firedAlert(rule: Rule, value: number, at = Date.now()): Alert {
  return {
    id: `rule-${rule.chatId}-${rule.id}-1`,
    kind: "rule",
    symbol: "BTC",
    side: "mixed",
    usd: 0,
    count: 1,
    window_s: 0,
    exchanges: [],
    price: value,
    first_at: at,
    last_at: at,
    severity: "info",
    chat_id: rule.chatId,
    rule_id: rule.id,
    detail: { rule, seq: 1, value, level: 100_000, previous: 99_870, change24hPct: 2.46 },
  };
}

async function ruleOf(u: number, line: string): Promise<Rule> {
  await h.ask(u, line);
  const [r] = await h.stores.rules.list(u);
  return r!.rule;
}

describe("a fired personal alert", () => {
  it("reaches its chat only, says what crossed, and its buttons pause the rule and open the snapshot", async () => {
    const [u, other] = [user(), user()];
    await h.ask(other, "/subscribe"); // every coin, every kind: still not someone else's rule
    const rule = await ruleOf(u, "/alert BTC price > 100000 every note take profit");
    await h.stores.alerts.publish(firedAlert(rule, 100_250.5));
    const msg = await h.tg.waitForMessage((m) => m.chat_id === u && m.text.includes("Your alert"));
    expect(msg.text).toMatch(
      new RegExp(
        [
          "^🔔 <b>Your alert — BTC</b>",
          "🎯 Price crossed above <b>\\$100,000</b>: now <b>\\$100,250.5</b>",
          "💲 Now \\$100,250.5 · 24h \\+2.46%",
          "📝 take profit",
          "🕒 \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d UTC \\(just now\\)",
          "<i>Rule: BTC price above \\$100,000 · every crossing</i>",
          "#BTC #MyAlert$",
        ].join("\\n"),
      ),
    );
    expect(buttons(msg)).toEqual([
      { text: "⏸ Pause this alert", callback_data: `rf:p:${rule.id}` },
      { text: "📊 Open BTC snapshot", callback_data: "run:raw:BTC" },
    ]);

    await h.press(u, msg.message_id, `rf:p:${rule.id}`);
    expect(h.tg.callbackAnswers().at(-1)?.text).toBe("⏸ Paused. /alerts to resume.");
    await h.tg.waitUntil(
      () =>
        buttons(h.tg.messages(u).find((m) => m.message_id === msg.message_id))[0]?.callback_data ===
        `rf:r:${rule.id}`,
    );
    expect((await h.stores.rules.get(u, rule.id))?.rule.paused).toBe(true);

    await h.press(u, msg.message_id, "run:raw:BTC");
    await h.tg.waitForMessage((m) => m.chat_id === u && m.text.includes("BTC</b> — raw snapshot"));
    expect(h.tg.messages(other).filter((m) => m.text.includes("Your alert"))).toEqual([]);
  });

  it("speaks the chat's language, also when the chat never subscribed to market alerts", async () => {
    const u = user();
    await h.ask(u, "/lang id");
    const rule = await ruleOf(u, "/alert BTC price > 100000");
    await h.stores.alerts.publish(firedAlert(rule, 100_250.5));
    const msg = await h.tg.waitForMessage((m) => m.chat_id === u && m.text.includes("Alert Anda"));
    expect(msg.text).toContain("🎯 Harga menembus di atas <b>$100,000</b>: sekarang <b>$100,250.5</b>");
    expect(msg.text).toContain("💲 Sekarang $100,250.5 · 24j +2.46%");
    expect(msg.text).toContain("✔️ Alert ini diatur sekali saja; kini selesai.");
    // A once rule is done: the only button left is the snapshot.
    expect(buttons(msg).map((b) => b.text)).toEqual(["📊 Buka ringkasan BTC"]);
  });
});
