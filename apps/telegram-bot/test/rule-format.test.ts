import type { Alert, Rule, RuleCondition, RuleRepeat } from "@teleglas/market-data-core";
import { describe, expect, it } from "vitest";
import { formatRuleAlert, ruleAlertKeyboard } from "../src/format/rule-alert.js";
import { createI18n, translatorFor } from "../src/i18n/index.js";
import { rulesEn } from "../src/i18n/rules-en.js";
import { rulesId } from "../src/i18n/rules-id.js";

const i18n = createI18n();
const en = translatorFor(i18n, "en");
const id = translatorFor(i18n, "id");
const AT = Date.UTC(2026, 11, 3, 7, 30, 5);

function fired(
  condition: RuleCondition,
  o: {
    repeat?: RuleRepeat;
    note?: string;
    value: number;
    level: number | null;
    previous?: number;
    usd?: number;
    price?: number | null;
    change?: number | null;
    side?: Alert["side"];
    symbol?: string;
    walletEvent?: "open" | "close" | "flip" | "add";
  },
): Alert {
  const rule: Rule = {
    id: "k3x9q2",
    chatId: 1001,
    condition,
    repeat: o.repeat ?? { mode: "every", band: 500 },
    expiresAt: null,
    note: o.note ?? null,
    paused: false,
    createdAt: AT - 86_400_000,
    updatedAt: AT - 86_400_000,
  };
  return {
    id: `rule-1001-k3x9q2-1`,
    kind: "rule",
    symbol: o.symbol ?? ("symbol" in condition && condition.symbol ? condition.symbol : "BTC"),
    side: o.side ?? "mixed",
    usd: o.usd ?? 0,
    count: 1,
    window_s: 0,
    exchanges: [],
    price: o.price === undefined ? 100_250.5 : o.price,
    first_at: AT,
    last_at: AT,
    severity: "info",
    chat_id: 1001,
    rule_id: rule.id,
    detail: {
      rule,
      seq: 1,
      value: o.value,
      level: o.level,
      previous: o.previous ?? null,
      change24hPct: o.change === undefined ? 3.21 : o.change,
      ...(o.walletEvent ? { walletEvent: o.walletEvent } : {}),
    },
  };
}

const btcAbove = fired(
  { kind: "price", symbol: "BTC", op: "above", level: 100_000 },
  { value: 100_250.5, level: 100_000, note: "take profit <50%" },
);

