import type { SentMessage } from "@teleglas/fake-telegram";
import { describe, expect, it } from "vitest";
import { ALLOWED, startHarness } from "./harness.js";

const WALLET = "0x8c5865689eabe45645fa034e53d0c9995dccb9c9";
type Button = { text: string; callback_data?: string };
const buttons = (m: SentMessage | undefined) =>
  ((m?.reply_markup as { inline_keyboard?: Button[][] } | undefined)?.inline_keyboard ?? []).flat();

describe("the CoinGlass plan", () => {
  it("a rule the plan cannot evaluate is refused naming the plan it needs; the flow marks it 🔒", async () => {
    const small = await startHarness({ plan: "hobbyist", env: { BOT_USER_RATE: "40" } });
    try {
      const u = ALLOWED[59]!;
      const [wallet] = await small.ask(u, `/alert ${WALLET} wallet`);
      expect(wallet?.text).toBe(
        "🔒 Hyperliquid wallet alerts need the CoinGlass Startup plan or above; this bot uses Hobbyist.",
      );
      const [price] = await small.ask(u, "/alert BTC price > 100000");
      expect(price?.text).toBe(
        "🔒 Price alerts need the CoinGlass Standard plan or above; this bot uses Hobbyist.",
      );
      // Funding on one exchange comes from a list every plan has.
      const [funding] = await small.ask(u, "/alert BTC funding > 0.05% on binance");
      expect(funding?.text).toContain("✅ <b>Alert set:</b> BTC funding above 0.0500% per 8 h on Binance");
      expect(await small.stores.rules.count(u)).toBe(1);
      const [start] = await small.ask(u, "/alert");
      await small.press(u, start!.message_id, "aw:-:c:BTC");
      await small.tg.waitUntil(() =>
        small.tg
          .messages(u)
          .find((m) => m.message_id === start!.message_id)!
          .text.includes("what should I watch"),
      );
      const kinds = buttons(small.tg.messages(u).find((m) => m.message_id === start!.message_id)).map(
        (b) => b.text,
      );
      expect(kinds).toEqual([
        "🔒 Price",
        "🔒 Pump / dump",
        "🔒 Open interest",
        "Funding",
        "🔒 Liquidations",
        "🔒 Long/short ratio",
      ]);
      // Below Standard the funding presets watch Binance, which the plan has.
      await small.press(u, start!.message_id, "aw:-:k:BTC funding");
      const levels = () => small.tg.messages(u).find((m) => m.message_id === start!.message_id)!;
      await small.tg.waitUntil(() => levels().text.includes("pick a level"));
      expect(buttons(levels())[0]?.callback_data).toBe("aw:-:l:BTC funding > 0.05% on binance");
    } finally {
      await small.close();
    }
  });
});

describe("configuration", () => {
  it("a bad PERSONAL_ALERTS_PER_CHAT stops the bot at start, naming the variable", async () => {
    const { loadConfig } = await import("../src/config.js");
    expect(() => loadConfig({ PERSONAL_ALERTS_PER_CHAT: "0" })).toThrow(/PERSONAL_ALERTS_PER_CHAT/);
    expect(loadConfig({}).rulesPerChat).toBe(50);
  });
});
