import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSimulator, type Simulator } from "../src/index.js";
import { get } from "./helpers.js";

const post = async (sim: Simulator, op: string, body: unknown = {}) => {
  const res = await fetch(`${sim.restUrl}/__sim/${op}`, { method: "POST", body: JSON.stringify(body) });
  // biome-ignore lint/suspicious/noExplicitAny: control replies differ per operation
  return { status: res.status, body: (await res.json()) as any };
};

// biome-ignore lint/suspicious/noExplicitAny: raw CoinGlass rows
const coinRow = async (sim: Simulator, symbol: string, query = ""): Promise<any> => {
  const r = await get(sim, "/api/futures/coins-markets", `per_page=1000${query}`);
  // biome-ignore lint/suspicious/noExplicitAny: raw CoinGlass rows
  return (r.body.data as any[]).find((row) => row.symbol === symbol);
};

describe("figures set by hand (rules tests)", () => {
  let sim: Simulator;
  beforeAll(async () => {
    sim = await createSimulator({ background: false });
  });
  afterAll(() => sim.close());

  it("sets and moves a coin's price; the rolling changes see the jump", async () => {
    const before = await coinRow(sim, "BTC");
    expect((await post(sim, "set-price", { symbol: "BTC", price: 123_456 })).body).toEqual({
      price: 123_456,
    });
    const after = await coinRow(sim, "BTC");
    expect(after.current_price).toBe(123_456);
    const jump = (123_456 / before.current_price - 1) * 100;
    expect(after.price_change_percent_5m - before.price_change_percent_5m).toBeCloseTo(jump, 0);
    await post(sim, "set-price", { symbol: "BTC", movePct: -10 });
    expect((await coinRow(sim, "BTC")).current_price).toBeCloseTo(111_110.4, 0);
    expect(sim.control.price("BTC")).toBeCloseTo(111_110.4, 0);
  });

  it("sets open interest, in total or on one exchange, and its change follows", async () => {
    const before = await coinRow(sim, "ETH");
    await post(sim, "set-oi", { symbol: "ETH", movePct: 5 });
    const after = await coinRow(sim, "ETH");
    expect(after.open_interest_usd / before.open_interest_usd).toBeCloseTo(1.05, 3);
    expect(after.open_interest_change_percent_1h - before.open_interest_change_percent_1h).toBeGreaterThan(4);
    const okxBefore = await coinRow(sim, "ETH", "&exchange_list=OKX");
    await post(sim, "set-oi", { symbol: "ETH", movePct: -20, exchange: "OKX" });
    const okx = await coinRow(sim, "ETH", "&exchange_list=OKX");
    expect(okx.open_interest_usd / okxBefore.open_interest_usd).toBeCloseTo(0.8, 3);
  });

  it("sets funding per exchange and the long/short ratio", async () => {
    await post(sim, "set-funding", { symbol: "SOL", exchange: "Binance", ratePct: -0.05 });
    const list = await get(sim, "/api/futures/funding-rate/exchange-list");
    // biome-ignore lint/suspicious/noExplicitAny: raw CoinGlass rows
    const sol = (list.body.data as any[]).find((r) => r.symbol === "SOL");
    // biome-ignore lint/suspicious/noExplicitAny: raw CoinGlass rows
    expect(sol.stablecoin_margin_list.find((e: any) => e.exchange === "Binance").funding_rate).toBe(-0.05);
    await post(sim, "set-long-short", { symbol: "SOL", ratio: 2.5 });
    expect((await coinRow(sim, "SOL")).long_short_ratio_5m).toBeCloseTo(2.5, 3);
  });

  it("sets a Hyperliquid wallet's positions; unknown wallets are flat", async () => {
    const address = `0x${"ab".repeat(20)}`;
    await post(sim, "wallet", { address, positions: [{ coin: "BTC", szi: -2, entryPx: 100_000 }] });
    // biome-ignore lint/suspicious/noExplicitAny: the raw CoinGlass object
    const r = (await get(sim, "/api/hyperliquid/user-position", `user_address=${address}`)).body.data as any;
    expect(r.asset_positions).toHaveLength(1);
    expect(r.asset_positions[0].position).toMatchObject({ coin: "BTC", szi: -2, entry_px: 100_000 });
    const flat = await get(sim, "/api/hyperliquid/user-position", `user_address=0x${"cd".repeat(20)}`);
    expect((flat.body.data as { asset_positions: unknown[] }).asset_positions).toEqual([]);
    expect((await get(sim, "/api/hyperliquid/user-position", "user_address=0x12")).body.msg).toMatch(
      /user_address/,
    );
  });

  it("refuses bad input in plain words and reset clears every override", async () => {
    expect((await post(sim, "set-price", { symbol: "NOPE", price: 1 })).body.error).toMatch(/unknown coin/);
    expect((await post(sim, "set-price", { symbol: "BTC" })).body.error).toMatch(/movePct/);
    expect((await post(sim, "wallet", { address: "x", positions: [] })).status).toBe(400);
    sim.control.reset();
    expect((await coinRow(sim, "SOL")).long_short_ratio_5m).not.toBeCloseTo(2.5, 3);
  });
});
