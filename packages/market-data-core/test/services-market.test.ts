import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PlanError, UnknownSymbolError } from "../src/models/errors.js";
import { simAndCore, useSimAndCore } from "./client-helpers.js";

const suite = useSimAndCore({ beforeAll, afterAll }, { seed: 11 });
const raw = suite.raw;

describe("market services (professional plan)", () => {
  it("getRaw fills every section from CoinGlass and lists only what it does not give", async () => {
    const r = await suite.env.core.market.getRaw("btc/usdt");
    expect(r.symbol).toBe("BTC");
    const d = r.data;
    const markets = await raw<Array<Record<string, number | string>>>("/api/futures/coins-markets", {
      per_page: "1000",
    });
    const btc = markets.find((m) => m.symbol === "BTC");
    expect(d.price.lastUsd).toBe(btc?.current_price);
    expect(d.price.changePct["5m"]).toBe(btc?.price_change_percent_5m);
    expect(d.price.high24hUsd).toBeGreaterThanOrEqual(d.price.low24hUsd as number);
    expect(d.funding.oiWeightedRatePct).toBe(btc?.avg_funding_rate_by_oi);
    expect(d.funding.referenceExchange).toBe("Binance");
    expect(d.funding.intervalHours).toBe(8);
    expect(d.liquidations.windows["1h"].totalUsd).toBe(btc?.liquidation_usd_1h);
    expect(d.longShort.globalAccounts.ratio).toBeGreaterThan(0);
    expect(d.taker["1h"].netUsd).toBeCloseTo(
      (d.taker["1h"].buyUsd as number) - (d.taker["1h"].sellUsd as number),
    );
    const rsi = await raw<Array<Record<string, number | string>>>("/api/futures/rsi/list");
    expect(d.rsi["4h"]).toBe(rsi.find((x) => x.symbol === "BTC")?.rsi_4h);
    const { bidsUsd, asksUsd, imbalancePct } = d.orderbook;
    expect(imbalancePct).toBeCloseTo(
      (((bidsUsd as number) - (asksUsd as number)) / ((bidsUsd as number) + (asksUsd as number))) * 100,
    );
    expect(d.openInterest.byExchange.length).toBeGreaterThan(3);
    // CoinGlass has no 12h OI or volume change: null and named, never 0.
    expect(d.openInterest.changePct["12h"]).toBeNull();
    expect(r.meta.missing.sort()).toEqual(["openInterest.changePct.12h", "volume.changePct.12h"]);
  });

  it("resolves what people type, suggests for typos, and maps pairs per exchange", async () => {
    expect(await suite.env.core.market.resolveSymbol("1000pepe")).toBe("1000PEPE");
    const error = await suite.env.core.market.getRaw("btcx").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnknownSymbolError);
    expect((error as UnknownSymbolError).suggestions).toContain("BTC");
    const book = await suite.env.core.market.getOrderbook("pepe", { exchange: "Hyperliquid" });
    expect(book.data.pair).toBe("kPEPE");
    const list = await suite.env.core.market.listSymbols();
    expect(list.data).toContain("1000PEPE");
  });

  it("answers the other services", async () => {
    const m = suite.env.core.market;
    const [oi, ls, taker, rsi, candles, bars, sentiment, book] = await Promise.all([
      m.getOpenInterest("eth"),
      m.getLongShort("eth"),
      m.getTaker("eth", "4h"),
      m.getRsi("eth"),
      m.getPriceHistory("eth", { interval: "1h", limit: 24 }),
      m.getLiquidationHistory("eth", { interval: "4h", limit: 12 }),
      m.getSentiment(),
      m.getOrderbook("btc"),
    ]);
    expect(oi.data.totalUsd).toBeGreaterThan(0);
    expect(oi.data.history.length).toBe(24);
    expect(ls.data.pair).toBe("ETHUSDT");
    expect(ls.data.topPositions.longPct).not.toBeNull();
    expect(taker.data.range).toBe("4h");
    expect(rsi.data.rsi["1w"]).not.toBeNull();
    expect(candles.data).toHaveLength(24);
    expect(bars.data).toHaveLength(12);
    expect(sentiment.data.fearGreed.value).not.toBeNull();
    expect(sentiment.data.btc.priceUsd).toBeGreaterThan(0);
    expect(["longs_pay", "shorts_pay", "neutral"]).toContain(sentiment.data.funding.bias);
    expect(book.data.walls.bids.length + book.data.walls.asks.length).toBeGreaterThan(0);
    for (const r of [oi, ls, taker, rsi, candles, bars, sentiment, book]) expect(r.meta.missing).toEqual([]);
  });
});

describe("market services on a plan that lacks endpoints", () => {
  it("returns the rest with the missing parts null and listed", async () => {
    const low = await simAndCore({ plan: "startup" });
    try {
      const r = await low.core.market.getRaw("ETH");
      // pairs-markets (all plans) still gives the price and 24h change; coins-markets (standard) does not.
      expect(r.data.price.lastUsd).toBeGreaterThan(0);
      expect(r.data.price.changePct["24h"]).not.toBeNull();
      expect(r.data.price.changePct["5m"]).toBeNull();
      expect(r.data.funding.oiWeightedRatePct).toBeNull();
      // Startup has no rsi/list: the Binance pair's RSI series gives 1h/4h/24h, 15m stays null.
      expect(r.data.rsi["1h"]).toBeGreaterThan(0);
      expect(r.data.rsi["15m"]).toBeNull();
      expect(r.data.funding.byExchange.length).toBeGreaterThan(0);
      expect(r.meta.missing).toEqual(
        expect.arrayContaining(["rsi.15m", "funding.oiWeightedRatePct", "price.changePct.5m"]),
      );
      expect(r.meta.missing).not.toContain("price.lastUsd");
      expect(r.meta.missing).not.toContain("rsi.1h");
      expect(low.hits("/api/futures/rsi/list")).toBe(0);
      const book = await low.core.market.getOrderbook("ETH");
      expect(book.meta.missing).toContain("walls");
      expect(book.data.walls.bids).toEqual([]);
      expect(book.data.depth.bidsUsd).toBeGreaterThan(0);
      const mood = await low.core.market.getSentiment();
      expect(mood.data.btc.priceUsd).toBeGreaterThan(0);
      // CoinGlass's own average needs coins-markets; the per-8-hour average does not.
      expect(mood.data.funding.btcOiWeightedRatePct).toBeNull();
      expect(mood.data.funding.average.per8hPct).not.toBeNull();
      expect(mood.meta.missing).toContain("funding.btcOiWeightedRatePct");
      expect(low.hits("/api/futures/coins-markets")).toBe(1); // the getRaw above; sentiment did not ask
    } finally {
      await low.close();
    }
  });

  it("gives a typed plan error when nothing at all is available", async () => {
    const low = await simAndCore({ plan: "hobbyist" });
    try {
      const error = await low.core.market.getWhale().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(PlanError);
      expect((error as PlanError).message).toContain("/api/hyperliquid/");
    } finally {
      await low.close();
    }
  });
});
