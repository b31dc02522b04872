/** One Hyperliquid wallet's open positions (`hyperliquid/user-position`, Startup plan and up). */
import type { Cached, CallOptions } from "../models/result.js";
import { num, obj, str } from "./parse.js";
import { POLICY } from "./requests.js";
import type { Call } from "./types.js";

/** One open position of a wallet. `szi` is the signed size in coins: negative = short. */
export interface WalletPosition {
  coin: string;
  szi: number;
  entryPriceUsd: number | null;
  valueUsd: number | null;
  leverage: number | null;
  unrealizedPnlUsd: number | null;
}

export interface WalletEndpoints {
  /** The wallet's open positions (coinglass-api-more.md §7.2); an empty list when it holds none. */
  fetchHyperliquidUserPosition(address: string, o?: CallOptions): Promise<Cached<WalletPosition[]>>;
}

/** Rows without a coin or a numeric non-zero size are dropped: they say nothing about a position. */
export function mapUserPosition(data: unknown, endpoint: string): WalletPosition[] {
  const r = obj(data, endpoint);
  const out: WalletPosition[] = [];
  for (const item of Array.isArray(r.asset_positions) ? r.asset_positions : []) {
    const p = (item as { position?: Record<string, unknown> } | null)?.position;
    const coin = str(p?.coin);
    const szi = num(p?.szi);
    if (!p || coin === null || szi === null || szi === 0) continue;
    const leverage = p.leverage as { value?: unknown } | undefined;
    out.push({
      coin,
      szi,
      entryPriceUsd: num(p.entry_px),
      valueUsd: num(p.position_value),
      leverage: num(leverage?.value),
      unrealizedPnlUsd: num(p.unrealized_pnl),
    });
  }
  return out;
}

export function walletEndpoints(call: Call): WalletEndpoints {
  return {
    fetchHyperliquidUserPosition: (address, o) =>
      call("/api/hyperliquid/user-position", { user_address: address }, POLICY.fast, mapUserPosition, o),
  };
}
