import { ConfigError } from "@teleglas/market-data-core";
import { describe, expect, it } from "vitest";
import { loadWorkerConfig } from "../src/config.js";

describe("worker configuration", () => {
  it("watches the majors and large caps on Binance, OKX and Bybit by default", () => {
    const { config } = loadWorkerConfig({});
    expect(config.watchlist).toHaveLength(27);
    expect(config.watchlist).toContainEqual({ exchange: "OKX", pair: "DOGEUSDT" });
    expect(config).toMatchObject({ port: 8081, tradeMinUsd: 10_000, ingestThread: true });
  });

  it("takes coins and explicit Exchange_PAIR entries", () => {
    const { config } = loadWorkerConfig({
      WORKER_WATCHLIST: "hype, Bybit_SOLUSDT, Binance_HYPEUSDT",
      WORKER_INGEST_THREAD: "false",
    });
    expect(config.watchlist).toEqual([
      { exchange: "Binance", pair: "HYPEUSDT" },
      { exchange: "OKX", pair: "HYPEUSDT" },
      { exchange: "Bybit", pair: "HYPEUSDT" },
      { exchange: "Bybit", pair: "SOLUSDT" },
    ]);
    expect(config.ingestThread).toBe(false);
  });

  it.each([
    ["WORKER_WATCHLIST", "BTC,ETH/USDT"],
    ["WORKER_PORT", "http"],
    ["WORKER_INGEST_THREAD", "maybe"],
  ])("a bad %s stops start-up naming it", (variable, value) => {
    expect(() => loadWorkerConfig({ [variable]: value })).toThrow(ConfigError);
    expect(() => loadWorkerConfig({ [variable]: value })).toThrow(variable);
  });
});
