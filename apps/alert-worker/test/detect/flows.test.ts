import { AlertSchema, type EtfFlowDay, type WhaleTransfer } from "@teleglas/market-data-core";
import { describe, expect, it } from "vitest";
import { detectEtfFlows } from "../../src/detect/etf-flow.js";
import { createWhaleTransferDetector } from "../../src/detect/whale-transfer.js";
import { DEFAULT_RULES } from "../../src/rules/schema.js";

const DAY = 86_400_000;
const TODAY = Date.UTC(2026, 11, 2);
const NOW = TODAY + 22 * 3_600_000; // 22:00 UTC, after the US close

const day = (time: number, funds: EtfFlowDay["funds"], totalUsd: number | null = 0): EtfFlowDay => ({
  time,
  totalUsd,
  priceUsd: 96_512.4,
  funds,
});

describe("ETF flow days", () => {
  const rule = DEFAULT_RULES.etf_flow;

  it("announces each recent day with a total, under an id of (asset, day) only", () => {
    const funds = [
      { ticker: "GBTC", flowUsd: -20e6 },
      { ticker: "IBIT", flowUsd: 300e6 },
      { ticker: "HODL", flowUsd: null },
    ];
    const days = [
      day(TODAY - 3 * DAY, funds, 280e6), // history: older than 48 h
      day(TODAY - DAY, funds, null), // no total: nothing to announce
      day(TODAY, funds, 280e6),
    ];
    const [d, ...rest] = detectEtfFlows(rule, "BTC", days, NOW);
    expect(rest).toHaveLength(0);
    expect(AlertSchema.parse(d?.alert)).toMatchObject({
      kind: "etf_flow",
      symbol: "BTC",
      side: "inflow",
      usd: 280e6,
      count: 2,
      price: 96_512.4,
      first_at: TODAY,
      detail: {
        day: "2026-12-02",
        net_flow_usd: 280e6,
        funds: [
          { ticker: "IBIT", flow_usd: 300e6 },
          { ticker: "GBTC", flow_usd: -20e6 },
        ],
        funds_reported: 2,
        funds_listed: 3,
      },
    });
    // A revised figure for the same day keeps the id: the store refuses it as a duplicate.
    const revised = detectEtfFlows(rule, "BTC", [day(TODAY, funds, 310e6)], NOW + 3_600_000);
    expect(revised[0]?.alert.id).toBe(d?.alert.id);
    expect(detectEtfFlows(rule, "ETH", [day(TODAY, funds, 280e6)], NOW)[0]?.alert.id).not.toBe(d?.alert.id);
  });

  it("says outflow and flat plainly, and ignores days dated ahead of the clock", () => {
    const out = detectEtfFlows(rule, "ETH", [day(TODAY, [{ ticker: "ETHA", flowUsd: -5e6 }], -5e6)], NOW);
    expect(out[0]?.alert).toMatchObject({ side: "outflow", usd: 5e6, detail: { net_flow_usd: -5e6 } });
    const flat = detectEtfFlows(rule, "SOL", [day(TODAY, [{ ticker: "BSOL", flowUsd: null }], 0)], NOW);
    expect(flat[0]?.alert).toMatchObject({ side: "mixed", usd: 0, count: 0 });
    expect(detectEtfFlows(rule, "BTC", [day(TODAY + DAY, [], 1e6)], NOW)).toHaveLength(0);
  });
});

const transfer = (over: Partial<WhaleTransfer> = {}): WhaleTransfer => ({
  hash: "7b1fa0327a1e68fbcc397eee0a75ae8ced8c19c08d32f5cfd2ec5d3ba04e59fe",
  symbol: "BTC",
  usd: 25_000_000,
  quantity: 262.41,
  from: "unknown wallet",
  to: "Binance",
  direction: "to_exchange",
  chain: "bitcoin",
  time: NOW - 60_000,
  ...over,
});

describe("whale transfers", () => {
  it("alerts once per transfer onto, off or between exchanges at or above the minimum", () => {
    const det = createWhaleTransferDetector({ ...DEFAULT_RULES.whale_transfer, min_usd: 20_000_000 });
    const rows = [
      transfer(),
      transfer({ hash: "a1", from: "Coinbase", to: "unknown wallet", direction: "from_exchange" }),
      transfer({ hash: "a2", from: "OKX", to: "Kraken", direction: "between_exchanges" }),
      transfer({ hash: "a3", to: "unknown wallet", direction: "other" }),
      transfer({ hash: "a4", usd: 19_999_999 }),
      transfer({ hash: "a5", usd: 20_000_000 }), // inclusive
    ];
    const first = det.onTransfers(rows, NOW);
    expect(first.map((d) => [d.alert.side, d.alert.exchanges])).toEqual([
      ["inflow", ["Binance"]],
      ["outflow", ["Coinbase"]],
      ["mixed", ["OKX", "Kraken"]],
      ["inflow", ["Binance"]],
    ]);
    for (const d of first) AlertSchema.parse(d.alert);
    expect(first[0]?.alert).toMatchObject({
      kind: "whale_transfer",
      usd: 25_000_000,
      first_at: NOW - 60_000,
      detail: { direction: "to_exchange", from: "unknown wallet", to: "Binance", quantity: 262.41 },
    });
    expect(first[0]?.seenKey).toBeDefined();
    // The next poll returns the same rows: nothing new.
    expect(det.onTransfers(rows, NOW + 60_000)).toHaveLength(0);
    // Another process derives the same ids (the store then refuses the repeat).
    const other = createWhaleTransferDetector({ ...DEFAULT_RULES.whale_transfer, min_usd: 20_000_000 });
    expect(other.onTransfers(rows, NOW).map((d) => d.alert.id)).toEqual(first.map((d) => d.alert.id));
  });

  it("treats transfers older than max_age_s as history, and keys a hashless row on its fields", () => {
    const det = createWhaleTransferDetector(DEFAULT_RULES.whale_transfer);
    expect(det.onTransfers([transfer({ time: NOW - 2 * 3_600_000 })], NOW)).toHaveLength(0);
    // A block time in microseconds (read as ms: tens of thousands of years ahead) is not news.
    expect(det.onTransfers([transfer({ hash: "us", time: (NOW - 60_000) * 1000 })], NOW)).toHaveLength(0);
    expect(det.onTransfers([transfer({ hash: "skew", time: NOW + 60_000 })], NOW)).toHaveLength(1);
    const a = det.onTransfers([transfer({ hash: "", quantity: null })], NOW);
    const b = det.onTransfers([transfer({ hash: "", quantity: null, to: "OKX" })], NOW);
    expect(a).toHaveLength(1);
    expect(b).toHaveLength(1);
    expect(a[0]?.alert.id).not.toBe(b[0]?.alert.id);
    expect(a[0]?.alert.detail.hash).toBeNull();
  });
});
