import { RuleFiredDetailSchema } from "@teleglas/market-data-core";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createRulesFixture, failing, type RulesFixture } from "./helpers.js";

const WALLET = `0x${"5a".repeat(20)}`;
let fx: RulesFixture;
beforeEach(async () => {
  fx = await createRulesFixture();
});
afterEach(async () => {
  await fx?.cleanup();
});

const btc = () => fx.sim.control.price("BTC");
const ids = async () => (await fx.queued()).map((a) => a.id);

describe("personal rules against the simulator and Redis", () => {
  it("each kind fires once at its crossing, addressed to its chat, and not again while nothing re-arms it", async () => {
    const p = btc();
    const made = {
      price: await fx.rule({
        condition: { kind: "price", symbol: "BTC", op: "above", level: Math.round(p * 1.05) },
        repeat: { mode: "once" },
        note: "take profit",
      }),
      move: await fx.rule({
        condition: { kind: "move", symbol: "ETH", window: "5m", direction: "down", pct: 8 },
        repeat: { mode: "every", band: 1 },
      }),
      oi: await fx.rule({
        condition: { kind: "oi", symbol: "SOL", window: "1h", direction: "up", pct: 30, exchange: null },
        repeat: { mode: "every", band: 1 },
      }),
      oiOkx: await fx.rule({
        condition: { kind: "oi", symbol: "ADA", window: "1h", direction: "down", pct: 30, exchange: "OKX" },
        repeat: { mode: "every", band: 1 },
      }),
      funding: await fx.rule({
        condition: { kind: "funding", symbol: "XRP", op: "above", level: 0.5, exchange: "Binance" },
        repeat: { mode: "every", band: 0.1 },
      }),
      flip: await fx.rule({
        condition: { kind: "funding", symbol: "DOGE", op: "flip", level: 0, exchange: "Bybit" },
        repeat: { mode: "every", band: 0 },
      }),
      liq: await fx.rule({
        condition: { kind: "liquidations", symbol: "BTC", window: "1h", side: "longs", usd: 3e9 },
        repeat: { mode: "once" },
      }),
      ls: await fx.rule({
        condition: { kind: "long_short", symbol: "ETH", op: "above", level: 4 },
        repeat: { mode: "once" },
      }),
      wallet: await fx.rule({
        condition: { kind: "wallet", address: WALLET, events: ["open", "flip"], symbol: null },
        repeat: { mode: "every", band: 0 },
      }),
    };
    const ev = fx.evaluator();
    await ev.load();
    await ev.evaluate(); // first look: nothing is past its level yet, the flip and the wallet take their starting point
    expect(await ids()).toEqual([]);

    const c = fx.sim.control;
    c.setPrice({ symbol: "BTC", movePct: 6 });
    c.setPrice({ symbol: "ETH", movePct: -9 });
    c.setOpenInterest({ symbol: "SOL", movePct: 35 });
    c.setOpenInterest({ symbol: "ADA", movePct: -60, exchange: "OKX" });
    c.setFunding({ symbol: "XRP", exchange: "Binance", ratePct: 0.6 });
    c.setFunding({ symbol: "DOGE", exchange: "Bybit", ratePct: -0.01 });
    c.injectLiquidationStorm({ symbol: "BTC", side: "long", totalUsd: 4e9, count: 40, overSeconds: 0 });
    c.setLongShortRatio({ symbol: "ETH", ratio: 4.5 });
    c.setWallet({ address: WALLET, positions: [{ coin: "BTC", szi: 3 }] });
    fx.clock.now += 60_000;
    await ev.evaluate();

    const alerts = await fx.queued();
    const byRule = new Map(alerts.map((a) => [a.rule_id, a]));
    const missing = Object.entries(made)
      .filter(([, id]) => !byRule.has(id))
      .map(([k]) => k);
    expect(missing).toEqual([]);
    expect(alerts).toHaveLength(9);
    for (const a of alerts) {
      expect(a).toMatchObject({ kind: "rule", chat_id: 42 });
      expect(RuleFiredDetailSchema.safeParse(a.detail).success).toBe(true);
    }
    const price = byRule.get(made.price);
    expect(price?.detail).toMatchObject({ level: Math.round(p * 1.05), seq: 1 });
    expect(price?.detail.rule).toMatchObject({ note: "take profit" });
    expect(price?.price).toBeCloseTo(btc(), 0);
    expect(byRule.get(made.liq)?.usd).toBeGreaterThan(3e9);
    expect(byRule.get(made.wallet)?.detail).toMatchObject({ walletEvent: "open" });

    // Nothing moved back: a second round fires nothing.
    fx.clock.now += 60_000;
    await ev.evaluate();
    expect(await fx.queued()).toHaveLength(9);
    expect((await fx.stores.rules.firedSince(42, 0)).length).toBe(9);
    // The wallet flips: the rule fires again (a new event), as asked.
    c.setWallet({ address: WALLET, positions: [{ coin: "BTC", szi: -1 }] });
    await ev.evaluate();
    expect(
      (await fx.queued()).filter((a) => a.rule_id === made.wallet).map((a) => a.detail.walletEvent),
    ).toEqual(["open", "flip"]);
  });

  it("every crossing re-arms only past the band; at most every N minutes holds back a crossing", async () => {
    const p = btc();
    const every = await fx.rule({
      condition: { kind: "price", symbol: "BTC", op: "above", level: p * 1.02 },
      repeat: { mode: "every", band: p * 0.01 },
    });
    const atMost = await fx.rule({
      condition: { kind: "price", symbol: "BTC", op: "above", level: p * 1.02 },
      repeat: { mode: "at_most", band: p * 0.01, minutes: 60 },
    });
    const ev = fx.evaluator();
    await ev.load();
    await ev.evaluate();
    const to = async (factor: number, minutes = 1) => {
      fx.sim.control.setPrice({ symbol: "BTC", price: p * factor });
      fx.clock.now += minutes * 60_000;
      await ev.evaluate();
    };
    await to(1.03);
    expect(await ids()).toHaveLength(2);
    await to(1.015); // back under the level but inside the band: not re-armed
    await to(1.03);
    expect(await ids()).toHaveLength(2);
    await to(1.005); // past the band: re-armed
    await to(1.025);
    expect((await fx.queued()).map((a) => a.rule_id)).toEqual([every, atMost, every]);
    await to(1.0, 61);
    await to(1.03);
    expect((await fx.queued()).map((a) => `${a.rule_id}#${a.detail.seq}`).slice(3)).toEqual([
      `${every}#3`,
      `${atMost}#2`,
    ]);
  });

  it("a rule past its expiry does not fire; a paused one neither, until resumed", async () => {
    const p = btc();
    await fx.rule({
      condition: { kind: "price", symbol: "BTC", op: "below", level: p * 0.9 },
      repeat: { mode: "once" },
      expiresAt: fx.clock.now + 30_000,
    });
    const paused = await fx.rule({
      condition: { kind: "price", symbol: "BTC", op: "below", level: p * 0.9 },
      repeat: { mode: "once" },
      paused: true,
    });
    const ev = fx.evaluator();
    await ev.load();
    await ev.evaluate();
    fx.clock.now += 60_000;
    fx.sim.control.setPrice({ symbol: "BTC", movePct: -15 });
    await ev.evaluate();
    expect(await ids()).toEqual([]);
    await fx.stores.rules.setPaused(42, paused, false);
    await ev.followChanges(); // a resumed rule whose condition holds fires at once
    expect((await fx.queued()).map((a) => a.rule_id)).toEqual([paused]);
  });

  it("a worker killed before publishing: the restart publishes the crossing once", async () => {
    const id = await fx.rule({
      condition: { kind: "price", symbol: "BTC", op: "above", level: btc() * 1.01 },
      repeat: { mode: "once" },
    });
    const a = fx.evaluator({ stores: failing(fx.stores, "publish") });
    await a.load();
    await a.evaluate();
    fx.sim.control.setPrice({ symbol: "BTC", movePct: 2 });
    await a.evaluate(); // detects, dies before the publish lands
    await a.stop();
    expect(await ids()).toEqual([]);
    const b = fx.evaluator();
    await b.load();
    await b.evaluate();
    await b.evaluate();
    expect(await ids()).toEqual([`rule-42-${id}-1`]);
  });

  it("a worker killed after publishing but before saving: the restart publishes nothing new", async () => {
    const id = await fx.rule({
      condition: { kind: "price", symbol: "BTC", op: "above", level: btc() * 1.01 },
      repeat: { mode: "every", band: 0 },
    });
    const a = fx.evaluator({ stores: failing(fx.stores, "saveState") });
    await a.load();
    await a.evaluate();
    fx.sim.control.setPrice({ symbol: "BTC", movePct: 2 });
    await a.evaluate();
    await a.stop();
    expect(await ids()).toEqual([`rule-42-${id}-1`]);
    const b = fx.evaluator();
    await b.load();
    await b.evaluate();
    await b.evaluate();
    expect(await ids()).toEqual([`rule-42-${id}-1`]);
    expect((await fx.stores.rules.get(42, id))?.state).toMatchObject({ seq: 1, armed: 0 });
  });

  it("the standby that takes over mid-run continues from the stored state", async () => {
    const p = btc();
    const id = await fx.rule({
      condition: { kind: "price", symbol: "BTC", op: "above", level: p * 1.01 },
      repeat: { mode: "every", band: p * 0.005 },
    });
    const leader = fx.evaluator();
    await leader.load();
    await leader.evaluate();
    fx.sim.control.setPrice({ symbol: "BTC", price: p * 1.02 });
    await leader.evaluate();
    await leader.stop(); // the lease passes on
    const standby = fx.evaluator();
    await standby.load();
    await standby.evaluate(); // still above: already reported, not again
    expect(await ids()).toEqual([`rule-42-${id}-1`]);
    fx.sim.control.setPrice({ symbol: "BTC", price: p });
    await standby.evaluate();
    fx.sim.control.setPrice({ symbol: "BTC", price: p * 1.02 });
    await standby.evaluate();
    expect(await ids()).toEqual([`rule-42-${id}-1`, `rule-42-${id}-2`]);
  });
});
