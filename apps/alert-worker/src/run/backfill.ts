import type { CoinGlassClient, LiquidationOrder } from "@teleglas/market-data-core";
import { liquidationKey } from "../detect/liquidations.js";
import type { LiquidationInput } from "../detect/types.js";

export interface BackfillOptions {
  client: CoinGlassClient;
  /** Coins to recover (the majors) and the exchanges watched. */
  coins: readonly string[];
  exchanges: readonly string[];
  /** The large-liquidation minimum of a coin: the REST `min_liquidation_amount`. */
  minUsd: (coin: string) => number;
  /** The gap, epoch ms. */
  from: number;
  to: number;
  /** True when the stream already carried that order (key from `liquidationKey`). */
  seen: (key: string) => boolean;
  onEvent: (e: LiquidationInput) => void;
}

export interface BackfillResult {
  fetched: number;
  recovered: number;
  failed: number;
}

const toInput = (o: LiquidationOrder): LiquidationInput => ({
  type: "liquidation",
  exchange: o.exchange,
  pair: o.pair,
  coin: o.coin,
  price: o.priceUsd,
  side: o.side,
  usd: o.usd,
  time: o.time,
});

/**
 * After the stream was away, asks REST `liquidation/order` (background quota lane) for the large
 * liquidations of the gap and feeds the ones the stream did not carry, oldest first. One failed
 * exchange does not stop the others; the publisher's seen-event keys catch what remains.
 */
export async function backfillLiquidations(o: BackfillOptions): Promise<BackfillResult> {
  const calls = o.coins.flatMap((coin) =>
    o.exchanges.map((exchange) =>
      o.client.fetchLiquidationOrders(
        { exchange, coin, minUsd: o.minUsd(coin), startTime: o.from, endTime: o.to },
        { lane: "background" },
      ),
    ),
  );
  const settled = await Promise.allSettled(calls);
  const rows: LiquidationInput[] = [];
  let failed = 0;
  for (const s of settled) {
    if (s.status === "rejected") failed++;
    else for (const row of s.value.value) if (row.time >= o.from && row.time <= o.to) rows.push(toInput(row));
  }
  rows.sort((a, b) => a.time - b.time);
  let recovered = 0;
  for (const e of rows) {
    if (o.seen(liquidationKey(e))) continue;
    recovered++;
    o.onEvent(e);
  }
  return { fetched: rows.length, recovered, failed };
}
