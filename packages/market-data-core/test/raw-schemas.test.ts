/**
 * The raw CoinGlass schemas (written from the reference) against both the reference's documented
 * example payloads (golden fixtures) and every endpoint of the simulator — so a drift on either
 * side shows up here.
 */
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { createSimulator, SAMPLE_QUERIES, type Simulator } from "@teleglas/coinglass-sim";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import type { z } from "zod";
import {
  ErrorEnvelopeSchema,
  envelope,
  numeric,
  RAW_DATA_SCHEMAS,
  type RawPath,
  WsPushSchema,
} from "../src/coinglass/raw/index.js";

const goldenDir = join(dirname(fileURLToPath(import.meta.url)), "fixtures", "golden");

/** Golden fixture -> the schema it must satisfy. */
const GOLDEN: Record<string, RawPath | "ws" | "error"> = {
  "supported-coins.json": "/api/futures/supported-coins",
  "supported-exchanges.json": "/api/futures/supported-exchanges",
  "supported-exchange-pairs.json": "/api/futures/supported-exchange-pairs",
  "coins-markets.json": "/api/futures/coins-markets",
  "pairs-markets.json": "/api/futures/pairs-markets",
  "coins-price-change.json": "/api/futures/coins-price-change",
  "price-history.json": "/api/futures/price/history",
  "exchange-rank.json": "/api/futures/exchange-rank",
  "account-subscription.json": "/api/user/account/subscription",
  "rsi-list.json": "/api/futures/rsi/list",
  "indicators-rsi.json": "/api/futures/indicators/rsi",
  "indicators-ema.json": "/api/futures/indicators/ema",
  "fear-greed-history.json": "/api/index/fear-greed-history",
  "liquidation-coin-list.json": "/api/futures/liquidation/coin-list",
  "liquidation-exchange-list.json": "/api/futures/liquidation/exchange-list",
  "liquidation-aggregated-history.json": "/api/futures/liquidation/aggregated-history",
  "liquidation-history.json": "/api/futures/liquidation/history",
  "liquidation-order.json": "/api/futures/liquidation/order",
  "liquidation-heatmap-model1.json": "/api/futures/liquidation/heatmap/model1",
  "liquidation-heatmap-model2.json": "/api/futures/liquidation/heatmap/model2",
  "liquidation-heatmap-model3.json": "/api/futures/liquidation/heatmap/model3",
  "liquidation-aggregated-heatmap-model1.json": "/api/futures/liquidation/aggregated-heatmap/model1",
  "liquidation-aggregated-heatmap-model2.json": "/api/futures/liquidation/aggregated-heatmap/model2",
  "liquidation-aggregated-heatmap-model3.json": "/api/futures/liquidation/aggregated-heatmap/model3",
  "liquidation-map.json": "/api/futures/liquidation/map",
  "liquidation-aggregated-map.json": "/api/futures/liquidation/aggregated-map",
  "liquidation-max-pain.json": "/api/futures/liquidation/max-pain",
  "hyperliquid-whale-alert.json": "/api/hyperliquid/whale-alert",
  "hyperliquid-whale-position.json": "/api/hyperliquid/whale-position",
  "hyperliquid-position.json": "/api/hyperliquid/position",
  "funding-rate-exchange-list.json": "/api/futures/funding-rate/exchange-list",
  "funding-rate-history.json": "/api/futures/funding-rate/history",
  "open-interest-exchange-list.json": "/api/futures/open-interest/exchange-list",
  "open-interest-history.json": "/api/futures/open-interest/history",
  "open-interest-exchange-history-chart.json": "/api/futures/open-interest/exchange-history-chart",
  "global-long-short-account-ratio-history.json": "/api/futures/global-long-short-account-ratio/history",
  "top-long-short-account-ratio-history.json": "/api/futures/top-long-short-account-ratio/history",
  "top-long-short-position-ratio-history.json": "/api/futures/top-long-short-position-ratio/history",
  "taker-buy-sell-volume-exchange-list.json": "/api/futures/taker-buy-sell-volume/exchange-list",
  "taker-buy-sell-volume-history-v2.json": "/api/futures/v2/taker-buy-sell-volume/history",
  "aggregated-taker-buy-sell-volume-history.json": "/api/futures/aggregated-taker-buy-sell-volume/history",
  "orderbook-large-limit-order.json": "/api/futures/orderbook/large-limit-order",
  "orderbook-ask-bids-history.json": "/api/futures/orderbook/ask-bids-history",
  "orderbook-aggregated-ask-bids-history.json": "/api/futures/orderbook/aggregated-ask-bids-history",
  "orderbook-history.json": "/api/futures/orderbook/history",
  "funding-rate-arbitrage.json": "/api/futures/funding-rate/arbitrage",
  "funding-rate-accumulated-exchange-list.json": "/api/futures/funding-rate/accumulated-exchange-list",
  "coinbase-premium-index.json": "/api/coinbase-premium-index",
  "bitfinex-margin-long-short.json": "/api/bitfinex-margin-long-short",
  "basis-history.json": "/api/futures/basis/history",
  "calendar-economic-data.json": "/api/calendar/economic-data",
  "exchange-balance-list.json": "/api/exchange/balance/list",
  "chain-v2-whale-transfer.json": "/api/chain/v2/whale-transfer",
  "option-info.json": "/api/option/info",
  "option-max-pain.json": "/api/option/max-pain",
  "option-exchange-oi-history.json": "/api/option/exchange-oi-history",
  "option-exchange-vol-history.json": "/api/option/exchange-vol-history",
  "etf-bitcoin-flow-history.json": "/api/etf/bitcoin/flow-history",
  "etf-ethereum-flow-history.json": "/api/etf/ethereum/flow-history",
  "etf-solana-flow-history.json": "/api/etf/solana/flow-history",
  "etf-xrp-flow-history.json": "/api/etf/xrp/flow-history",
  "hk-etf-bitcoin-flow-history.json": "/api/hk-etf/bitcoin/flow-history",
  "etf-bitcoin-net-assets-history.json": "/api/etf/bitcoin/net-assets/history",
  "etf-ethereum-net-assets-history.json": "/api/etf/ethereum/net-assets/history",
  "ws-liquidation-orders.json": "ws",
  "error-api-key-missing.json": "error",
  "error-invalid-api-key.json": "error",
  "error-upgrade-plan.json": "error",
};

