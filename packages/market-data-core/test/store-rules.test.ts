import { afterEach, describe, expect, test } from "vitest";
import { type NewRule, planNeededFor, type RuleState } from "../src/index.js";
import { decodeRule, decodeState, decodeStoredRule, encodeRule, encodeState } from "../src/rules/codec.js";
import { backends, makeStores, type StoreFixture } from "./store-helpers.js";

const btcAbove = (chatId: number, level = 100_000): NewRule => ({
  chatId,
  condition: { kind: "price", symbol: "btc", op: "above", level },
  repeat: { mode: "every", band: 500 },
});

describe.each(backends)("rule store on %s", (backend) => {
  let fx: StoreFixture;
  afterEach(async () => {
    await fx?.cleanup();
  });
  const open = async () => {
    fx = await makeStores(backend, { now: () => 1_764_000_000_000 });
    return fx.stores.rules;
  };

  test("create, list, count, get: the coin is upper-cased and the rule starts fresh", async () => {
    const rules = await open();
    const made = await rules.create({ ...btcAbove(5), note: "take profit" });
    expect(made.ok).toBe(true);
    if (!made.ok) return;
    expect(made.rule).toMatchObject({ chatId: 5, paused: false, expiresAt: null, note: "take profit" });
    expect(made.rule.condition).toEqual({ kind: "price", symbol: "BTC", op: "above", level: 100_000 });
    expect(await rules.count(5)).toBe(1);
    expect(await rules.count(6)).toBe(0);
    const listed = await rules.list(5);
    expect(listed).toEqual([
      { rule: made.rule, state: { armed: 0, fresh: true, seq: 0, lastFiredAt: null, lastValue: null } },
    ]);
    expect((await rules.get(5, made.rule.id))?.rule).toEqual(made.rule);
    expect(await rules.get(6, made.rule.id)).toBeNull();
    expect(await rules.chats()).toEqual([5]);
  });

  test("the per-chat limit refuses the next rule and says which limit", async () => {
    const rules = await open();
    for (let i = 0; i < 3; i++)
      expect((await rules.create(btcAbove(9, 1000 + i), { maxPerChat: 3 })).ok).toBe(true);
    expect(await rules.create(btcAbove(9), { maxPerChat: 3 })).toEqual({
      ok: false,
      reason: "limit",
      limit: 3,
    });
    expect(await rules.count(9)).toBe(3);
  });

  test("pause, edit and delete; an edit re-arms the rule but keeps its crossing count", async () => {
    const rules = await open();
    const made = await rules.create(btcAbove(1));
    if (!made.ok) throw new Error("not created");
    const id = made.rule.id;
    const fired: RuleState = {
      armed: 0,
      fresh: false,
      seq: 3,
      lastFiredAt: 1_764_000_000_000,
      lastValue: 100_100,
    };
    expect(
      await rules.saveState(1, id, fired, { ruleId: id, at: 1_764_000_000_000, value: 100_100, seq: 3 }),
    ).toBe(true);
    expect((await rules.setPaused(1, id, true))?.paused).toBe(true);
    expect((await rules.get(1, id))?.state).toEqual({ ...fired, fresh: true });
    const edited = await rules.update(1, id, {
      condition: { kind: "price", symbol: "BTC", op: "below", level: 90_000 },
    });
    expect(edited?.condition).toMatchObject({ op: "below", level: 90_000 });
    expect(await rules.update(1, "nope", { paused: false })).toBeNull();
    expect(await rules.delete(1, id)).toBe(true);
    expect(await rules.delete(1, id)).toBe(false);
    expect(await rules.list(1)).toEqual([]);
    expect(await rules.chats()).toEqual([]);
    // a late state write of the evaluator does not bring the deleted rule back
    expect(await rules.saveState(1, id, fired)).toBe(false);
    expect(await rules.get(1, id)).toBeNull();
  });

  test("changes name the chats touched since a cursor", async () => {
    const rules = await open();
    const start = await rules.changes(null);
    expect(start.chats).toBe("all");
    await rules.create(btcAbove(11));
    await rules.create(btcAbove(12));
    await rules.create(btcAbove(11, 5));
    const next = await rules.changes(start.cursor);
    expect(new Set(next.chats as number[])).toEqual(new Set([11, 12]));
    expect(await rules.changes(next.cursor)).toEqual({ cursor: next.cursor, chats: [] });
  });

  test("the fired log answers firedSince newest first and stays capped", async () => {
    const rules = await open();
    const made = await rules.create(btcAbove(3));
    if (!made.ok) throw new Error("not created");
    const st: RuleState = { armed: 1, fresh: false, seq: 0, lastFiredAt: null, lastValue: null };
    for (let i = 1; i <= 60; i++) {
      await rules.saveState(
        3,
        made.rule.id,
        { ...st, seq: i },
        { ruleId: made.rule.id, at: 1000 * i, value: i, seq: i },
      );
    }
    const all = await rules.firedSince(3, 0);
    expect(all).toHaveLength(50);
    expect(all[0]).toEqual({ ruleId: made.rule.id, at: 60_000, value: 60, seq: 60 });
    expect((await rules.firedSince(3, 55_000)).map((f) => f.seq)).toEqual([60, 59, 58, 57, 56, 55]);
  });

  test("a bad rule is refused with the field named and nothing is stored", async () => {
    const rules = await open();
    await expect(
      rules.create({
        ...btcAbove(4),
        condition: { kind: "wallet", address: "0x12", events: ["open"], symbol: null },
      }),
    ).rejects.toThrow(/address/);
    expect(await rules.count(4)).toBe(0);
  });
});

