/**
 * Event generation: a steady background flow of small liquidations (plus occasional bursts) and
 * of trades on every subscribed `futures_trades` pair, and the queue of injected storms and whale
 * trades, spread over their `overSeconds`. Liquidations are recorded in the event log, so REST
 * liquidation/order and the aggregates see them.
 */
import type { EventFaults } from "../control-types.js";
import { type EventLog, LIQ_SIDE, type LiqEvent } from "../model/events.js";
import type { Market, ModelPair } from "../model/market.js";
import { mulberry32, roundSig } from "../model/prng.js";
import type { Hub } from "./hub.js";

const STEP_MS = 100;

interface Pending {
  due: number;
  kind: "liq" | "trade";
  pair: ModelPair;
  usd: number;
  side: 1 | 2;
  injected: boolean;
  /** Injected faults: dated this far from the send time, and/or sent in microseconds. */
  shiftMs?: number;
  micros?: boolean;
}

/** The documented camelCase WebSocket item (liquidations and trades alike). */
export const wsItem = (
  exName: string,
  pair: string,
  coin: string,
  price: number,
  side: number,
  time: number,
  volUsd: number,
) => ({
  baseAsset: coin,
  exName,
  price,
  side,
  symbol: pair,
  time,
  volUsd,
});

export interface InjectOptions extends EventFaults {
  symbol: string;
  totalUsd: number;
  count: number;
  overSeconds?: number;
  exchange?: string;
}

