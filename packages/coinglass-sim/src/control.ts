/**
 * The control surface: the `SimControl` object returned by createSimulator and the same
 * operations over HTTP under `/__sim/*` (POST JSON, no key, not rate limited, not counted).
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { ETF_FAMILIES } from "./model/etf.js";
import type { EventLog } from "./model/events.js";
import { DAY_MS, type Market } from "./model/market.js";
import { roundSig } from "./model/prng.js";
import { address, liqPriceOf } from "./model/whales.js";
import type { Corruptions, CorruptOptions } from "./rest/corrupt.js";
import type { Counters } from "./rest/limits.js";
import type { Faults } from "./rest/router.js";
import type { Flow } from "./ws/flow.js";
import type { Hub } from "./ws/hub.js";
import { replay } from "./ws/replay.js";

export interface StormOptions {
  /** Coin, e.g. "BTC". */
  symbol: string;
  /** The side liquidated. */
  side: "long" | "short";
  totalUsd: number;
  count: number;
  /** Spread over this many seconds (default 10; 0 = all at once). */
  overSeconds?: number;
  /** One exchange; default: spread across the coin's exchanges. */
  exchange?: string;
  /** Fault: date the orders this many ms from when they are sent (86400000 = a day ahead). */
  timeShiftMs?: number;
  /** Fault: send `time` in microseconds instead of milliseconds. */
  timeUnit?: "ms" | "us";
}

export interface WhaleTradeOptions {
  symbol: string;
  side: "buy" | "sell";
  totalUsd: number;
  count: number;
  /** Default 5 seconds. */
  overSeconds?: number;
  /** Default Binance. */
  exchange?: string;
  /** Fault: date the trades this many ms from when they are sent. */
  timeShiftMs?: number;
  /** Fault: send `time` in microseconds instead of milliseconds. */
  timeUnit?: "ms" | "us";
}

export interface WhalePositionOptions {
  /** Coin, e.g. "ETH" (1000PEPE becomes Hyperliquid's kPEPE). */
  symbol: string;
  action: "open" | "close";
  direction: "long" | "short";
  valueUsd: number;
  user?: string;
}

export interface EtfFlowOptions {
  /** BTC, ETH, SOL or XRP (US funds), or "HK" for the Hong Kong BTC funds. */
  asset: string;
  /** Net flow per fund ticker, USD; funds left out have no figure that day. */
  flows: Record<string, number>;
  /** Any time on the day (epoch ms, UTC); default: the simulator's today, published at once. */
  day?: number;
}

export interface CalendarEventOptions {
  name: string;
  /** Epoch ms; default one hour from the simulator's now. */
  time?: number;
  /** 1..3, 3 = most important (default 3). */
  importance?: number;
  countryCode?: string;
  countryName?: string;
  forecast?: string;
  previous?: string;
  published?: string;
}

export interface WhaleTransferOptions {
  /** Coin, e.g. "BTC". */
  symbol: string;
  usd: number;
  /** Exchange name (e.g. "Coinbase") or omitted for an unknown wallet. */
  from?: string;
  to?: string;
}

export interface SimControl {
  /** An on-chain transfer; one into or out of an exchange moves that exchange's balance. */
  injectWhaleTransfer(o: WhaleTransferOptions): void;
  /** Add an economic-calendar event. */
  injectCalendarEvent(o: CalendarEventOptions): void;
  /** Publish one day of ETF flows (the day's total is the sum of the funds given). */
  injectEtfFlow(o: EtfFlowOptions): void;
  injectLiquidationStorm(o: StormOptions): void;
  injectWhaleTrades(o: WhaleTradeOptions): void;
  injectWhalePosition(o: WhalePositionOptions): void;
  setFaults(f: Partial<Faults>): void;
  /** Overwrite a field of an endpoint's answers with a bad value until `reset`. */
  corrupt(o: CorruptOptions): void;
  dropSockets(): void;
  /** Sends text frames as they are to every open socket, `repeat` times over; resolves how many went out. */
  rawFrames(o: { frames: string[]; repeat?: number }): { sent: number };
  replay(o: { count: number; batchSize?: number; channel?: string }): Promise<{ sent: number; ms: number }>;
  counters(): Counters;
  resetCounters(): void;
  /** Clears faults, corruptions, counters, rate-limit windows, injected events and pending injections. */
  reset(): void;
  /** Current model price of a coin. */
  price(symbol: string): number;
}

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
}): SimControl {
  let whaleCount = 0;
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
    },
    price(symbol) {
      const coin = d.market.coin(symbol);
      if (!coin) throw new Error(`unknown coin ${symbol}`);
      return roundSig(d.market.price(coin, d.modelNow()), 6);
    },
  };
}

const readJson = (req: IncomingMessage): Promise<Record<string, unknown>> =>
  new Promise((resolve, reject) => {
    let body = "";
    req.setEncoding("utf8");
    req.on("data", (c: string) => {
      body += c;
    });
    req.on("end", () => {
      try {
        resolve(body ? JSON.parse(body) : {});
      } catch (err) {
        reject(err);
      }
    });
    req.on("error", reject);
  });

/** `/__sim/{whale-transfer,calendar-event,etf-flow,storm,whale-trades,whale-position,faults,corrupt,drop-sockets,ws-raw,replay,counters,reset-counters,reset,price}`. */
export async function handleControl(
  control: SimControl,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const op = (req.url ?? "").split("?")[0]?.slice("/__sim/".length);
  const reply = (status: number, body: unknown) => {
    res.writeHead(status, { "Content-Type": "application/json" });
    res.end(JSON.stringify(body));
  };
  try {
    const b = req.method === "POST" ? await readJson(req) : {};
    const ops: Record<string, () => unknown> = {
      "whale-transfer": () => control.injectWhaleTransfer(b as unknown as WhaleTransferOptions),
      "calendar-event": () => control.injectCalendarEvent(b as unknown as CalendarEventOptions),
      "etf-flow": () => control.injectEtfFlow(b as unknown as EtfFlowOptions),
      storm: () => control.injectLiquidationStorm(b as unknown as StormOptions),
      "whale-trades": () => control.injectWhaleTrades(b as unknown as WhaleTradeOptions),
      "whale-position": () => control.injectWhalePosition(b as unknown as WhalePositionOptions),
      faults: () => control.setFaults(b as Partial<Faults>),
      corrupt: () => control.corrupt(b as unknown as CorruptOptions),
      "drop-sockets": () => control.dropSockets(),
      "ws-raw": () => control.rawFrames(b as unknown as { frames: string[]; repeat?: number }),
      replay: () => control.replay(b as unknown as { count: number }),
      counters: () => control.counters(),
      "reset-counters": () => control.resetCounters(),
      reset: () => control.reset(),
      price: () => ({
        price: control.price(
          String(b.symbol ?? new URL(req.url ?? "", "http://x").searchParams.get("symbol")),
        ),
      }),
    };
    const fn = op ? ops[op] : undefined;
    if (!fn) return reply(404, { ok: false, error: `unknown control operation ${op}` });
    const result = await fn();
    reply(200, result === undefined ? { ok: true } : result);
  } catch (err) {
    reply(400, { ok: false, error: (err as Error).message });
  }
}
