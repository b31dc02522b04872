import { describe, expect, it } from "vitest";
import { UnknownSymbolError } from "../src/models/errors.js";
import type { Instrument } from "../src/models/market.js";
import { createSymbols } from "../src/symbols/symbols.js";

const COINS = ["BTC", "ETH", "SOL", "XRP", "DOGE", "1000PEPE", "1000SHIB", "HYPE", "BNB", "ORDI", "OP"];
const PAIRS: Instrument[] = [
  { exchange: "Binance", instrumentId: "BTCUSDT", baseAsset: "BTC", quoteAsset: "USDT" },
  { exchange: "Binance", instrumentId: "1000PEPEUSDT", baseAsset: "1000PEPE", quoteAsset: "USDT" },
  { exchange: "Hyperliquid", instrumentId: "BTC", baseAsset: "BTC", quoteAsset: "USD" },
  { exchange: "Hyperliquid", instrumentId: "kPEPE", baseAsset: "1000PEPE", quoteAsset: "USD" },
];

function make() {
  let loads = 0;
  const symbols = createSymbols({
    loadCoins: async () => {
      loads++;
      return COINS;
    },
    loadPairs: async () => PAIRS,
  });
  return { symbols, loads: () => loads };
}

describe("symbol resolution", () => {
  it.each([
    ["btc", "BTC"],
    ["BTC", "BTC"],
    [" Btc ", "BTC"],
    ["BTCUSDT", "BTC"],
    ["btc/usdt", "BTC"],
    ["BTC-USDT", "BTC"],
    ["btc:usdt", "BTC"],
    ["BTCUSD_PERP", "BTC"],
    ["ETH-PERP", "ETH"],
    ["solusdc", "SOL"],
    ["1000pepe", "1000PEPE"],
    ["1000PEPEUSDT", "1000PEPE"],
    ["pepe", "1000PEPE"],
    ["kPEPE", "1000PEPE"],
    ["op", "OP"],
  ])("%s -> %s", async (input, coin) => {
    const { symbols } = make();
    expect(await symbols.resolve(input)).toBe(coin);
  });

  it.each([
    ["SOLX", ["SOL"]],
    ["BTCC", ["BTC"]],
    ["ETHH", ["ETH"]],
    ["DOG", ["DOGE"]],
  ])("unknown %s suggests %j first", async (input, first) => {
    const { symbols } = make();
    const error = await symbols.resolve(input).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnknownSymbolError);
    const u = error as UnknownSymbolError;
    expect(u.input).toBe(input);
    expect(u.suggestions.slice(0, first.length)).toEqual(first);
    expect(u.suggestions.length).toBeLessThanOrEqual(3);
    expect(u.message).toContain(input);
  });

  it("gives no suggestions for nonsense and the same answer every time", async () => {
    const { symbols } = make();
    const a = await symbols.resolve("QQQQQQQQ").catch((e: UnknownSymbolError) => e.suggestions);
    expect(a).toEqual([]);
    const b1 = await symbols.resolve("BT").catch((e: UnknownSymbolError) => e.suggestions);
    const b2 = await symbols.resolve("BT").catch((e: UnknownSymbolError) => e.suggestions);
    expect(b1).toEqual(b2);
    expect(b1).toContain("BTC");
  });

  it("maps coins to each exchange's instrument from supported-exchange-pairs", async () => {
    const { symbols } = make();
    await symbols.warm();
    expect(symbols.pair("BTC", "Binance")).toBe("BTCUSDT");
    expect(symbols.pair("1000PEPE", "Binance")).toBe("1000PEPEUSDT");
    expect(symbols.pair("1000PEPE", "Hyperliquid")).toBe("kPEPE");
    expect(symbols.pair("BTC", "Hyperliquid")).toBe("BTC");
  });

  it("withCoin starts work with the guess before the list is loaded and redoes it only when wrong", async () => {
    const { symbols } = make();
    const seen: string[] = [];
    const result = await symbols.withCoin("pepe", {}, async (coin) => {
      seen.push(coin);
      return coin;
    });
    expect(result).toBe("1000PEPE");
    expect(seen).toEqual(["PEPE", "1000PEPE"]);
    seen.length = 0;
    expect(
      await symbols.withCoin("btcusdt", {}, async (c) => {
        seen.push(c);
        return c;
      }),
    ).toBe("BTC");
    expect(seen).toEqual(["BTC"]);
    await expect(symbols.withCoin("nope", {}, async (c) => c)).rejects.toBeInstanceOf(UnknownSymbolError);
  });
});
