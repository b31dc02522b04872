/**
 * The control surface: the `SimControl` object returned by createSimulator (the same operations
 * over HTTP are in control-http.ts, their option types in control-types.ts).
 */
import type { SimControl } from "./control-types.js";
import { ETF_FAMILIES } from "./model/etf.js";
import type { EventLog } from "./model/events.js";
import { DAY_MS, type Market, type ModelCoin } from "./model/market.js";
import type { OverrideControl } from "./model/overrides.js";
import { roundSig } from "./model/prng.js";
import type { WalletBook } from "./model/wallets.js";
import { address, liqPriceOf } from "./model/whales.js";
import type { Corruptions } from "./rest/corrupt.js";
import type { Counters } from "./rest/limits.js";
import type { Faults } from "./rest/router.js";
import type { Flow } from "./ws/flow.js";
import type { Hub } from "./ws/hub.js";
import { replay } from "./ws/replay.js";

const ETF_SEGMENTS: Record<string, string> = {
  BTC: "bitcoin",
  ETH: "ethereum",
  SOL: "solana",
  XRP: "xrp",
  HK: "hk-bitcoin",
};

export const NO_FAULTS: Faults = {
  rate429: 0,
  rate5xx: 0,
  latencyMs: 0,
  hangMs: 0,
  oversizeBytes: 0,
  reference: "ok",
  silentPings: false,
  closeAfterMessages: null,
};

