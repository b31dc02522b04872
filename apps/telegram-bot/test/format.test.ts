import { ALERT_KINDS, defaultSubscription } from "@teleglas/market-data-core";
import { describe, expect, it } from "vitest";
import { recipientsFor } from "../src/delivery/recipients.js";
import { jobIdOf, limiterWindow } from "../src/delivery/types.js";
import { formatAlert } from "../src/format/alert.js";
import { footer } from "../src/format/common.js";
import { ago, distancePct, escapeHtml, pct, price, rate, usd, utc } from "../src/format/numbers.js";
import { splitMessage } from "../src/format/split.js";
import { formatOrderbook, formatWhale } from "../src/format/whale.js";
import { createI18n, translatorFor } from "../src/i18n/index.js";
import { makeAlert } from "./helpers.js";

const i18n = createI18n();
const en = translatorFor(i18n, "en");
const id = translatorFor(i18n, "id");
const allOn = Object.fromEntries(ALERT_KINDS.map((k) => [k, true])) as Record<
  (typeof ALERT_KINDS)[number],
  boolean
>;

describe("numbers as traders read them", () => {
  it("formats dollars, prices, changes, funding and times, with n/a for missing values", () => {
    expect([usd(1_250_000), usd(980_000), usd(12_500_000_000), usd(-3_100), usd(740), usd(999_999)]).toEqual([
      "$1.25M",
      "$980K",
      "$12.5B",
      "-$3.1K",
      "$740",
      "$1M",
    ]);
    expect([price(97_120.5), price(3.45123), price(0.00001234)]).toEqual([
      "$97,120.5",
      "$3.4512",
      "$0.00001234",
    ]);
    expect([pct(3.4), pct(-0.123), pct(0), rate(0.01), rate(-0.0052)]).toEqual([
      "+3.4%",
      "-0.12%",
      "0%",
      "0.0100%",
      "-0.0052%",
    ]);
    // A level just below the price keeps its side (the liquidation map's clusters).
    expect([distancePct(-0.0186), distancePct(7.71), distancePct(-0.004), distancePct(0)]).toEqual([
      "-0.02%",
      "+7.7%",
      "-0.004%",
      "0%",
    ]);
    expect([usd(null), price(null), pct(undefined), rate(null)]).toEqual(["n/a", "n/a", "n/a", "n/a"]);
    expect(utc(Date.UTC(2026, 0, 2, 3, 4, 5))).toBe("2026-01-02 03:04 UTC");
    const now = Date.now();
    expect([ago(now - 180_000, now), ago(now - 180_000, now, "id"), ago(now + 7_200_000, now)]).toEqual([
      "3 min ago",
      "3 mnt lalu",
      "in 2 h",
    ]);
    expect(escapeHtml("<b>&")).toBe("&lt;b&gt;&amp;");
  });

  it("warns only about stale data, with its real reason and age, in both languages", () => {
    const now = Date.now();
    const meta = { cached: true, stale: true, ageMs: 600_000, asOf: now - 600_000, missing: [] };
    expect(footer({ ...meta, staleReason: "timeout" }, en, now, "en")).toContain(
      "⚠️ data may be stale (10 min old: CoinGlass did not answer in time)",
    );
    expect(footer({ ...meta, staleReason: "quota" }, en, now, "en")).toContain(
      "the CoinGlass request limit is reached",
    );
    expect(footer({ ...meta, staleReason: "upstream_error" }, id, now, "id")).toContain(
      "⚠️ data mungkin usang (umur 10 min: CoinGlass menjawab dengan galat)",
    );
    // Old but current (within its refresh window): no warning, just its age.
    const current = { ...meta, stale: false, staleReason: null, ageMs: 19_000 };
    expect(footer(current, en, now, "en")).not.toMatch(/stale|⚠️/);
    expect(footer(current, en, now, "en")).toContain("cached");
  });

  it("says what totals cover beside a shorter list, and n/a (not 0 or none) when they are missing", () => {
    const meta = { cached: false, stale: false, staleReason: null, ageMs: 0, asOf: 0, missing: [] };
    const wall = (i: number) => ({
      id: i,
      exchange: "Binance",
      pair: "BTCUSDT",
      priceUsd: 90_000 - i,
      side: "bid" as const,
      startUsd: 5e6,
      currentUsd: 5e6,
      currentQuantity: 50,
      startTime: null,
      currentTime: null,
      state: "open" as const,
    });
    const depth = { bidsUsd: 1, asksUsd: 1, imbalancePct: 0, time: 1 };
    const book = {
      symbol: "BTC",
      exchange: "Binance",
      pair: "BTCUSDT",
      rangePct: 1,
      walls: { bids: Array.from({ length: 25 }, (_, i) => wall(i)), asks: [] },
      wallTotals: { bids: { count: 143, usd: 715e6 }, asks: { count: 0, usd: null } },
      depth,
      depthHistory: [],
      aggregated: depth,
    };
    const ctx = { t: en, now: 0, lang: "en" as const };
    const text = formatOrderbook({ data: book, meta }, ctx);
    expect(text).toContain("🟢 bids: $715M (5 of 143)");
    expect(text).toContain("🔴 asks: none");
    const missing = formatOrderbook({ data: { ...book, wallTotals: null }, meta }, ctx);
    expect(missing).toContain("🟢 bids: n/a");
    const whale = formatWhale(
      { data: { symbol: null, minUsd: 1e6, alerts: [], positions: [], totals: null }, meta },
      ctx,
    );
    expect(whale).toContain("longs n/a (n/a) · shorts n/a · n/a");
    expect(whale).not.toMatch(/\$0|0 positions/);
  });

  it("splits long replies under 4,096 characters at line breaks", () => {
    const text = Array.from({ length: 500 }, (_, i) => `<b>line ${i}</b> ${"x".repeat(20)}`).join("\n");
    const parts = splitMessage(text);
    expect(parts.length).toBeGreaterThan(1);
    for (const p of parts) {
      expect(p.length).toBeLessThan(4096);
      expect(p.split("<b>").length).toBe(p.split("</b>").length);
    }
    expect(parts.join("\n")).toBe(text);
  });
});

