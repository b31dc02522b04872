import type { RuleCondition, RuleRepeat } from "@teleglas/market-data-core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decide, type Outcome, start } from "../../src/personal/index-book.js";
import { walletChanges } from "../../src/personal/live.js";
import { RuleIndex } from "../../src/personal/rule-index.js";
import { liveRule, T0 } from "./live-rules.js";

const live = liveRule;
const price = (level: number, op: "above" | "below" = "above"): RuleCondition => ({
  kind: "price",
  symbol: "BTC",
  op,
  level,
});
const fired = (out: Outcome[]) =>
  out.filter((o) => o.kind === "fired").map((o) => `${o.rule.id}#${o.rule.state.seq}`);

describe("rule index", () => {
  it("fires a once-rule at its crossing and never again", () => {
    const idx = new RuleIndex();
    const r = live(price(100), { mode: "once" });
    idx.load([r]);
    expect(fired(idx.tick("BTC|price", 90, T0))).toEqual([]);
    expect(fired(idx.tick("BTC|price", 101, T0))).toEqual([`${r.id}#1`]);
    expect(fired(idx.tick("BTC|price", 80, T0))).toEqual([]);
    expect(fired(idx.tick("BTC|price", 120, T0))).toEqual([]);
    expect(idx.size).toBe(0);
  });

  it("every crossing re-arms only past the band: no flapping at the level", () => {
    const idx = new RuleIndex();
    const r = live(price(100), { mode: "every", band: 5 });
    idx.load([r]);
    idx.tick("BTC|price", 90, T0);
    expect(fired(idx.tick("BTC|price", 100, T0))).toHaveLength(1);
    expect(fired(idx.tick("BTC|price", 97, T0))).toEqual([]); // inside the band: still disarmed
    expect(fired(idx.tick("BTC|price", 103, T0))).toEqual([]);
    expect(idx.tick("BTC|price", 94, T0).map((o) => o.kind)).toEqual(["rearmed"]);
    expect(fired(idx.tick("BTC|price", 100.5, T0))).toEqual([`${r.id}#2`]);
  });

  it("at most every N minutes holds a second crossing back", () => {
    const idx = new RuleIndex();
    const r = live(price(100, "below"), { mode: "at_most", band: 1, minutes: 30 });
    idx.load([r]);
    idx.tick("BTC|price", 110, T0);
    expect(fired(idx.tick("BTC|price", 99, T0))).toHaveLength(1);
    idx.tick("BTC|price", 105, T0 + 60_000);
    expect(idx.tick("BTC|price", 95, T0 + 10 * 60_000).map((o) => o.kind)).toEqual(["cooling"]);
    idx.tick("BTC|price", 105, T0 + 31 * 60_000);
    expect(fired(idx.tick("BTC|price", 95, T0 + 31 * 60_000))).toEqual([`${r.id}#2`]);
  });

  it("a rule past its expiry never fires and leaves the index", () => {
    const idx = new RuleIndex();
    const r = live(price(100), { mode: "every", band: 0 }, { expiresAt: T0 + 1000 });
    idx.load([r]);
    idx.tick("BTC|price", 90, T0);
    expect(idx.tick("BTC|price", 110, T0 + 1000).map((o) => o.kind)).toEqual(["expired"]);
    expect(idx.size).toBe(0);
  });

  it("either direction has one trigger each way; a funding flip needs a change of sign", () => {
    const idx = new RuleIndex();
    const move = live(
      { kind: "move", symbol: "ETH", window: "1h", direction: "either", pct: 5 },
      { mode: "every", band: 1 },
    );
    const flip = live(
      { kind: "funding", symbol: "ETH", op: "flip", level: 0, exchange: "OKX" },
      { mode: "every", band: 0 },
    );
    idx.load([move, flip]);
    expect(fired(idx.tick("ETH|move:1h", 6, T0))).toHaveLength(1); // a fresh rule whose condition holds fires
    expect(fired(idx.tick("ETH|move:1h", -5.5, T0))).toHaveLength(1);
    expect(fired(idx.tick("ETH|funding|OKX", 0.01, T0))).toEqual([]); // starts on the positive side
    expect(fired(idx.tick("ETH|funding|OKX", 0.02, T0))).toEqual([]);
    expect(fired(idx.tick("ETH|funding|OKX", -0.001, T0))).toEqual([`${flip.id}#1`]);
    expect(fired(idx.tick("ETH|funding|OKX", 0.003, T0))).toEqual([`${flip.id}#2`]);
  });

  it("a rule added while its series is known is checked at once", () => {
    const idx = new RuleIndex();
    idx.load([live(price(1), { mode: "once" })]);
    idx.tick("BTC|price", 100, T0);
    const r = live(price(90), { mode: "once" });
    expect(fired(idx.add(r, T0))).toEqual([`${r.id}#1`]);
    const later = live(price(200), { mode: "once" });
    expect(idx.add(later, T0)).toEqual([]);
    idx.removeChat(later.chatId);
    expect(fired(idx.tick("BTC|price", 300, T0))).not.toContain(`${later.id}#1`);
  });

  it("does the same as checking every rule on every tick (property)", () => {
    const repeat = fc.oneof(
      fc.constant<RuleRepeat>({ mode: "once" }),
      fc.integer({ min: 0, max: 20 }).map((band): RuleRepeat => ({ mode: "every", band })),
      fc.integer({ min: 0, max: 20 }).map((band): RuleRepeat => ({ mode: "at_most", band, minutes: 2 })),
    );
    const rule = fc.record({
      level: fc.integer({ min: 50, max: 150 }),
      op: fc.constantFrom<"above" | "below">("above", "below"),
      repeat,
    });
    fc.assert(
      fc.property(
        fc.array(rule, { minLength: 1, maxLength: 40 }),
        fc.array(fc.integer({ min: 0, max: 200 }), { minLength: 1, maxLength: 40 }),
        (specs, walk) => {
          const a = specs.map((s) => live(price(s.level, s.op), s.repeat));
          const b = a.map((r) => ({ ...r, state: { ...r.state } }));
          const idx = new RuleIndex();
          idx.load(a);
          let prev: number | null = null;
          walk.forEach((value, i) => {
            const now = T0 + i * 60_000;
            const got = fired(idx.tick("BTC|price", value, now)).sort();
            const want: Outcome[] = [];
            for (const r of b) {
              if (r.removed) continue;
              if (r.state.fresh) start(r, value, now, want);
              else for (const t of r.triggers) decide({ rule: r, t }, value, prev, now, want);
            }
            expect(got).toEqual(fired(want).sort());
            prev = value;
          });
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe("wallet changes", () => {
  it("tells open, close, flip and add apart; a reduction is none", () => {
    const p = (coin: string, szi: number) => ({
      coin,
      szi,
      entryPriceUsd: null,
      valueUsd: Math.abs(szi) * 10,
      leverage: null,
      unrealizedPnlUsd: null,
    });
    const changes = walletChanges({ BTC: 1, ETH: -2, SOL: 5, DOGE: 10 }, [
      p("ETH", 3),
      p("SOL", 7),
      p("DOGE", 4),
      p("XRP", -1),
    ]);
    expect(changes.map((c) => `${c.coin}:${c.event}`)).toEqual([
      "BTC:close",
      "ETH:flip",
      "SOL:add",
      "XRP:open",
    ]);
  });
});
