import { readFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMarketDataCore, type MarketDataCore } from "../src/core.js";
import { CoinGlassApiError, PlanError } from "../src/models/errors.js";

/**
 * The reference's example payloads (test/fixtures/golden) served over real HTTP: path
 * `/api/futures/liquidation/exchange-list` -> `liquidation-exchange-list.json`.
 */
const golden = new URL("./fixtures/golden/", import.meta.url);
const override = new Map<string, string>();
let server: Server;
let core: MarketDataCore;

function fileFor(path: string): string {
  const special: Record<string, string> = {
    "/api/futures/v2/taker-buy-sell-volume/history": "taker-buy-sell-volume-history-v2",
  };
  return (
    override.get(path) ??
    special[path] ??
    path
      .replace(/^\/api\/(futures|index)\//, "")
      .replace(/^\/api\//, "")
      .replaceAll("/", "-")
  );
}

beforeAll(async () => {
  server = createServer((req, res) => {
    const path = (req.url ?? "/").split("?")[0] as string;
    readFile(new URL(`${fileFor(path)}.json`, golden), "utf8").then(
      (body) => res.writeHead(200, { "Content-Type": "application/json" }).end(body),
      () => res.writeHead(404).end('{"code":"404","msg":"Endpoint not found"}'),
    );
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as AddressInfo;
  core = createMarketDataCore({
    apiKey: "golden-key",
    baseUrl: `http://127.0.0.1:${port}`,
    plan: "professional",
    retry: { retries: 0 },
  });
});
afterAll(async () => {
  await core.close();
  await new Promise((r) => server.close(r));
});

describe("golden reference payloads parse to the right domain values", () => {
  it("liquidation exchange-list: the All row", async () => {
    const r = await core.client.fetchLiquidationExchangeList({ coin: "BTC", range: "24h" });
    expect(r.value[0]).toEqual({
      exchange: "All",
      totalUsd: 14673519.81739075,
      longUsd: 451394.17404598,
      shortUsd: 14222125.64334477,
    });
  });

  it("funding exchange-list: nested stablecoin and token margin lists", async () => {
    const [btc] = (await core.client.fetchFundingRates()).value;
    expect(btc?.symbol).toBe("BTC");
    expect(btc?.stablecoinMargin[0]).toEqual({
      exchange: "Binance",
      ratePct: 0.007343,
      intervalHours: 8,
      nextFundingTime: 1745222400000,
      per8hPct: 0.007343,
      aprPct: 0.007343 * 3 * 365,
    });
    expect(btc?.stablecoinMargin[1]?.exchange).toBe("OKX");
    expect(btc?.tokenMargin[0]?.ratePct).toBe(-0.001829);
  });

  it("whales: direction from the sign of position_size, open/close from position_action", async () => {
    const [alert] = (await core.client.fetchWhaleAlerts()).value;
    expect(alert).toMatchObject({
      coin: "ETH",
      positionSize: 12700,
      direction: "long",
      action: "close",
      valueUsd: 21003260,
    });
    const [pos] = (await core.client.fetchWhalePositions()).value;
    expect(pos).toMatchObject({
      positionSize: -44727.1273,
      direction: "short",
      leverage: 25,
      marginMode: "cross",
    });
  });

  it("numbers sent as strings (and mixed rows) become numbers", async () => {
    const candles = (
      await core.client.fetchPriceHistory({ exchange: "Binance", pair: "BTCUSDT", interval: "1h", limit: 2 })
    ).value;
    expect(candles[0]).toEqual({
      time: 1745366400000,
      open: 93404.9,
      high: 93864.9,
      low: 92730,
      close: 92858.2,
      volumeUsd: 1166471854.3026,
    });
    expect(candles[1]?.close).toBe(92900.5);
  });

  it("seconds become milliseconds (fear & greed, order-book snapshots)", async () => {
    const fg = (await core.client.fetchFearGreedHistory()).value;
    expect(fg[0]).toEqual({ time: 1636588800000, value: 73, priceUsd: 64945.1 });
    const [snap] = (
      await core.client.fetchOrderbookHistory({
        exchange: "Binance",
        pair: "BTCUSDT",
        interval: "1h",
        limit: 1,
      })
    ).value;
    expect(snap?.time).toBe(1723611600000);
    expect(snap?.bids[0]).toEqual([56420, 4.777]);
  });

  it("large limit orders and taker exchange-list", async () => {
    const [wall] = (await core.client.fetchLargeLimitOrders({ exchange: "Binance", pair: "BTCUSDT" })).value;
    expect(wall).toMatchObject({
      id: 2868159989,
      side: "bid",
      state: "open",
      currentUsd: 1068844.21,
      priceUsd: 56932,
    });
    const t = (await core.client.fetchTakerVolume({ coin: "BTC", range: "1h" })).value;
    expect(t).toMatchObject({ buyRatioPct: 51.01, buyUsd: 1112108532.1688 });
    expect(t.byExchange[0]).toMatchObject({ exchange: "Binance", sellUsd: 247674925.1653 });
  });

  it("ETF flows: per-fund figures, a fund left out is null, envelopes without msg", async () => {
    const [btc] = (await core.client.fetchEtfFlows("BTC")).value;
    expect(btc).toEqual({
      time: 1704931200000,
      totalUsd: 655300000,
      priceUsd: 46663,
      funds: [
        { ticker: "GBTC", flowUsd: -95100000 },
        { ticker: "IBIT", flowUsd: 111700000 },
        { ticker: "FBTC", flowUsd: 227000000 },
      ],
    });
    const [sol] = (await core.client.fetchEtfFlows("SOL")).value;
    expect(sol?.funds.map((f) => f.flowUsd)).toEqual([11700000, null, null, null, 1000000]);
    const [hk] = (await core.client.fetchHongKongEtfFlows()).value;
    expect(hk?.funds[2]).toEqual({ ticker: "BOSERA&HASHKEY", flowUsd: 61117310 });
    const assets = (await core.client.fetchEtfNetAssets("ETH")).value;
    expect(assets.at(-1)).toEqual({
      time: 1705017600000,
      netAssetsUsd: 51874409241.39,
      changeUsd: 203000000,
      priceUsd: 1637.8,
    });
  });

  it("funding arbitrage: legs on the 8-hour basis; accumulated sums keep CoinGlass's spelling", async () => {
    const [supra] = (await core.client.fetchFundingArbitrage({ usd: 10000 })).value;
    expect(supra).toEqual({
      symbol: "SUPRA",
      long: {
        exchange: "MEXC",
        openInterestUsd: 848218.2833,
        ratePct: -0.994,
        intervalHours: 4,
        per8hPct: -1.988,
        aprPct: -0.994 * 6 * 365,
      },
      short: expect.objectContaining({ exchange: "Gate.io", ratePct: 0.005, per8hPct: 0.01 }),
      coinglassAprPct: 2187.81,
      feePct: 0.03,
      priceSpreadPct: -0.09,
      nextFundingTime: 1745222400000,
    });
    const [btc] = (await core.client.fetchAccumulatedFunding("7d")).value;
    expect(btc?.stablecoinMargin).toEqual([
      { exchange: "BINANCE", ratePct: 0.001873 },
      { exchange: "OKX", ratePct: 0.00775484 },
    ]);
  });

  it("options: the All row, a venue without its volume change, YYMMDD expiries, numeric-string max pain", async () => {
    const [all, deribit] = (await core.client.fetchOptionInfo("BTC")).value;
    expect(all).toMatchObject({ exchange: "All", sharePct: 100, volumeChange24hPct: 303.1 });
    expect(deribit).toMatchObject({ exchange: "Deribit", openInterest: 262641.9, volumeChange24hPct: null });
    const [first] = (await core.client.fetchOptionMaxPain({ coin: "BTC", exchange: "Deribit" })).value;
    expect(first).toEqual({
      date: "2025-04-22",
      maxPainUsd: 84000,
      callOpenInterest: 953.7,
      putOpenInterest: 512.5,
      callNotionalUsd: 83519113.56,
      putNotionalUsd: 44881569.13,
      callMarketValueUsd: 1616749.22,
      putMarketValueUsd: 49687.62,
    });
    const chart = (await core.client.fetchOptionOiHistory({ coin: "BTC", range: "4h" })).value;
    expect(chart).toEqual({
      times: [1691460000000],
      prices: [29140.9],
      byExchange: { huobi: [15167.03527], gate: [23412.723] },
    });
  });

  it("liquidation heatmap, map and max pain: second candles, trimmed cells dropped, no msg", async () => {
    const heatmap = (await core.client.fetchLiquidationHeatmap({ coin: "BTC", range: "24h" })).value;
    // The documented example points its cells past its three prices and two candles: none is kept.
    expect(heatmap).toEqual({
      times: [1722676500000, 1722676800000],
      closes: [61539.9, 61590.5],
      prices: [47968.54, 48000, 48031.46],
      cells: [],
    });
    const levels = (await core.client.fetchLiquidationLevels({ coin: "BTC", range: "1d" })).value;
    expect(levels).toEqual([{ priceUsd: 48935, liquidationUsd: 1579370.77 }]);
    const [btc, eth] = (await core.client.fetchLiquidationMaxPain("24h")).value;
    expect(btc).toEqual({
      symbol: "BTC",
      priceUsd: 110625.1,
      long: { priceUsd: 113046.71, liquidationUsd: 75677278.26 },
      short: { priceUsd: 109748.37, liquidationUsd: 44617473.19 },
    });
    expect(eth?.short.priceUsd).toBe(3820.002);
  });

  it("indicators: second timestamps become ms; the premium rate and basis changes are not used", async () => {
    const [p] = (await core.client.fetchCoinbasePremium({ interval: "1h" })).value;
    expect(p).toEqual({ time: 1658880000000, premiumUsd: 5.55 });
    const m = (await core.client.fetchBitfinexMargin({ coin: "BTC", interval: "1d" })).value;
    expect(m.at(-1)).toEqual({ time: 1658966400000, longQuantity: 105259.46, shortQuantity: 2847.84 });
    const b = (await core.client.fetchBasisHistory({ exchange: "Binance", pair: "BTCUSDT", interval: "1h" }))
      .value;
    expect(b[0]).toEqual({ time: 1741629600000, openBasisPct: 0.0504, closeBasisPct: 0.0445 });
  });

  it("economic calendar: display text kept, empty values null, no msg in the envelope", async () => {
    const [first] = (await core.client.fetchEconomicCalendar({ startTime: 0, endTime: 1 })).value;
    expect(first).toEqual({
      name: "Seasonally adjusted industrial output (MoM)(May)",
      countryCode: "SK",
      country: "Korea",
      importance: 1,
      time: 1751238000000,
      exactTime: true,
      forecast: "-0.1%",
      previous: "-0.9%",
      actual: "-2.9%",
    });
  });

  it("exchange balances: coin units with 1d/7d/30d changes, largest first", async () => {
    const [coinbase, binance] = (await core.client.fetchExchangeBalances("BTC")).value;
    expect(coinbase).toEqual({
      exchange: "Coinbase",
      balance: 716590.351233,
      change: {
        "1d": { quantity: 638.797302, pct: 0.09 },
        "7d": { quantity: 799.967408, pct: 0.11 },
        "30d": { quantity: -29121.977486, pct: -3.91 },
      },
    });
    expect(binance?.exchange).toBe("Binance");
  });

  it("whale transfers: numeric strings, second timestamps, labels that are not exchanges", async () => {
    const [first] = (await core.client.fetchWhaleTransfers({})).value;
    expect(first).toMatchObject({
      symbol: "WETH",
      usd: 18403606.873493258,
      quantity: 10081.791421235566,
      from: "unknown wallet",
      direction: "other",
      chain: "ethereum",
      time: 1746265043000,
    });
  });

  it("error bodies become typed errors", async () => {
    override.set("/api/futures/coins-price-change", "error-upgrade-plan");
    override.set("/api/futures/supported-exchanges", "error-invalid-api-key");
    await expect(core.client.fetchCoinsPriceChange()).rejects.toBeInstanceOf(PlanError);
    const bad = await core.client.fetchSupportedExchanges().catch((e: unknown) => e);
    expect(bad).toBeInstanceOf(CoinGlassApiError);
    expect((bad as CoinGlassApiError).code).toBe("400");
    expect(String(bad)).not.toContain("golden-key");
  });
});
