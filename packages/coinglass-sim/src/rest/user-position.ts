/** `hyperliquid/user-position` (coinglass-api-more.md §7.2): one wallet's account and positions. */
import { round } from "../model/prng.js";
import type { WalletBook } from "../model/wallets.js";
import { addRoutes, type RouteContext, type RouteTable } from "./context.js";
import { invalid, required } from "./params.js";

const ADDRESS = /^0x[0-9a-fA-F]{40}$/;

function markOf(ctx: RouteContext, coin: string, fallback: number): number {
  const model = ctx.market.coin(coin);
  return model ? ctx.market.price(model, ctx.now) : fallback;
}

export function registerUserPosition(table: RouteTable, wallets: WalletBook): void {
  addRoutes(table, "startup", {
    "hyperliquid/user-position": (ctx) => {
      const address = required(ctx, "user_address");
      if (!ADDRESS.test(address)) invalid("user_address");
      let notional = 0;
      let margin = 0;
      let pnl = 0;
      const positions = wallets.get(address).map((p) => {
        const mark = markOf(ctx, p.coin, p.entryPx ?? 0);
        const entry = p.entryPx ?? mark;
        const leverage = p.leverage ?? 10;
        const value = Math.abs(p.szi) * mark;
        const upnl = p.szi * (mark - entry);
        notional += value;
        margin += value / leverage;
        pnl += upnl;
        return {
          type: "oneWay",
          position: {
            coin: p.coin,
            szi: p.szi,
            leverage: { type: "cross", value: leverage },
            entry_px: round(entry, 6),
            position_value: round(value, 6),
            unrealized_pnl: round(upnl, 6),
            return_on_equity: value > 0 ? round(upnl / (value / leverage), 10) : 0,
            max_leverage: 50,
            cum_funding: { all_time: 0, since_open: 0, since_change: 0 },
          },
        };
      });
      const account = round(margin + pnl, 6);
      const summary = {
        account_value: account,
        total_ntl_pos: round(notional, 6),
        total_raw_usd: round(account - notional, 6),
        total_margin_used: round(margin, 6),
      };
      return {
        margin_summary: summary,
        cross_margin_summary: summary,
        cross_maintenance_margin_used: round(margin / 2, 6),
        withdrawable: round(Math.max(0, account - margin), 6),
        asset_positions: positions,
      };
    },
  });
}
