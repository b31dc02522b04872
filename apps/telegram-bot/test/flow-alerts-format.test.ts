import { defaultSubscription } from "@teleglas/market-data-core";
import { describe, expect, it } from "vitest";
import { formatAlert } from "../src/format/alert.js";
import { subscriptionKeyboard } from "../src/format/subscription.js";
import { createI18n, translatorFor } from "../src/i18n/index.js";
import { makeAlert } from "./helpers.js";

const i18n = createI18n();
const en = translatorFor(i18n, "en");
const id = translatorFor(i18n, "id");
const now = Date.UTC(2026, 11, 3, 7, 14, 26);

const etf = makeAlert({
  kind: "etf_flow",
  symbol: "BTC",
  side: "inflow",
  usd: 470_800_000,
  count: 3,
  exchanges: [],
  price: 83_333.15,
  first_at: Date.UTC(2026, 11, 3),
  last_at: Date.UTC(2026, 11, 3),
  severity: "info",
  detail: {
    day: "2026-12-03",
    net_flow_usd: 470_800_000,
    funds: [
      { ticker: "IBIT", flow_usd: 412_500_000 },
      { ticker: "FBTC", flow_usd: 96_100_000 },
      { ticker: "GBTC", flow_usd: -37_800_000 },
    ],
    funds_reported: 3,
    funds_listed: 12,
  },
});

const transfer = makeAlert({
  kind: "whale_transfer",
  symbol: "LINK",
  side: "inflow",
  usd: 31_250_000,
  count: 1,
  exchanges: ["Binance"],
  price: null,
  first_at: now - 120_000,
  last_at: now - 120_000,
  severity: "info",
  detail: {
    direction: "to_exchange",
    from: "unknown wallet",
    to: "Binance",
    quantity: 1_524_843.04,
    chain: "ethereum",
    hash: "0x910ade7323eae57017c1894078ff1ce319fe908709ba185d81147588ceb06dcc",
  },
});

describe("ETF flow and whale transfer alerts as a trader reads them", () => {
  it("an ETF day: direction, amount and day, the largest funds signed, how many funds reported", () => {
    expect(formatAlert(etf, en, now)).toBe(
      [
        "🏛️ <b>Spot ETF flow — BTC</b>",
        "🟢 Net inflow <b>$470.8M</b> on 2026-12-03",
        "IBIT +$412.5M · FBTC +$96.1M · GBTC -$37.8M",
        "3 of 12 funds reported · 💲 $83,333.15",
        "#BTC #ETFFlow",
      ].join("\n"),
    );
    const out = formatAlert({ ...etf, side: "outflow", detail: { ...etf.detail, funds: [] } }, id, now, "id");
    expect(out).toContain("🔴 Arus keluar bersih <b>$470.8M</b> pada 2026-12-03");
    expect(out).not.toContain("IBIT");
    // A flat day with nothing reported says so, without inventing funds or a price.
    const flat = formatAlert(
      { ...etf, side: "mixed", usd: 0, price: null, detail: { day: "2026-12-03" } },
      en,
      now,
    );
    expect(flat).toContain("⚪️ No net flow on 2026-12-03");
    expect(flat).not.toContain("💲");
  });

  it("a transfer: amount onto/off the named exchange, route and coins, a neutral reading, chain, tx and time", () => {
    expect(formatAlert(transfer, en, now)).toBe(
      [
        "⛓️ <b>Whale transfer — LINK</b>",
        "📥 <b>$31.25M</b> onto Binance",
        "unknown wallet → Binance · 1,524,843 LINK",
        "<i>Exchange inflow: coins moved onto an exchange can be sold there — possible sell pressure.</i>",
        "🔗 ethereum · <code>0x910ade7323eae57017c1894078ff1ce319fe908709ba185d81147588ceb06dcc</code>",
        "🕒 2026-12-03 07:12:26 UTC (2 min ago)",
        "#LINK #WhaleTransfer",
      ].join("\n"),
    );
    const off = { ...transfer, symbol: "USDT", side: "outflow" as const };
    const offText = formatAlert(
      { ...off, detail: { ...off.detail, from: "Coinbase", to: "unknown wallet", quantity: 250.5 } },
      id,
      now,
      "id",
    );
    expect(offText).toContain("📤 <b>$31.25M</b> keluar dari Coinbase");
    expect(offText).toContain("Coinbase → unknown wallet · 250.5 USDT");
    expect(offText).toContain("Stablecoin keluar dari bursa");
    const between = { ...transfer, side: "mixed" as const, detail: { from: "OKX", to: "<Kraken>" } };
    const betweenText = formatAlert(between, en, now);
    expect(betweenText).toContain("🔁 <b>$31.25M</b> from OKX to &lt;Kraken&gt;");
    expect(betweenText).toContain("Between exchanges");
    expect(betweenText).not.toContain("🔗");
  });
});

describe("opting in", () => {
  it("a new subscription has both kinds off; the /subscribe menu offers them as buttons", () => {
    const sub = defaultSubscription(1, now);
    expect(sub.kinds).not.toContain("etf_flow");
    expect(sub.kinds).not.toContain("whale_transfer");
    expect(sub.kinds).toContain("liquidation_storm");
    const buttons = subscriptionKeyboard(sub, en).inline_keyboard.flat();
    expect(buttons).toContainEqual({ text: "▫️ ETF flows", callback_data: "sub:k:etf_flow" });
    expect(buttons).toContainEqual({ text: "▫️ On-chain whales", callback_data: "sub:k:whale_transfer" });
  });
});
