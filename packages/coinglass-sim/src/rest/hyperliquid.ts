/** Hyperliquid whale endpoints (reference §7.5). */
import type { WhalePositionEvent } from "../model/events.js";
import { round } from "../model/prng.js";
import type { WhalePosition, Whales } from "../model/whales.js";
import { addRoutes, type RouteContext, type RouteTable } from "./context.js";
import { invalid, required } from "./params.js";

const PAGE_SIZE = 20;

const alertRow = (e: WhalePositionEvent) => ({
  user: e.user,
  symbol: e.symbol,
  position_size: e.positionSize,
  entry_price: e.entryPrice,
  liq_price: e.liqPrice,
  position_value_usd: e.valueUsd,
  position_action: e.action,
  create_time: e.time,
});

const positionRow = (p: WhalePosition, now: number) => ({
  user: p.user,
  symbol: p.symbol,
  position_size: p.positionSize,
  entry_price: p.entryPrice,
  mark_price: p.markPrice,
  liq_price: p.liqPrice,
  leverage: p.leverage,
  margin_balance: round(p.valueUsd / p.leverage, 4),
  position_value_usd: p.valueUsd,
  unrealized_pnl: round(p.positionSize * (p.markPrice - p.entryPrice), 4),
  funding_fee: p.fundingFee,
  margin_mode: p.marginMode,
  create_time: p.createTime,
  update_time: now,
});

/** Injected positions still open (an injected close removes the matching user + symbol). */
function injectedOpen(ctx: RouteContext): WhalePosition[] {
  const open = new Map<string, WhalePosition>();
  const all = ctx.events.whales();
  for (let i = all.length - 1; i >= 0; i--) {
    const e = all[i] as WhalePositionEvent;
    const k = `${e.user}|${e.symbol}`;
    if (e.action === 2) {
      open.delete(k);
      continue;
    }
    const pair = ctx.market.pairsOf("Hyperliquid").find((p) => p.instrumentId === e.symbol);
    const mark = pair ? ctx.market.pairPrice(pair, ctx.now) : e.entryPrice;
    open.set(k, {
      user: e.user,
      symbol: e.symbol,
      positionSize: e.positionSize,
      entryPrice: e.entryPrice,
      markPrice: round(mark, 6),
      liqPrice: e.liqPrice,
      leverage: e.leverage,
      valueUsd: round(Math.abs(e.positionSize) * mark, 4),
      marginMode: "cross",
      createTime: e.time,
      fundingFee: 0,
    });
  }
  return [...open.values()];
}

export function registerHyperliquid(table: RouteTable, whales: Whales): void {
  addRoutes(table, "startup", {
    "hyperliquid/whale-alert": (ctx) => {
      const injected = ctx.events.whales().slice(0, 200);
      const model = whales.alerts(ctx.now, 200);
      return [...injected, ...model]
        .sort((a, b) => b.time - a.time)
        .slice(0, 200)
        .map(alertRow);
    },
    "hyperliquid/whale-position": (ctx) => {
      // Undocumented `symbol` filter (the Python project sends one): honoured when present.
      const symbol = ctx.q.get("symbol");
      const rows = [...injectedOpen(ctx), ...whales.positions(ctx.now)];
      return rows
        .filter((p) => !symbol || p.symbol === symbol || `1000${p.symbol.slice(1)}` === symbol)
        .sort((a, b) => b.valueUsd - a.valueUsd)
        .map((p) => positionRow(p, ctx.now));
    },
  });
  addRoutes(table, "standard", {
    "hyperliquid/position": (ctx) => {
      const symbol = required(ctx, "symbol");
      const all = whales.coinPositions(symbol, ctx.now);
      if (all.length === 0) invalid("symbol");
      const page = Number(ctx.q.get("current_page") ?? "1");
      if (!Number.isInteger(page) || page < 1) invalid("current_page");
      const totalPages = Math.ceil(all.length / PAGE_SIZE);
      return {
        total_pages: totalPages,
        current_page: page,
        list: all.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE).map((p) => positionRow(p, ctx.now)),
      };
    },
  });
}