describe("the fired-rule message", () => {
  it("says which rule fired, the value that crossed, the level, the figures and the note (en)", () => {
    expect(formatRuleAlert(btcAbove, en, AT + 60_000, "en")).toBe(
      [
        "🔔 <b>Your alert — BTC</b>",
        "🎯 Price crossed above <b>$100,000</b>: now <b>$100,250.5</b>",
        "💲 Now $100,250.5 · 24h +3.21%",
        "📝 take profit &lt;50%",
        "🕒 2026-12-03 07:30:05 UTC (1 min ago)",
        "<i>Rule: BTC price above $100,000 · every crossing</i>",
        "#BTC #MyAlert",
      ].join("\n"),
    );
  });

  it("reads the same in Indonesian", () => {
    expect(formatRuleAlert(btcAbove, id, AT + 60_000, "id")).toBe(
      [
        "🔔 <b>Alert Anda — BTC</b>",
        "🎯 Harga menembus di atas <b>$100,000</b>: sekarang <b>$100,250.5</b>",
        "💲 Sekarang $100,250.5 · 24j +3.21%",
        "📝 take profit &lt;50%",
        "🕒 2026-12-03 07:30:05 UTC (1 mnt lalu)",
        "<i>Aturan: Harga BTC di atas $100,000 · setiap kali menembus</i>",
        "#BTC #MyAlert",
      ].join("\n"),
    );
  });

  it("each kind names its own figure; missing figures are n/a or left out, never 0", () => {
    const line = (a: Alert) => formatRuleAlert(a, en, AT, "en").split("\n")[1];
    const move = fired(
      { kind: "move", symbol: "ETH", window: "1h", direction: "either", pct: 5 },
      { value: -5.42, level: 5 },
    );
    expect(line(move)).toBe("⚡ Price moved <b>-5.42%</b> within 1h (your level ±5%)");
    const oi = fired(
      { kind: "oi", symbol: "BTC", window: "4h", direction: "up", pct: 3, exchange: "Binance" },
      { value: 3.4, level: 3 },
    );
    expect(line(oi)).toBe("📊 Open interest moved <b>+3.4%</b> within 4h on Binance (your level +3%)");
    const funding = fired(
      { kind: "funding", symbol: "SOL", op: "above", level: 0.05, exchange: null },
      { value: 0.0612, level: 0.05 },
    );
    expect(line(funding)).toBe(
      "💸 Funding crossed above <b>0.0500%</b> per 8 h (OI-weighted average): now <b>0.0612%</b>",
    );
    const flip = fired(
      { kind: "funding", symbol: "SOL", op: "flip", level: 0, exchange: "OKX" },
      { value: 0.005, level: 0, previous: -0.01 },
    );
    expect(line(flip)).toBe("💸 Funding flipped sign on OKX: <b>-0.0100%</b> → <b>0.0050%</b> per 8 h");
    const liq = fired(
      { kind: "liquidations", symbol: "BTC", window: "1h", side: "longs", usd: 10e6 },
      { value: 12.3e6, level: 10e6, usd: 12.3e6 },
    );
    expect(line(liq)).toBe("💥 Long liquidations reached <b>$12.3M</b> within 1h (your level $10M)");
    const ls = fired(
      { kind: "long_short", symbol: "BTC", op: "below", level: 0.8 },
      { value: 0.78, level: 0.8 },
    );
    expect(line(ls)).toBe("⚖️ Long/short ratio crossed below <b>0.8</b>: now <b>0.78</b>");
    const wallet = fired(
      {
        kind: "wallet",
        address: "0x8c5865689eabe45645fa034e53d0c9995dccb9c9",
        events: ["open"],
        symbol: null,
      },
      { value: 2.5e6, level: null, symbol: "ETH", side: "short", walletEvent: "open", usd: 2.5e6 },
    );
    expect(line(wallet)).toBe("👛 Wallet <code>0x8c58…b9c9</code> opened a <b>$2.5M</b> ETH short");
    // A closed position has no value left: the message does not invent one.
    const closed = fired(
      {
        kind: "wallet",
        address: "0x8c5865689eabe45645fa034e53d0c9995dccb9c9",
        events: ["close"],
        symbol: null,
      },
      { value: Number.NaN, level: null, symbol: "ETH", side: "long", walletEvent: "close" },
    );
    expect(line({ ...closed, detail: { ...closed.detail, value: null } })).toBe(
      "👛 Wallet <code>0x8c58…b9c9</code> closed its ETH long",
    );
    const noFigures = fired(
      { kind: "price", symbol: "BTC", op: "above", level: 1 },
      {
        value: 2,
        level: 1,
        price: null,
        change: null,
      },
    );
    expect(formatRuleAlert(noFigures, en, AT, "en")).not.toContain("💲");
  });

  it("a once rule says it is done, and offers only the snapshot", () => {
    const once = fired(
      { kind: "price", symbol: "BTC", op: "above", level: 100_000 },
      {
        value: 100_100,
        level: 100_000,
        repeat: { mode: "once" },
      },
    );
    expect(formatRuleAlert(once, en, AT, "en")).toContain(
      "✔️ This alert was set to fire once; it is done now.",
    );
    expect(ruleAlertKeyboard(once, en)?.inline_keyboard).toEqual([
      [{ text: "📊 Open BTC snapshot", callback_data: "run:raw:BTC" }],
    ]);
  });

  it("buttons: pause this alert, open snapshot (in the chat's language)", () => {
    expect(ruleAlertKeyboard(btcAbove, en)?.inline_keyboard).toEqual([
      [
        { text: "⏸ Pause this alert", callback_data: "rf:p:k3x9q2" },
        { text: "📊 Open BTC snapshot", callback_data: "run:raw:BTC" },
      ],
    ]);
    expect(
      ruleAlertKeyboard(btcAbove, id)
        ?.inline_keyboard.flat()
        .map((b) => b.text),
    ).toEqual(["⏸ Jeda alert ini", "📊 Buka ringkasan BTC"]);
  });

  it("an alert whose detail is not a fired rule still reads as a message", () => {
    const odd = { ...btcAbove, detail: { something: "else" } };
    const text = formatRuleAlert(odd, en, AT, "en");
    expect(text).toContain("🔔 <b>Your alert — BTC</b>");
    expect(text).toContain("💲 Now $100,250.5");
  });
});

describe("personal-alert strings", () => {
  it("English and Indonesian have the same keys", () => {
    const keys = (s: string) => [...s.matchAll(/^([a-z0-9_-]+) =/gm)].map((m) => m[1]).sort();
    expect(keys(rulesId)).toEqual(keys(rulesEn));
  });
});
