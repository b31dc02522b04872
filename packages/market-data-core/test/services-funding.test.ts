import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useSimAndCore } from "./client-helpers.js";

type Rate = { exchange: string; funding_rate: number; funding_rate_interval: number };
type CoinRates = { symbol: string; stablecoin_margin_list: Rate[] };

const suite = useSimAndCore({ beforeAll, afterAll }, { seed: 11 });
const raw = suite.raw;

const per8h = (r: Rate) => (r.funding_rate * 8) / r.funding_rate_interval;
const minBy = <T>(list: T[], f: (x: T) => number) => list.reduce((a, b) => (f(b) < f(a) ? b : a));

describe("funding compared on one basis (per 8 h)", () => {
  it("the simulator settles Hyperliquid hourly, MEXC every 4 h and the rest every 8 h", async () => {
    const btc = (await raw<CoinRates[]>("/api/futures/funding-rate/exchange-list")).find(
      (c) => c.symbol === "BTC",
    );
    const hours = Object.fromEntries(
      btc?.stablecoin_margin_list.map((r) => [r.exchange, r.funding_rate_interval]) ?? [],
    );
    expect(hours).toMatchObject({ Hyperliquid: 1, MEXC: 4, Binance: 8, OKX: 8, Bybit: 8 });
  });

  it("ranks by the per-8-hour rate, so an hourly rate is not 'lowest' for being per hour", async () => {
    const coins = await raw<CoinRates[]>("/api/futures/funding-rate/exchange-list");
    // Coins where Hyperliquid's raw (hourly) rate is the lowest number but not the lowest per 8 h.
    const misleading = coins.filter((c) => {
      const list = c.stablecoin_margin_list;
      return (
        minBy(list, (r) => r.funding_rate).exchange === "Hyperliquid" &&
        minBy(list, per8h).exchange !== "Hyperliquid"
      );
    });
    expect(misleading.length).toBeGreaterThan(3);
    for (const c of misleading.slice(0, 4)) {
      const f = (await suite.env.core.market.getFunding(c.symbol)).data;
      const list = c.stablecoin_margin_list;
      expect(f.lowest?.exchange).toBe(minBy(list, per8h).exchange);
      expect(f.lowest?.exchange).not.toBe("Hyperliquid");
      expect(f.highest?.exchange).toBe(minBy(list, (r) => -per8h(r)).exchange);
      expect(f.spreadPer8hPct).toBeCloseTo((f.highest?.per8hPct ?? 0) - (f.lowest?.per8hPct ?? 0), 12);
      // Each row keeps its own interval and raw rate beside the normalized ones.
      const hl = f.stablecoinMargin.find((r) => r.exchange === "Hyperliquid");
      const up = list.find((r) => r.exchange === "Hyperliquid") as Rate;
      expect(hl).toMatchObject({ ratePct: up.funding_rate, intervalHours: 1 });
      expect(hl?.per8hPct).toBeCloseTo(up.funding_rate * 8, 12);
      expect(hl?.aprPct).toBeCloseTo(up.funding_rate * 24 * 365, 9);
      // Rows come highest per 8 h first.
      const ranked = f.stablecoinMargin.map((r) => r.per8hPct as number);
      expect(ranked).toEqual([...ranked].sort((a, b) => b - a));
    }
  });

  it("averages per 8 h weighted by open interest, and keeps CoinGlass's averages as given", async () => {
    const [coins, oi, markets] = await Promise.all([
      raw<CoinRates[]>("/api/futures/funding-rate/exchange-list"),
      raw<Array<Record<string, number | string>>>("/api/futures/open-interest/exchange-list", {
        symbol: "ETH",
      }),
      raw<Array<Record<string, number | string>>>("/api/futures/coins-markets", { per_page: "1000" }),
    ]);
    const list = coins.find((c) => c.symbol === "ETH")?.stablecoin_margin_list ?? [];
    let sum = 0;
    let total = 0;
    for (const r of list) {
      const w = Number(oi.find((o) => o.exchange === r.exchange)?.open_interest_by_stable_coin_margin);
      sum += per8h(r) * w;
      total += w;
    }
    const f = await suite.env.core.market.getFunding("ETH");
    expect(f.data.average.exchanges).toBe(list.length);
    expect(f.data.average.per8hPct).toBeCloseTo(sum / total, 12);
    expect(f.data.average.aprPct).toBeCloseTo((sum / total) * 3 * 365, 9);
    expect(f.data.oiWeightedRatePct).toBe(markets.find((m) => m.symbol === "ETH")?.avg_funding_rate_by_oi);
    const raw2 = await suite.env.core.market.getRaw("ETH");
    expect(raw2.data.funding.average).toEqual(f.data.average);
    expect(raw2.data.funding.byExchange[0]?.exchange).toBe(f.data.highest?.exchange);
  });

  it("the sentiment's funding bias reads the per-8-hour average", async () => {
    const s = (await suite.env.core.market.getSentiment()).data.funding;
    const btc = (await suite.env.core.market.getFunding("BTC")).data;
    expect(s.average).toEqual(btc.average);
    const v = s.average.per8hPct as number;
    expect(s.bias).toBe(v > 0.005 ? "longs_pay" : v < -0.005 ? "shorts_pay" : "neutral");
    expect(s.btcOiWeightedRatePct).toBe(btc.oiWeightedRatePct);
  });

  it("the overview ranks coins by open interest and summarises funding per 8 h", async () => {
    const [markets, coins] = await Promise.all([
      raw<Array<{ symbol: string; open_interest_usd: number }>>("/api/futures/coins-markets", {
        per_page: "1000",
      }),
      raw<CoinRates[]>("/api/futures/funding-rate/exchange-list"),
    ]);
    const top = [...markets].sort((a, b) => b.open_interest_usd - a.open_interest_usd).slice(0, 5);
    const r = await suite.env.core.market.getOverview(5);
    expect(r.data.rankedBy).toBe("open_interest");
    expect(r.data.coins.map((c) => c.symbol)).toEqual(top.map((c) => c.symbol));
    const eth = r.data.coins.find((c) => c.symbol === "ETH");
    const list = coins.find((c) => c.symbol === "ETH")?.stablecoin_margin_list ?? [];
    expect(eth?.funding.meanPer8hPct).toBeCloseTo(list.reduce((s, x) => s + per8h(x), 0) / list.length, 12);
    expect(eth?.funding.lowest?.exchange).toBe(minBy(list, per8h).exchange);
    expect(eth?.rsi["1h"]).toBeGreaterThan(0);
    expect(r.meta.missing).toEqual([]);
  });
});
