import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSimulator, type Simulator } from "../src/index.js";
import { data, FIXED_NOW } from "./helpers.js";

type Row = Record<string, number | string>;
const sum = (rows: Row[], f: string) => rows.reduce((s, r) => s + (r[f] as number), 0);

describe.each([1, 42, 20260115])("market consistency (seed %i)", (seed) => {
  let sim: Simulator;
  beforeAll(async () => {
    sim = await createSimulator({ seed, clock: () => FIXED_NOW, background: false });
  });
  afterAll(() => sim.close());

  it("lists at least 40 coins on several exchanges, 1000PEPE with a non-USDT pair on Hyperliquid", async () => {
    const coins = await data<string[]>(sim, "/api/futures/supported-coins");
    expect(coins.length).toBeGreaterThanOrEqual(40);
    for (const c of ["BTC", "ETH", "SOL", "BNB", "XRP", "DOGE", "ADA", "AVAX", "DOT", "LINK", "1000PEPE"])
      expect(coins).toContain(c);
    const pairs = await data<Record<string, { instrument_id: string; base_asset: string }[]>>(
      sim,
      "/api/futures/supported-exchange-pairs",
    );
    expect(Object.keys(pairs)).toEqual(
      expect.arrayContaining(["Binance", "OKX", "Bybit", "Bitget", "Hyperliquid"]),
    );
    const pepe = pairs.Hyperliquid?.find((p) => p.base_asset === "1000PEPE");
    expect(pepe?.instrument_id).toBe("kPEPE");
    expect(pairs.Binance?.find((p) => p.base_asset === "1000PEPE")?.instrument_id).toBe("1000PEPEUSDT");
  });

  it("liquidation exchange-list: All is the sum of the exchanges, long + short = total", async () => {
    for (const q of ["symbol=BTC&range=24h", "range=1h", "symbol=1000PEPE&range=4h"]) {
      const rows = await data<Row[]>(sim, "/api/futures/liquidation/exchange-list", q);
      const [all, ...ex] = rows as [Row, ...Row[]];
      expect(all.exchange).toBe("All");
      expect(ex.length).toBeGreaterThanOrEqual(5);
      expect(all.liquidation_usd).toBeCloseTo(sum(ex, "liquidation_usd"), 2);
      expect(all.long_liquidation_usd).toBeCloseTo(sum(ex, "long_liquidation_usd"), 2);
      for (const r of rows) {
        expect(r.long_liquidation_usd as number).toBeGreaterThan(0);
        expect((r.long_liquidation_usd as number) + (r.short_liquidation_usd as number)).toBeCloseTo(
          r.liquidation_usd as number,
          2,
        );
      }
    }
  });

  it("coins-markets agrees with pairs-markets, the OI list and the liquidation list", async () => {
    const markets = await data<Row[]>(sim, "/api/futures/coins-markets", "per_page=100");
    expect(markets).toHaveLength(45);
    const btc = markets.find((r) => r.symbol === "BTC") as Row;
    const pairs = await data<Row[]>(sim, "/api/futures/pairs-markets", "symbol=BTC");
    const binance = pairs.find((p) => p.exchange_name === "Binance") as Row;
    expect(binance.current_price).toBe(btc.current_price);
    for (const p of pairs)
      expect(Math.abs((p.current_price as number) / (btc.current_price as number) - 1)).toBeLessThan(0.002);
    expect(btc.open_interest_usd).toBeCloseTo(sum(pairs, "open_interest_usd"), 0);
    const oi = await data<Row[]>(sim, "/api/futures/open-interest/exchange-list", "symbol=BTC");
    expect(oi[0]?.exchange).toBe("All");
    expect(oi[0]?.open_interest_usd).toBeCloseTo(btc.open_interest_usd as number, 0);
    expect(oi[0]?.open_interest_usd).toBeCloseTo(sum(oi.slice(1), "open_interest_usd"), 0);
    const liq = await data<Row[]>(sim, "/api/futures/liquidation/exchange-list", "symbol=BTC&range=24h");
    expect(btc.liquidation_usd_24h).toBeCloseTo(liq[0]?.liquidation_usd as number, 0);
    expect((btc.long_liquidation_usd_24h as number) + (btc.short_liquidation_usd_24h as number)).toBeCloseTo(
      btc.liquidation_usd_24h as number,
      2,
    );
    const change = await data<Row[]>(sim, "/api/futures/coins-price-change");
    expect(change.find((r) => r.symbol === "BTC")?.current_price).toBe(btc.current_price);
    expect(change.find((r) => r.symbol === "BTC")?.price_change_percent_24h).toBe(
      btc.price_change_percent_24h,
    );
  });

  it("coins-markets honours exchange_list, per_page and page", async () => {
    const page2 = await data<Row[]>(sim, "/api/futures/coins-markets", "per_page=5&page=2");
    const first10 = await data<Row[]>(sim, "/api/futures/coins-markets");
    expect(first10).toHaveLength(10);
    expect(page2.map((r) => r.symbol)).toEqual(first10.slice(5, 10).map((r) => r.symbol));
    const onlyBinance = await data<Row[]>(
      sim,
      "/api/futures/coins-markets",
      "exchange_list=Binance&per_page=3",
    );
    const pairs = await data<Row[]>(sim, "/api/futures/pairs-markets", "symbol=ETH");
    const eth = onlyBinance.find((r) => r.symbol === "ETH") as Row;
    expect(eth.open_interest_usd).toBeCloseTo(
      pairs.find((p) => p.exchange_name === "Binance")?.open_interest_usd as number,
      2,
    );
  });

  it("history ends at the current values", async () => {
    const pairs = await data<Row[]>(sim, "/api/futures/pairs-markets", "symbol=ETH");
    for (const p of pairs.slice(0, 3)) {
      const q = `exchange=${p.exchange_name}&symbol=${p.instrument_id}&interval=1h&limit=24`;
      const candles = await data<Row[]>(sim, "/api/futures/price/history", q);
      expect(candles).toHaveLength(24);
      expect(Number(candles.at(-1)?.close)).toBe(p.current_price);
      for (let i = 1; i < candles.length; i++) expect(candles[i]?.open).toBe(candles[i - 1]?.close);
      for (const c of candles) {
        expect(Number(c.high)).toBeGreaterThanOrEqual(Math.max(Number(c.open), Number(c.close)));
        expect(Number(c.low)).toBeLessThanOrEqual(Math.min(Number(c.open), Number(c.close)));
      }
      const oi = await data<Row[]>(sim, "/api/futures/open-interest/history", q);
      expect(Number(oi.at(-1)?.close)).toBeCloseTo(p.open_interest_usd as number, 0);
      const funding = await data<Row[]>(sim, "/api/futures/funding-rate/history", q);
      expect(Number(funding.at(-1)?.close)).toBe(p.funding_rate);
    }
    const daily = await data<Row[]>(
      sim,
      "/api/futures/price/history",
      "exchange=Binance&symbol=BTCUSDT&interval=1d&limit=2",
    );
    const btc = (await data<Row[]>(sim, "/api/futures/coins-markets", "per_page=1"))[0] as Row;
    expect(Number(daily.at(-1)?.close)).toBe(btc.current_price);
    const rsi = await data<Row[]>(sim, "/api/futures/rsi/list");
    expect(rsi.find((r) => r.symbol === "BTC")?.current_price).toBe(btc.current_price);
  });

  it("percent pairs add up to 100", async () => {
    const taker = await data<Row & { exchange_list: Row[] }>(
      sim,
      "/api/futures/taker-buy-sell-volume/exchange-list",
      "symbol=SOL&range=4h",
    );
    expect((taker.buy_ratio as number) + (taker.sell_ratio as number)).toBeCloseTo(100, 6);
    expect(taker.buy_vol_usd).toBeCloseTo(sum(taker.exchange_list, "buy_vol_usd"), 2);
    for (const r of taker.exchange_list)
      expect((r.buy_ratio as number) + (r.sell_ratio as number)).toBeCloseTo(100, 6);
    const ls = await data<Row[]>(
      sim,
      "/api/futures/global-long-short-account-ratio/history",
      "exchange=Bybit&symbol=SOLUSDT&interval=4h&limit=30",
    );
    for (const r of ls) {
      expect(
        (r.global_account_long_percent as number) + (r.global_account_short_percent as number),
      ).toBeCloseTo(100, 6);
      expect(r.global_account_long_short_ratio).toBeCloseTo(
        (r.global_account_long_percent as number) / (r.global_account_short_percent as number),
        1,
      );
    }
  });

  it("whale positions: value = |size| * mark, direction from the sign", async () => {
    const rows = await data<Row[]>(sim, "/api/hyperliquid/whale-position");
    expect(rows.length).toBeGreaterThan(50);
    for (const r of rows) {
      expect(r.position_value_usd as number).toBeCloseTo(
        Math.abs(r.position_size as number) * (r.mark_price as number),
        -1,
      );
      const long = (r.position_size as number) > 0;
      expect(
        long
          ? (r.liq_price as number) < (r.entry_price as number)
          : (r.liq_price as number) > (r.entry_price as number),
      ).toBe(true);
    }
    const alerts = await data<Row[]>(sim, "/api/hyperliquid/whale-alert");
    expect(alerts.length).toBe(200);
    for (const a of alerts) {
      expect([1, 2]).toContain(a.position_action);
      expect(a.position_value_usd as number).toBeGreaterThan(1e6);
      expect(a.create_time as number).toBeLessThanOrEqual(FIXED_NOW);
    }
  });
});
