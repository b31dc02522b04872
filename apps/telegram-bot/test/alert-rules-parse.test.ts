import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { conditionLine, repeatLine } from "../src/features/alert-rules-line.js";
import { parseAlert } from "../src/features/alert-rules-parse.js";
import { presets } from "../src/features/alert-rules-presets.js";

const NOW = Date.UTC(2026, 11, 3, 7, 0);
const ok = (text: string) => {
  const r = parseAlert(text, NOW);
  if (!r.ok) throw new Error(`${text}: ${JSON.stringify(r.problem)}`);
  return r.alert;
};
const problem = (text: string) => {
  const r = parseAlert(text, NOW);
  if (r.ok) throw new Error(`${text} parsed as ${JSON.stringify(r.alert)}`);
  return r.problem;
};
const WALLET = "0x8c5865689eabe45645fa034e53d0c9995dccb9c9";

describe("the one-line /alert forms", () => {
  it("reads the forms of the help text", () => {
    expect(ok("BTC price > 100000")).toEqual({
      condition: { kind: "price", symbol: "BTC", op: "above", level: 100_000 },
      repeat: { mode: "once" },
      expiresAt: null,
      note: null,
    });
    expect(ok("ETH move 5% 1h").condition).toEqual({
      kind: "move",
      symbol: "ETH",
      direction: "either",
      pct: 5,
      window: "1h",
    });
    expect(ok("SOL funding > 0.05%").condition).toEqual({
      kind: "funding",
      symbol: "SOL",
      op: "above",
      level: 0.05,
      exchange: null,
    });
    expect(ok("BTC oi +3% 4h").condition).toEqual({
      kind: "oi",
      symbol: "BTC",
      direction: "up",
      pct: 3,
      window: "4h",
      exchange: null,
    });
    const w = ok(`${WALLET} wallet`);
    expect(w.condition).toEqual({
      kind: "wallet",
      address: WALLET,
      events: ["open", "close", "flip", "add"],
      symbol: null,
    });
    expect(w.repeat).toEqual({ mode: "every" });
    expect(ok(`${WALLET.toUpperCase().replace("0X", "0x")} closes flip`).condition).toMatchObject({
      address: WALLET,
      events: ["close", "flip"],
    });
  });

  it("reads the variants traders type", () => {
    expect(ok("btc price<90k").condition).toEqual({
      kind: "price",
      symbol: "BTC",
      op: "below",
      level: 90_000,
    });
    expect(ok("BTC >= $100,000").condition).toMatchObject({ kind: "price", op: "above", level: 100_000 });
    expect(ok("PEPE price below 0.0000095").condition).toMatchObject({ level: 0.0000095 });
    expect(ok("ETH dump 5% 15m").condition).toMatchObject({ kind: "move", direction: "down", window: "15m" });
    expect(ok("ETH pump 8% 1d").condition).toMatchObject({ direction: "up", window: "24h" });
    expect(ok("ETH move -4% 5m").condition).toMatchObject({ direction: "down", pct: 4 });
    expect(ok("ETH move up 4 4h").condition).toMatchObject({ direction: "up", pct: 4 });
    expect(ok("BTC oi -3% 24h on binance").condition).toMatchObject({
      direction: "down",
      exchange: "Binance",
    });
    expect(ok("SOL funding okx < -0.01%").condition).toEqual({
      kind: "funding",
      symbol: "SOL",
      op: "below",
      level: -0.01,
      exchange: "OKX",
    });
    expect(ok("SOL funding flip").condition).toMatchObject({ op: "flip", level: 0 });
    expect(ok("BTC liq > 10m 1h").condition).toEqual({
      kind: "liquidations",
      symbol: "BTC",
      side: "either",
      usd: 10_000_000,
      window: "1h",
    });
    expect(ok("BTC liquidations longs 5m 4h").condition).toMatchObject({
      side: "longs",
      usd: 5e6,
      window: "4h",
    });
    expect(ok("ETH liq 2m 24h shorts").condition).toMatchObject({ side: "shorts" });
    expect(ok("BTC ls > 2").condition).toEqual({ kind: "long_short", symbol: "BTC", op: "above", level: 2 });
    expect(ok("BTC ratio < 0.8").condition).toMatchObject({ op: "below", level: 0.8 });
  });

  it("reads repeat, expiry and note", () => {
    expect(ok("BTC price > 100k every").repeat).toEqual({ mode: "every" });
    expect(ok("BTC price > 100k every crossing").repeat).toEqual({ mode: "every" });
    expect(ok("BTC price > 100k every 30m").repeat).toEqual({ mode: "at_most", minutes: 30 });
    expect(ok("BTC price > 100k once").repeat).toEqual({ mode: "once" });
    expect(ok("BTC price > 100k for 7d").expiresAt).toBe(NOW + 7 * 86_400_000);
    expect(ok("BTC price > 100k until 2026-12-31").expiresAt).toBe(Date.UTC(2027, 0, 1) - 1);
    const a = ok("ETH move 5% 1h every 2h for 1w note Take profit at 4k <b>");
    expect(a.repeat).toEqual({ mode: "at_most", minutes: 120 });
    expect(a.expiresAt).toBe(NOW + 7 * 86_400_000);
    expect(a.note).toBe("Take profit at 4k <b>");
  });

  it("names what is wrong, with the kind so the reply can show an example", () => {
    expect(problem("")).toMatchObject({ code: "empty" });
    expect(problem("   ")).toMatchObject({ code: "empty" });
    expect(problem("BTC")).toMatchObject({ code: "kind", token: null });
    expect(problem("BTC moon")).toMatchObject({ code: "kind", token: "moon" });
    expect(problem("BTC price 100000")).toMatchObject({ code: "direction", kind: "price", token: "100000" });
    expect(problem("BTC price > lots")).toMatchObject({ code: "level", kind: "price", token: "lots" });
    expect(problem("BTC price > -5")).toMatchObject({ code: "level", kind: "price" });
    expect(problem("ETH move 5% 2h")).toMatchObject({ code: "window", kind: "move", token: "2h" });
    expect(problem("ETH move 5%")).toMatchObject({ code: "window", kind: "move", token: null });
    expect(problem("ETH move 0% 1h")).toMatchObject({ code: "level", kind: "move" });
    expect(problem("BTC oi 3% 5m")).toMatchObject({ code: "window", kind: "oi" });
    expect(problem("SOL funding > 5000")).toMatchObject({ code: "level", kind: "funding" });
    expect(problem("BTC liq big 1h")).toMatchObject({ code: "level", kind: "liquidations" });
    expect(problem("BTC ls > 500")).toMatchObject({ code: "level", kind: "long_short" });
    expect(problem("0xabc wallet")).toMatchObject({ code: "wallet", token: "0xabc" });
    expect(problem("BTC price > 1 for ever")).toMatchObject({ code: "expiry", token: "ever" });
    expect(problem("BTC price > 1 until 2020-01-01")).toMatchObject({ code: "expiry" });
    expect(problem("BTC price > 1 until 2026-02-31")).toMatchObject({ code: "expiry" });
    expect(problem("BTC price > 1 every 30d")).toMatchObject({ code: "repeat", token: "30d" });
    expect(problem("BTC price > 1 please")).toMatchObject({ code: "extra", token: "please" });
    expect(problem("BTC price > 1 note")).toMatchObject({ code: "note" });
    expect(problem(`BTC price > 1 note ${"x".repeat(201)}`)).toMatchObject({ code: "note" });
    expect(problem("B$C price > 1")).toMatchObject({ code: "coin", token: "b$c" });
  });

  it("never throws, and every rule it returns is within the allowed ranges", () => {
    const words = fc.constantFrom(
      "BTC",
      "0x8c5865689eabe45645fa034e53d0c9995dccb9c9",
      "price",
      "move",
      "oi",
      "funding",
      "liq",
      "ls",
      "wallet",
      ">",
      "<",
      "5%",
      "-3%",
      "+0.5%",
      "100k",
      "1h",
      "4h",
      "24h",
      "5m",
      "every",
      "once",
      "for",
      "until",
      "7d",
      "2026-12-31",
      "note",
      "on",
      "binance",
      "longs",
      "flip",
      "",
    );
    const inputs = fc.oneof(
      fc.string(),
      fc.array(fc.oneof(words, fc.string({ maxLength: 6 })), { maxLength: 10 }).map((w) => w.join(" ")),
    );
    fc.assert(
      fc.property(inputs, (text) => {
        const r = parseAlert(text, NOW);
        if (!r.ok) return typeof r.problem.code === "string";
        const c = r.alert.condition;
        if ("level" in c && c.kind !== "funding") expect(c.level).toBeGreaterThan(0);
        if ("pct" in c) expect(c.pct).toBeGreaterThan(0);
        if (r.alert.expiresAt !== null) expect(r.alert.expiresAt).toBeGreaterThan(NOW);
        return true;
      }),
      { numRuns: 3000 },
    );
  });

  it("writes each rule back as a line that parses to the same rule (the guided flow's buttons)", () => {
    const lines = [
      "BTC price > 100000",
      "PEPE price < 0.0000001",
      "ETH move 5% 1h every",
      "ETH dump 2.5% 15m every 30m",
      "BTC oi +3% 4h on okx",
      "SOL funding > 0.05% binance",
      "SOL funding flip on bybit",
      "BTC liq > 10m 1h shorts",
      "BTC ls < 0.8",
      `${WALLET} wallet open flip`,
      WALLET,
    ];
    for (const line of lines) {
      const a = ok(line);
      const again = ok(`${conditionLine(a.condition)} ${repeatLine(a.repeat)}`);
      expect(again.condition).toEqual(a.condition);
      expect(again.repeat).toEqual(a.repeat);
    }
    expect(conditionLine(ok("PEPE price < 0.0000001").condition)).toBe("PEPE price < 0.0000001");
  });

  it("every preset button of the guided flow reads back as the alert it shows", () => {
    const kinds = ["price", "move", "oi", "funding", "liquidations", "long_short"] as const;
    for (const kind of kinds)
      for (const exchange of [null, "Binance"])
        for (const c of presets("1000PEPE", kind, 0.012345, exchange)) {
          const line = conditionLine(c);
          expect(ok(line).condition).toEqual(c);
          expect(Buffer.byteLength(`aw:-:r:${line} every 60m`)).toBeLessThanOrEqual(64);
        }
  });
});
