import type { CoinGlassClient, LiquidationOrder } from "@teleglas/market-data-core";
import type { LiquidationInput } from "../detect/types.js";

export interface BackfillQuery {
  client: CoinGlassClient;
  /** Coins to recover (the majors) and the exchanges watched. */
  coins: readonly string[];
  exchanges: readonly string[];
  /** The large-liquidation minimum of a coin: the REST `min_liquidation_amount`. */
  minUsd: (coin: string) => number;
  /** The gap, epoch ms. */
  from: number;
  to: number;
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
 * liquidations of the gap, oldest first. One failed exchange does not stop the others; the caller
 * drops the orders the stream already carried and the publisher's seen-event keys catch the rest.
 */
export async function fetchGapLiquidations(
  o: BackfillQuery,
): Promise<{ rows: LiquidationInput[]; failed: number }> {
  const calls = o.coins.flatMap((coin) =>
    o.exchanges.map((exchange) =>
      o.client.fetchLiquidationOrders(
        { exchange, coin, minUsd: o.minUsd(coin), startTime: o.from, endTime: o.to },
        { lane: "background" },
      ),
    ),
  );
  const rows: LiquidationInput[] = [];
  let failed = 0;
  for (const s of await Promise.allSettled(calls)) {
    if (s.status === "rejected") failed++;
    else for (const row of s.value.value) if (row.time >= o.from && row.time <= o.to) rows.push(toInput(row));
  }
  rows.sort((a, b) => a.time - b.time);
  return { rows, failed };
}