describe("alert messages", () => {
  it("has a concise message per kind with emoji, amounts, exchanges, price, time and hashtags", () => {
    const now = Date.now();
    const cases = [
      [
        makeAlert({ kind: "large_liquidation", usd: 2_500_000, count: 1 }),
        "💥",
        "Long liquidated: <b>$2.5M</b>",
        "#Liquidation",
      ],
      [
        makeAlert({ kind: "liquidation_storm" }),
        "🌪️",
        "Long liquidations: <b>$12.35M</b> in 42 orders over 60 s",
        "#LiquidationStorm",
      ],
      [makeAlert({ kind: "whale_trade", side: "buy", usd: 3_100_000 }), "🐋", "Buy <b>$3.1M</b>", "#Whale"],
      [
        makeAlert({ kind: "whale_cluster", side: "sell", count: 8, window_s: 120 }),
        "🐋🐋",
        "Sell <b>$12.35M</b> in 8 trades over 120 s",
        "#WhaleCluster",
      ],
      [
        makeAlert({
          kind: "whale_position",
          side: "long",
          detail: { action: "open", direction: "short", user: "0xabcdef0123456789" },
        }),
        "🐳",
        "Opened Short <b>$12.35M</b>",
        "#Hyperliquid",
      ],
      [
        makeAlert({ kind: "radar", side: "buy", severity: "critical", detail: { pressure: "bullish" } }),
        "🚨 📡",
        "Bullish pressure",
        "#Radar",
      ],
    ] as const;
    for (const [alert, emoji, headline, tag] of cases) {
      const text = formatAlert(alert, en, now);
      expect(text.startsWith(emoji)).toBe(true);
      expect(text).toContain(headline);
      expect(text).toContain("🏦 Binance, OKX");
      expect(text).toContain("💲 $97,120.5");
      expect(text).toMatch(/🕒 \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC \(just now\)/);
      expect(text).toContain(`#BTC ${tag}`);
      expect(text.length).toBeLessThan(600);
    }
    expect(formatAlert(makeAlert({ kind: "liquidation_storm" }), id, now)).toContain("Badai likuidasi — BTC");
    expect(formatAlert(makeAlert({ price: null }), en, now)).not.toContain("💲");
  });
});