const schemaFor = (target: RawPath | "ws" | "error"): z.ZodType =>
  target === "ws"
    ? WsPushSchema
    : target === "error"
      ? ErrorEnvelopeSchema
      : envelope(RAW_DATA_SCHEMAS[target]);

describe("golden fixtures (the reference's example payloads)", () => {
  it("has a schema for every fixture file", () => {
    expect(readdirSync(goldenDir).sort()).toEqual(Object.keys(GOLDEN).sort());
  });

  it.each(Object.entries(GOLDEN))("%s parses", (file, target) => {
    const json = JSON.parse(readFileSync(join(goldenDir, file), "utf8"));
    const result = schemaFor(target).safeParse(json);
    expect(result.error?.issues ?? []).toEqual([]);
  });

  it("coerces documented numeric strings to numbers", () => {
    const json = JSON.parse(readFileSync(join(goldenDir, "price-history.json"), "utf8"));
    const parsed = envelope(RAW_DATA_SCHEMAS["/api/futures/price/history"]).parse(json);
    expect(parsed.data[0]?.open).toBe(93404.9);
    expect(parsed.data[1]?.close).toBe(92900.5);
  });

  it("rejects missing values instead of turning them into 0", () => {
    expect(numeric.safeParse("").success).toBe(false);
    expect(numeric.safeParse(null).success).toBe(false);
    expect(numeric.safeParse("abc").success).toBe(false);
    expect(numeric.parse("-0.005063")).toBe(-0.005063);
    const row = { time: 1, long_liquidation_usd: "", short_liquidation_usd: "1" };
    expect(RAW_DATA_SCHEMAS["/api/futures/liquidation/history"].safeParse([row]).success).toBe(false);
  });
});

describe("simulator responses parse with the raw schemas", () => {
  let sim: Simulator;
  beforeAll(async () => {
    sim = await createSimulator({ seed: 42 });
    sim.control.injectLiquidationStorm({
      symbol: "BTC",
      side: "long",
      totalUsd: 1_000_000,
      count: 5,
      overSeconds: 0,
      exchange: "Binance",
    });
  });
  afterAll(() => sim.close());

  it("covers every schema path", () => {
    expect(Object.keys(SAMPLE_QUERIES).sort()).toEqual(Object.keys(RAW_DATA_SCHEMAS).sort());
  });

  it.each(Object.keys(RAW_DATA_SCHEMAS) as RawPath[])("%s", async (path) => {
    const res = await fetch(`${sim.restUrl}${path}?${SAMPLE_QUERIES[path]}`, {
      headers: { "CG-API-KEY": "k" },
    });
    const json = await res.json();
    const result = envelope(RAW_DATA_SCHEMAS[path]).safeParse(json);
    expect(result.error?.issues.slice(0, 3) ?? []).toEqual([]);
    expect(result.data?.code).toBe("0");
    const data = result.data?.data;
    if (Array.isArray(data)) expect(data.length).toBeGreaterThan(0);
  });

  it("error bodies parse with the error envelope", async () => {
    const res = await fetch(`${sim.restUrl}/api/futures/supported-coins`);
    expect(ErrorEnvelopeSchema.parse(await res.json())).toEqual({ code: "401", msg: "API key missing." });
  });

  it("WebSocket pushes parse with the push schema", async () => {
    const ws = new WebSocket(`${sim.wsUrl}?cg-api-key=k`);
    await new Promise((resolve, reject) => {
      ws.once("open", resolve);
      ws.once("error", reject);
    });
    const frame = new Promise<string>((resolve) =>
      ws.on("message", (d) => d.toString() !== "pong" && resolve(d.toString())),
    );
    ws.send(JSON.stringify({ method: "subscribe", channels: ["liquidationOrders"] }));
    const push = WsPushSchema.parse(JSON.parse(await frame));
    expect(push.channel).toBe("liquidationOrders");
    expect(push.data.length).toBeGreaterThan(0);
    ws.terminate();
  });
});