export function createFlow(d: {
  market: Market;
  events: EventLog;
  hub: Hub;
  seed: number;
  background: boolean;
  clock: () => number;
}) {
  const rnd = mulberry32(d.seed ^ 0x5eed);
  const allPairs = d.market.coins.flatMap((c) => c.pairs);
  const weights = allPairs.map((p) => (d.market.coin(p.coin)?.oiB ?? 0) * p.share);
  const totalW = weights.reduce((a, b) => a + b, 0);
  let pending: Pending[] = [];
  let sorted = true;

  const randomPair = () => {
    let acc = rnd() * totalW;
    for (let i = 0; i < allPairs.length; i++) {
      acc -= weights[i] as number;
      if (acc <= 0) return allPairs[i] as ModelPair;
    }
    return allPairs[allPairs.length - 1] as ModelPair;
  };
  const gauss = () => Math.sqrt(-2 * Math.log(rnd() || 1e-9)) * Math.cos(2 * Math.PI * rnd());
  const lognormal = (median: number, sigma: number, cap: number) =>
    Math.min(cap, median * Math.exp(sigma * gauss()));

  const flush = (now: number) => {
    if (pending.length === 0) return;
    if (!sorted) {
      pending.sort((a, b) => a.due - b.due);
      sorted = true;
    }
    let n = 0;
    while (n < pending.length && (pending[n] as Pending).due <= now) n++;
    if (n === 0) return;
    const due = pending.slice(0, n);
    pending = pending.slice(n);
    const liqItems: object[] = [];
    const trades = new Map<string, object[]>();
    for (const e of due) {
      const price = roundSig(d.market.pairPrice(e.pair, now), 6);
      const vol = Math.round(e.usd * 100) / 100;
      const at = now + (e.shiftMs ?? 0);
      const wireTime = e.micros ? at * 1000 : at;
      const item = wsItem(e.pair.exchange, e.pair.instrumentId, e.pair.coin, price, e.side, wireTime, vol);
      if (e.kind === "liq") {
        liqItems.push(item);
        const ev: LiqEvent = {
          exchange: e.pair.exchange,
          pair: e.pair.instrumentId,
          coin: e.pair.coin,
          price,
          usd: vol,
          side: e.side,
          time: at,
          injected: e.injected,
        };
        d.events.addLiquidation(ev);
      } else {
        if (e.injected)
          d.events.addTrade({
            exchange: e.pair.exchange,
            pair: e.pair.instrumentId,
            usd: vol,
            side: e.side,
            time: at,
          });
        const k = `${e.pair.exchange}_${e.pair.instrumentId}`;
        const list = trades.get(k) ?? [];
        list.push(item);
        trades.set(k, list);
      }
    }
    d.hub.publish("liquidationOrders", liqItems);
    if (trades.size > 0) publishTrades(trades);
  };

  /** Sends trades to every `futures_trades` channel of their exchange+pair whose minVol they reach. */
  const publishTrades = (byPair: Map<string, object[]>) => {
    for (const ch of d.hub.tradeChannels()) {
      const items = byPair.get(`${ch.exchange}_${ch.pair}`);
      if (!items) continue;
      d.hub.publish(
        ch.name,
        items.filter((i) => (i as { volUsd: number }).volUsd >= ch.minVol),
      );
    }
  };

  const backgroundStep = (now: number) => {
    // ~4 small liquidations a second, and a burst on one coin about once a minute.
    const n = rnd() < 0.4 ? 1 : 0;
    for (let i = 0; i < n; i++) {
      pending.push({
        due: now,
        kind: "liq",
        pair: randomPair(),
        usd: lognormal(2500, 1.2, 80_000),
        side: rnd() < 0.5 ? 1 : 2,
        injected: false,
      });
    }
    if (rnd() < STEP_MS / 60_000) {
      const p = randomPair();
      const side = rnd() < 0.5 ? 1 : 2;
      const k = 5 + Math.floor(rnd() * 10);
      for (let i = 0; i < k; i++) {
        pending.push({
          due: now + i * 200,
          kind: "liq",
          pair: p,
          usd: 5000 + rnd() * 55_000,
          side,
          injected: false,
        });
      }
    }
    for (const ch of new Set(d.hub.tradeChannels().map((c) => `${c.exchange}|${c.pair}`))) {
      const [exchange, id] = ch.split("|") as [string, string];
      const p = d.market.pair(exchange, id);
      if (!p) continue;
      const k = 1 + Math.floor(rnd() * 3);
      for (let i = 0; i < k; i++) {
        pending.push({
          due: now,
          kind: "trade",
          pair: p,
          usd: lognormal(3000, 1.6, 2_000_000),
          side: rnd() < 0.5 ? 1 : 2,
          injected: false,
        });
      }
    }
    sorted = false;
  };

  const step = () => {
    const now = d.clock();
    if (d.background) backgroundStep(now);
    flush(now);
  };
  const timer = setInterval(step, STEP_MS);
  timer.unref();

  const schedule = (kind: "liq" | "trade", o: InjectOptions, side: 1 | 2) => {
    const coin = d.market.coin(o.symbol);
    if (!coin) throw new Error(`unknown coin ${o.symbol}`);
    const pairs = o.exchange ? coin.pairs.filter((p) => p.exchange === o.exchange) : coin.pairs;
    const first = pairs[0];
    if (!first) throw new Error(`${o.symbol} is not listed on ${o.exchange}`);
    const count = Math.max(1, Math.floor(o.count));
    const over = (o.overSeconds ?? (kind === "liq" ? 10 : 5)) * 1000;
    const w = Array.from({ length: count }, () => 0.5 + rnd());
    const sum = w.reduce((a, b) => a + b, 0);
    const start = d.clock();
    for (let i = 0; i < count; i++) {
      // Whale trades default to the first listing (Binance); storms spread across the coin's venues.
      const pair = kind === "trade" && !o.exchange ? first : (pairs[i % pairs.length] as ModelPair);
      pending.push({
        due: start + (over * i) / count,
        kind,
        pair,
        usd: (o.totalUsd * (w[i] as number)) / sum,
        side,
        injected: true,
        ...(o.timeShiftMs ? { shiftMs: o.timeShiftMs } : {}),
        ...(o.timeUnit === "us" ? { micros: true } : {}),
      });
    }
    sorted = false;
    flush(start);
  };

  return {
    injectLiquidationStorm: (o: InjectOptions & { side: "long" | "short" }) =>
      schedule("liq", o, LIQ_SIDE[o.side]),
    injectWhaleTrades: (o: InjectOptions & { side: "buy" | "sell" }) =>
      schedule("trade", o, o.side === "buy" ? 2 : 1),
    pendingCount: () => pending.length,
    clear() {
      pending = [];
    },
    stop() {
      clearInterval(timer);
    },
  };
}

export type Flow = ReturnType<typeof createFlow>;