describe("rule codec", () => {
  test("every kind survives the round trip and stays short", async () => {
    const fx = await makeStores("memory");
    const conditions: NewRule["condition"][] = [
      { kind: "price", symbol: "BTC", op: "below", level: 87_250.5 },
      { kind: "move", symbol: "ETH", window: "1h", direction: "either", pct: 5 },
      { kind: "oi", symbol: "SOL", window: "4h", direction: "up", pct: 3, exchange: "Binance" },
      { kind: "funding", symbol: "SOL", op: "flip", level: 0, exchange: null },
      { kind: "liquidations", symbol: "BTC", window: "24h", side: "longs", usd: 50_000_000 },
      { kind: "long_short", symbol: "XRP", op: "above", level: 2.5 },
      { kind: "wallet", address: `0x${"ab".repeat(20)}`, events: ["open", "flip"], symbol: null },
    ];
    for (const condition of conditions) {
      const made = await fx.stores.rules.create({
        chatId: -100123,
        condition,
        repeat: { mode: "at_most", band: 1, minutes: 30 },
      });
      if (!made.ok) throw new Error("not created");
      const text = encodeRule(made.rule);
      expect(decodeRule(-100123, made.rule.id, text)).toEqual(made.rule);
      if (condition.kind !== "wallet") expect(text.length).toBeLessThanOrEqual(64);
    }
  });

  test("garbage in Redis reads as nothing (rules) or a fresh state, never a throw", () => {
    for (const raw of ["", "{", "[2,0]", "[1,99,[]]", '[1,0,["BTC","sideways",1],0,"",0,"a","a"]', "null"]) {
      expect(decodeRule(1, "x", raw)).toBeNull();
    }
    expect(decodeState("zz|-4|%%|NaN|{")).toMatchObject({
      armed: 0,
      fresh: true,
      seq: 0,
      lastFiredAt: null,
      lastValue: null,
    });
    const s: RuleState = {
      armed: 2,
      fresh: false,
      seq: 7,
      lastFiredAt: 1_764_000_000_123,
      lastValue: -0.012,
      positions: { BTC: -1.5 },
    };
    expect(decodeState(encodeState(s))).toEqual(s);
  });
});

describe("the evaluator's bulk read (no schema)", () => {
  test("reads what the schema reads, for every kind", () => {
    const texts = [
      '[1,0,["BTC","below",87250.5],[2,1,30],"",0,"midc1z40",""]',
      '[1,1,["ETH","1h","either",5],[1,0.5],"midd0000",1,"midc1z40","midc1z41","take profit"]',
      '[1,2,["SOL","4h","up",3,"Binance"],0,"",0,"midc1z40",""]',
      '[1,3,["SOL","flip",0,null],0,"",0,"midc1z40",""]',
      '[1,4,["BTC","24h","longs",50000000],0,"",0,"midc1z40",""]',
      '[1,5,["XRP","above",2.5],0,"",0,"midc1z40",""]',
      `[1,6,["0x${"ab".repeat(20)}",["open","flip"],null],0,"",0,"midc1z40",""]`,
    ];
    for (const text of texts) {
      expect(decodeRule(-100123, "abc", text)).not.toBeNull();
      expect(decodeStoredRule(-100123, "abc", text)).toEqual(decodeRule(-100123, "abc", text));
    }
  });
  test("garbage reads as nothing, never a throw: a level that is not a number never reaches the index", () => {
    for (const raw of ["", "{", "[2,0]", "[1,99,[]]", "null", '[1,0,["BTC","above","100"],0,"",0,"a",""]']) {
      expect(decodeStoredRule(1, "x", raw)).toBeNull();
    }
    expect(decodeStoredRule(1, "x", '[1,0,["BTC","above",null],0,"",0,"a",""]')).toBeNull();
    expect(decodeStoredRule(1, "x", '[1,0,["BTC","above",1],[2,"wide",5],"",0,"a",""]')).toBeNull();
    expect(decodeStoredRule(1, "x", '[1,0,["BTC","above",1],0,"",0,"",""]')).toBeNull();
  });
});

describe("planNeededFor", () => {
  test("names the lowest plan each rule needs", () => {
    expect(planNeededFor("price")).toBe("standard");
    expect(planNeededFor("wallet")).toBe("startup");
    expect(planNeededFor("funding")).toBe("hobbyist");
    expect(planNeededFor({ kind: "funding", symbol: "BTC", op: "above", level: 0.05, exchange: null })).toBe(
      "standard",
    );
    expect(planNeededFor({ kind: "funding", symbol: "BTC", op: "above", level: 0.05, exchange: "OKX" })).toBe(
      "hobbyist",
    );
  });
});
