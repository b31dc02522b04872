/** Raw -> domain mapping of liquidation, funding, OI, long/short, taker, order-book and whale endpoints. */

import { fundingOnBasis } from "../models/funding.js";
import type {
  CoinFundingRates,
  DepthPoint,
  ExchangeFundingRate,
  LargeLimitOrder,
  LiquidationBar,
  LiquidationCoinRow,
  LiquidationExchangeRow,
  LiquidationOrder,
  LongShortPoint,
  OpenInterestExchangeRow,
  OrderbookSnapshot,
  TakerBar,
  TakerVolume,
  WhaleAlert,
  WhalePosition,
} from "../models/market.js";
import { liqWindows } from "./map-markets.js";
import { byTime, complete, keyed, list, num, obj, type Row, rows, str, windows } from "./parse.js";

/**
 * Side numbering of liquidation orders: 1 = long liquidated, 2 = short (the WebSocket's and v3's
 * meaning; the REST doc label "1: Buy, 2: Sell" is uncertain). One constant so it can be flipped.
 */
export const LIQUIDATION_SIDE: Record<number, "long" | "short"> = { 1: "long", 2: "short" };

export function mapLiqExchangeList(data: unknown, endpoint: string): LiquidationExchangeRow[] {
  return keyed(data, endpoint, "exchange", (exchange, r) => ({
    exchange,
    totalUsd: num(r.liquidation_usd),
    longUsd: num(r.long_liquidation_usd),
    shortUsd: num(r.short_liquidation_usd),
  }));
}

export function mapLiqCoinList(data: unknown, endpoint: string): LiquidationCoinRow[] {
  return rows(data, endpoint).flatMap((r) => {
    const symbol = str(r.symbol);
    return symbol ? [{ symbol, windows: liqWindows(r) }] : [];
  });
}

/** Liquidation bars; `prefix` is `aggregated_` for the cross-exchange history. */
export function mapLiqBars(prefix: string) {
  const long = `${prefix}long_liquidation_usd`;
  const short = `${prefix}short_liquidation_usd`;
  return (data: unknown, endpoint: string): LiquidationBar[] =>
    byTime(
      complete(rows(data, endpoint), endpoint, ["time", long, short], (_r, n) => ({
        time: n.time as number,
        longUsd: n[long] as number,
        shortUsd: n[short] as number,
      })),
    );
}

export function mapLiqOrders(data: unknown, endpoint: string): LiquidationOrder[] {
  return complete(rows(data, endpoint), endpoint, ["price", "usd_value", "side", "time"], (r, n) => ({
    exchange: str(r.exchange_name) ?? "",
    pair: str(r.symbol) ?? "",
    coin: str(r.base_asset) ?? "",
    priceUsd: n.price as number,
    usd: n.usd_value as number,
    side: LIQUIDATION_SIDE[n.side as number] ?? ("long" as const),
    time: n.time as number,
  })).filter((o) => o.exchange !== "");
}

function fundingRows(list: unknown): ExchangeFundingRate[] {
  if (!Array.isArray(list)) return [];
  return (list as Row[]).flatMap((r) => {
    const exchange = str(r?.exchange);
    if (!exchange) return [];
    const ratePct = num(r.funding_rate);
    const intervalHours = num(r.funding_rate_interval);
    return [
      {
        exchange,
        ratePct,
        intervalHours,
        nextFundingTime: num(r.next_funding_time),
        ...fundingOnBasis(ratePct, intervalHours),
      },
    ];
  });
}

export function mapFundingRates(data: unknown, endpoint: string): CoinFundingRates[] {
  return keyed(data, endpoint, "symbol", (symbol, r) => ({
    symbol,
    stablecoinMargin: fundingRows(r.stablecoin_margin_list),
    tokenMargin: fundingRows(r.token_margin_list),
  }));
}

export function mapOiExchangeList(data: unknown, endpoint: string): OpenInterestExchangeRow[] {
  return keyed(data, endpoint, "exchange", (exchange, r) => ({
    exchange,
    openInterestUsd: num(r.open_interest_usd),
    openInterestQuantity: num(r.open_interest_quantity),
    stablecoinMarginUsd: num(r.open_interest_by_stable_coin_margin),
    changePct: windows(r, "open_interest_change_percent_", ["5m", "15m", "30m", "1h", "4h", "24h"] as const),
  }));
}

/** Long/short ratio points; `prefix` is `global_account`, `top_account` or `top_position`. */
export function mapLongShort(prefix: string) {
  const l = `${prefix}_long_percent`;
  const s = `${prefix}_short_percent`;
  const ratio = `${prefix}_long_short_ratio`;
  return (data: unknown, endpoint: string): LongShortPoint[] =>
    byTime(
      complete(rows(data, endpoint), endpoint, ["time", l, s, ratio], (_r, n) => ({
        time: n.time as number,
        longPct: n[l] as number,
        shortPct: n[s] as number,
        ratio: n[ratio] as number,
      })),
    );
}