export function createControl(d: {
  market: Market;
  events: EventLog;
  corruptions: Corruptions;
  flow: Flow;
  hub: Hub;
  faults: Faults;
  seed: number;
  counters: { snapshot(): Counters; reset(): void };
  resetLimits(): void;
  modelNow(): number;
  clock(): number;
  overrides: OverrideControl;
  wallets: WalletBook;
}): SimControl {
  let whaleCount = 0;
  const coinOf = (symbol: string): ModelCoin => {
    const coin = d.market.coin(String(symbol ?? "").toUpperCase());
    if (!coin) throw new Error(`unknown coin ${symbol}`);
    return coin;
  };
  /** The level asked: `value` as given, or the current one moved by `movePct` %. */
  const target = (current: number, value: number | undefined, movePct: number | undefined, what: string) => {
    const v = movePct !== undefined ? current * (1 + movePct / 100) : value;
    if (v === undefined || !Number.isFinite(v) || v <= 0)
      throw new Error(`give ${what} (a positive number) or movePct (e.g. 5 or -3)`);
    return v;
  };
  return {
    injectWhaleTransfer(o) {
      const coin = d.market.coin(o.symbol);
      if (!coin) throw new Error(`unknown coin ${o.symbol}`);
      if (!(o.usd > 0)) throw new Error("usd must be a positive number");
      const price = d.market.price(coin, d.modelNow());
      d.events.addTransfer({
        symbol: coin.symbol,
        quantity: o.usd / price,
        usd: o.usd,
        from: o.from ?? "unknown wallet",
        to: o.to ?? "unknown wallet",
        time: d.clock(),
        hash: `sim${(whaleCount++).toString(16).padStart(8, "0")}${Math.round(o.usd).toString(16)}`,
      });
    },
    injectCalendarEvent(o) {
      if (!o.name) throw new Error("name is required");
      const importance = o.importance ?? 3;
      if (![1, 2, 3].includes(importance)) throw new Error("importance must be 1, 2 or 3");
      d.events.addCalendar({
        calendar_name: o.name,
        country_code: o.countryCode ?? "USA",
        country_name: o.countryName ?? "United States",
        data_effect: ["Minor Impact", "Moderate Impact", "Major Impact"][importance - 1] as string,
        forecast_value: o.forecast ?? "",
        previous_value: o.previous ?? "",
        revised_previous_value: "",
        published_value: o.published ?? "",
        publish_timestamp: o.time ?? d.modelNow() + 3600_000,
        importance_level: importance,
        has_exact_publish_time: 1,
      });
    },
    injectEtfFlow(o) {
      const seg = ETF_SEGMENTS[o.asset.toUpperCase()];
      if (!seg) throw new Error(`asset must be one of ${Object.keys(ETF_SEGMENTS).join(", ")}`);
      const known = new Set(ETF_FAMILIES[seg]?.funds.map((f) => f.ticker));
      for (const [ticker, usd] of Object.entries(o.flows ?? {})) {
        if (!known.has(ticker))
          throw new Error(`${ticker} is not a ${o.asset} ETF (${[...known].join(", ")})`);
        if (!Number.isFinite(usd)) throw new Error(`flow of ${ticker} must be a number of USD`);
      }
      const day = Math.floor((o.day ?? d.modelNow()) / DAY_MS) * DAY_MS;
      d.events.addEtfDay(seg, day, o.flows);
    },
    injectLiquidationStorm: (o) => d.flow.injectLiquidationStorm(o),
    injectWhaleTrades: (o) => d.flow.injectWhaleTrades(o),
    injectWhalePosition(o) {
      const pair = d.market
        .pairsOf("Hyperliquid")
        .find((p) => p.coin === o.symbol || p.instrumentId === o.symbol);
      if (!pair) throw new Error(`${o.symbol} is not listed on Hyperliquid`);
      const entry = roundSig(d.market.pairPrice(pair, d.modelNow()), 6);
      const long = o.direction === "long";
      const leverage = 10;
      d.events.addWhale({
        user: o.user ?? address(d.seed, 9000, whaleCount++),
        symbol: pair.instrumentId,
        positionSize: Math.round(((long ? 1 : -1) * o.valueUsd * 1e4) / entry) / 1e4,
        entryPrice: entry,
        liqPrice: liqPriceOf(entry, leverage, long),
        valueUsd: o.valueUsd,
        leverage,
        action: o.action === "open" ? 1 : 2,
        time: d.clock(),
      });
    },
    setFaults(f) {
      Object.assign(d.faults, f);
      if (f.closeAfterMessages !== undefined) d.hub.resetMessageCounts();
    },
    corrupt: (o) => d.corruptions.add(o),
    dropSockets: () => d.hub.dropAll(),
    rawFrames(o) {
      if (!Array.isArray(o.frames) || o.frames.some((f) => typeof f !== "string"))
        throw new Error("frames must be an array of strings");
      const repeat = Math.max(1, Math.min(100_000, Math.floor(o.repeat ?? 1)));
      let sent = 0;
      for (let i = 0; i < repeat; i++) sent += d.hub.pushRaw(o.frames);
      return { sent };
    },
    replay: (o) => replay(d.hub, d.market, d.seed, o),
    counters: () => d.counters.snapshot(),
    resetCounters: () => d.counters.reset(),
    reset() {
      Object.assign(d.faults, NO_FAULTS);
      d.counters.reset();
      d.resetLimits();
      d.events.clear();
      d.flow.clear();
      d.corruptions.clear();
      d.overrides.clear();
      d.wallets.clear();
    },
    price(symbol) {
      const coin = d.market.coin(symbol);
      if (!coin) throw new Error(`unknown coin ${symbol}`);
      return roundSig(d.market.price(coin, d.modelNow()), 6);
    },
    setPrice(o) {
      const coin = coinOf(o.symbol);
      const at = d.modelNow();
      d.overrides.setPrice(coin, target(d.market.price(coin, at), o.price, o.movePct, "price"), at);
      return { price: roundSig(d.market.price(coin, at), 6) };
    },
    setOpenInterest(o) {
      const coin = coinOf(o.symbol);
      const at = d.modelNow();
      const only = o.exchange ? new Set([o.exchange]) : undefined;
      const usd = target(d.market.coinOiUsd(coin, at, only), o.usd, o.movePct, "usd");
      d.overrides.setOpenInterest(coin, usd, at, o.exchange);
      return { usd: d.market.coinOiUsd(coin, at, only) };
    },
    setFunding(o) {
      if (!Number.isFinite(o.ratePct) || Math.abs(o.ratePct) > 10)
        throw new Error("ratePct must be a number of percent per interval, e.g. 0.01 or -0.05");
      d.overrides.setFunding(coinOf(o.symbol), o.ratePct, o.exchange);
    },
    setLongShortRatio(o) {
      if (!Number.isFinite(o.ratio) || o.ratio <= 0)
        throw new Error("ratio must be a positive number, e.g. 1.8");
      d.overrides.setLongShortRatio(coinOf(o.symbol), o.ratio);
    },
    setWallet: (o) => d.wallets.set(o.address, o.positions),
  };
}