describe("who receives an alert", () => {
  const now = Date.UTC(2026, 0, 1, 23, 0); // 23:00 UTC
  const sub = (chatId: number, patch = {}) => ({ ...defaultSubscription(chatId, now), ...patch });

  it("matches symbol, kind, minimum, mute and quiet hours; adds alert chats; honours admin flags", () => {
    const alert = { ...makeAlert({ symbol: "BTC", usd: 1_000_000 }), last_at: now };
    const subs = [
      sub(1),
      sub(2, { symbols: ["ETH"] }),
      sub(3, { minUsd: 2_000_000 }),
      sub(4, { mutedUntil: now + 60_000 }),
      sub(5, { quietHours: { start: "22:00", end: "07:00", timeZone: "UTC", mode: "silent" } }),
      sub(6, { quietHours: { start: "22:00", end: "07:00", timeZone: "UTC", mode: "hold" }, language: "id" }),
      sub(7, { kinds: ["whale_trade"] }),
    ];
    const r = recipientsFor(alert, subs, allOn, [-100], now);
    expect(r).toEqual([
      { chatId: 1, language: "en", silent: false, holdUntil: 0 },
      { chatId: 5, language: "en", silent: true, holdUntil: 0 },
      { chatId: 6, language: "id", silent: false, holdUntil: Date.UTC(2026, 0, 2, 7, 0) },
      { chatId: -100, language: "en", silent: false, holdUntil: 0 },
    ]);
    expect(recipientsFor(alert, subs, { ...allOn, liquidation_storm: false }, [-100], now)).toEqual([]);
  });

  it("sends an alert addressed to one chat (a personal rule) to that chat only, mute and quiet hours applying", () => {
    const rule = {
      ...makeAlert({ kind: "rule", symbol: "DOGE", usd: 0 }),
      last_at: now,
      chat_id: 2,
      rule_id: "k3x",
    };
    const others = [sub(1), sub(3, { symbols: ["ETH"], kinds: ["radar"], minUsd: 5_000_000 })];
    // its own filters do not hold it back: the chat asked for this one by name
    expect(
      recipientsFor(
        rule,
        [...others, sub(2, { symbols: ["ETH"], kinds: [], minUsd: 9e9 })],
        allOn,
        [-100],
        now,
      ),
    ).toEqual([{ chatId: 2, language: "en", silent: false, holdUntil: 0 }]);
    expect(recipientsFor(rule, [sub(2, { mutedUntil: now + 1 })], allOn, [-100], now)).toEqual([]);
    // not subscribed to market alerts: still its own rules; gone (blocked the bot): nothing
    expect(recipientsFor(rule, [sub(2, { active: false, language: "id" })], allOn, [-100], now)).toEqual([
      { chatId: 2, language: "id", silent: false, holdUntil: 0 },
    ]);
    const blocked = { active: false, deactivatedReason: "Forbidden: bot was blocked by the user" };
    expect(recipientsFor(rule, [sub(2, blocked)], allOn, [-100], now)).toEqual([]);
    const hold = { start: "22:00", end: "07:00", timeZone: "UTC", mode: "hold" as const };
    expect(recipientsFor(rule, [sub(2, { quietHours: hold, language: "id" })], allOn, [], now)).toEqual([
      { chatId: 2, language: "id", silent: false, holdUntil: Date.UTC(2026, 0, 2, 7, 0) },
    ]);
    // a chat that never changed a setting has no record and still gets its own alert
    expect(recipientsFor(rule, others, allOn, [-100], now)).toEqual([
      { chatId: 2, language: "en", silent: false, holdUntil: 0 },
    ]);
    expect(recipientsFor(rule, others, { ...allOn, rule: false }, [-100], now)).toEqual([]);
  });

  it("splits the global rate into short limiter windows and builds colon-free job ids", () => {
    expect(limiterWindow(25)).toEqual({ max: 5, duration: 200 });
    expect(limiterWindow(300)).toEqual({ max: 75, duration: 250 });
    expect(limiterWindow(30)).toEqual({ max: 6, duration: 200 });
    expect(jobIdOf("storm:BTC:long:123", -100)).toBe("storm-BTC-long-123--100");
  });
});