export function mapTakerVolume(data: unknown, endpoint: string): TakerVolume {
  const r = obj(data, endpoint);
  const side = (x: Row) => ({
    buyRatioPct: num(x.buy_ratio),
    sellRatioPct: num(x.sell_ratio),
    buyUsd: num(x.buy_vol_usd),
    sellUsd: num(x.sell_vol_usd),
  });
  const list = Array.isArray(r.exchange_list) ? (r.exchange_list as Row[]) : [];
  return {
    symbol: str(r.symbol) ?? "",
    ...side(r),
    byExchange: list.flatMap((x) =>
      str(x?.exchange) ? [{ exchange: x.exchange as string, ...side(x) }] : [],
    ),
  };
}

/** Taker bars: pair history (`taker_buy_volume_usd`) or aggregated (`aggregated_buy_volume_usd`). */
export function mapTakerBars(buy: string, sell: string) {
  return (data: unknown, endpoint: string): TakerBar[] =>
    byTime(
      complete(rows(data, endpoint), endpoint, ["time", buy, sell], (_r, n) => ({
        time: n.time as number,
        buyUsd: n[buy] as number,
        sellUsd: n[sell] as number,
      })),
    );
}

const ORDER_STATE: Record<number, LargeLimitOrder["state"]> = { 1: "open", 2: "filled", 3: "cancelled" };

export function mapLargeOrders(data: unknown, endpoint: string): LargeLimitOrder[] {
  return complete(rows(data, endpoint), endpoint, ["id", "price", "order_side"], (r, n) => ({
    id: n.id as number,
    exchange: str(r.exchange_name) ?? "",
    pair: str(r.symbol) ?? "",
    priceUsd: n.price as number,
    side: n.order_side === 1 ? ("ask" as const) : ("bid" as const),
    startUsd: num(r.start_usd_value),
    currentUsd: num(r.current_usd_value),
    currentQuantity: num(r.current_quantity),
    startTime: num(r.start_time),
    currentTime: num(r.current_time),
    state: ORDER_STATE[num(r.order_state) ?? 0] ?? "unknown",
  }));
}

/** Depth history; `prefix` is `aggregated_` for the cross-exchange one. */
export function mapDepth(prefix: string) {
  const b = `${prefix}bids_usd`;
  const a = `${prefix}asks_usd`;
  return (data: unknown, endpoint: string): DepthPoint[] =>
    byTime(
      complete(rows(data, endpoint), endpoint, ["time", b, a], (r, n) => ({
        time: n.time as number,
        bidsUsd: n[b] as number,
        bidsQuantity: num(r[`${prefix}bids_quantity`]),
        asksUsd: n[a] as number,
        asksQuantity: num(r[`${prefix}asks_quantity`]),
      })),
    );
}

function levels(v: unknown): Array<[number, number]> {
  if (!Array.isArray(v)) return [];
  return v.flatMap((l) => {
    const p = Array.isArray(l) ? num(l[0]) : null;
    const q = Array.isArray(l) ? num(l[1]) : null;
    return p === null || q === null ? [] : [[p, q] as [number, number]];
  });
}

/** Heatmap snapshots `[timeSeconds, bids, asks]`; time turned into ms. */
export function mapOrderbookHistory(data: unknown, endpoint: string): OrderbookSnapshot[] {
  return byTime(
    list(data, endpoint).flatMap((t) => {
      const s = Array.isArray(t) ? num(t[0]) : null;
      if (s === null || !Array.isArray(t)) return [];
      return [{ time: s < 1e12 ? s * 1000 : s, bids: levels(t[1]), asks: levels(t[2]) }];
    }),
  );
}

export function mapWhaleAlerts(data: unknown, endpoint: string): WhaleAlert[] {
  return complete(
    rows(data, endpoint),
    endpoint,
    ["position_size", "position_value_usd", "create_time"],
    (r, n) => ({
      user: str(r.user) ?? "",
      coin: str(r.symbol) ?? "",
      positionSize: n.position_size as number,
      direction: (n.position_size as number) < 0 ? ("short" as const) : ("long" as const),
      action: num(r.position_action) === 2 ? ("close" as const) : ("open" as const),
      entryPriceUsd: num(r.entry_price),
      liquidationPriceUsd: num(r.liq_price),
      valueUsd: n.position_value_usd as number,
      time: n.create_time as number,
    }),
  );
}

export function mapWhalePositions(data: unknown, endpoint: string): WhalePosition[] {
  return complete(rows(data, endpoint), endpoint, ["position_size", "position_value_usd"], (r, n) => ({
    user: str(r.user) ?? "",
    coin: str(r.symbol) ?? "",
    positionSize: n.position_size as number,
    direction: (n.position_size as number) < 0 ? ("short" as const) : ("long" as const),
    entryPriceUsd: num(r.entry_price),
    markPriceUsd: num(r.mark_price),
    liquidationPriceUsd: num(r.liq_price),
    leverage: num(r.leverage),
    marginBalanceUsd: num(r.margin_balance),
    valueUsd: n.position_value_usd as number,
    unrealizedPnlUsd: num(r.unrealized_pnl),
    fundingFeeUsd: num(r.funding_fee),
    marginMode: str(r.margin_mode),
    createTime: num(r.create_time),
    updateTime: num(r.update_time),
  }));
}

export function mapPositionPage(data: unknown, endpoint: string) {
  const r = obj(data, endpoint);
  return {
    totalPages: num(r.total_pages) ?? 1,
    currentPage: num(r.current_page) ?? 1,
    list: mapWhalePositions(Array.isArray(r.list) ? r.list : [], endpoint),
  };
}
