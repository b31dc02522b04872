/**
 * The in-memory record of recent liquidations (what /api/futures/liquidation/order serves and
 * what injected storms add to the aggregates) and of injected Hyperliquid whale positions.
 */

/** Side numbering for liquidations, everywhere: 1 = long liquidated, 2 = short liquidated. */
export const LIQ_SIDE = { long: 1, short: 2 } as const;

export interface LiqEvent {
  exchange: string;
  pair: string;
  coin: string;
  price: number;
  usd: number;
  side: 1 | 2;
  time: number;
  /** True for events from injectLiquidationStorm (added to the aggregates on top of the baseline). */
  injected: boolean;
}

/** An injected whale trade (side 1 = sell, 2 = buy), added to the taker volumes. */
export interface TradeRecord {
  exchange: string;
  pair: string;
  usd: number;
  side: 1 | 2;
  time: number;
}

export interface WhalePositionEvent {
  user: string;
  symbol: string;
  positionSize: number;
  entryPrice: number;
  liqPrice: number;
  valueUsd: number;
  leverage: number;
  action: 1 | 2;
  time: number;
}

/** A row of `/api/calendar/economic-data`, as served. */
export interface CalendarEvent {
  calendar_name: string;
  country_code: string;
  country_name: string;
  data_effect: string;
  forecast_value: string;
  previous_value: string;
  revised_previous_value: string;
  published_value: string;
  publish_timestamp: number;
  importance_level: number;
  has_exact_publish_time: number;
}

/** An injected on-chain transfer; `from`/`to` are exchange names or "unknown wallet". */
export interface TransferEvent {
  symbol: string;
  quantity: number;
  usd: number;
  from: string;
  to: string;
  time: number;
  hash: string;
}

export interface EventLog {
  /** Add an on-chain transfer (kept: the newest 500). */
  addTransfer(e: TransferEvent): void;
  transfers(): readonly TransferEvent[];
  /** Add an economic-calendar event (kept: the newest 200). */
  addCalendar(e: CalendarEvent): void;
  calendar(): readonly CalendarEvent[];
  addLiquidation(e: LiqEvent): void;
  /** Newest first, up to `limit`. */
  liquidations(filter: (e: LiqEvent) => boolean, limit: number): LiqEvent[];
  /** Injected liquidations with time >= since (oldest first). */
  injectedSince(since: number): LiqEvent[];
  addTrade(e: TradeRecord): void;
  /** Injected trades with time >= since (oldest first). */
  tradesSince(since: number): TradeRecord[];
  addWhale(e: WhalePositionEvent): void;
  whales(): readonly WhalePositionEvent[];
  /** Set one ETF family's flows (USD per fund ticker) on the day starting at `day`. */
  addEtfDay(segment: string, day: number, flows: Record<string, number>): void;
  /** Injected ETF days by family segment, then day start. */
  etfDays(): ReadonlyMap<string, ReadonlyMap<number, Record<string, number>>>;
  /** Bumped on every injected change; part of the response-cache key. */
  version(): number;
  clear(): void;
}

const DAY = 24 * 3600_000;

export function createEventLog(capacity = 50_000): EventLog {
  let ring: (LiqEvent | undefined)[] = new Array(capacity);
  let head = 0; // next write position
  let size = 0;
  let injected: LiqEvent[] = [];
  let whales: WhalePositionEvent[] = [];
  let trades: TradeRecord[] = [];
  let version = 0;
  let etf = new Map<string, Map<number, Record<string, number>>>();
  let calendar: CalendarEvent[] = [];
  let transfers: TransferEvent[] = [];
  return {
    addTransfer(e) {
      transfers.push(e);
      if (transfers.length > 500) transfers = transfers.slice(-500);
      version++;
    },
    transfers: () => transfers,
    addCalendar(e) {
      calendar.push(e);
      if (calendar.length > 200) calendar = calendar.slice(-200);
      version++;
    },
    calendar: () => calendar,
    addEtfDay(segment, day, flows) {
      const days = etf.get(segment) ?? new Map<number, Record<string, number>>();
      days.set(day, { ...flows });
      // A few injected days are all a test needs; keep the newest 100 per family.
      if (days.size > 100) days.delete(Math.min(...days.keys()));
      etf.set(segment, days);
      version++;
    },
    etfDays: () => etf,
    addLiquidation(e) {
      ring[head] = e;
      head = (head + 1) % capacity;
      if (size < capacity) size++;
      if (e.injected) {
        injected.push(e);
        version++;
        if (injected.length > 10_000 || (injected[0] && injected[0].time < e.time - DAY)) {
          injected = injected.filter((x) => x.time >= e.time - DAY).slice(-10_000);
        }
      }
    },
    liquidations(filter, limit) {
      const out: LiqEvent[] = [];
      for (let i = 1; i <= size && out.length < limit; i++) {
        const e = ring[(head - i + capacity) % capacity] as LiqEvent;
        if (filter(e)) out.push(e);
      }
      return out;
    },
    injectedSince(since) {
      return injected.filter((e) => e.time >= since);
    },
    addTrade(e) {
      trades.push(e);
      version++;
      if (trades.length > 10_000) trades = trades.filter((x) => x.time >= e.time - DAY).slice(-10_000);
    },
    tradesSince: (since) => trades.filter((e) => e.time >= since),
    addWhale(e) {
      whales.unshift(e);
      if (whales.length > 500) whales.length = 500;
      version++;
    },
    whales: () => whales,
    version: () => version,
    clear() {
      ring = new Array(capacity);
      head = 0;
      size = 0;
      injected = [];
      trades = [];
      whales = [];
      etf = new Map();
      calendar = [];
      transfers = [];
      version++;
    },
  };
}
