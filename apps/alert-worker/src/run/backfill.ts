import type { CoinGlassClient, LiquidationOrder } from "@teleglas/market-data-core";
import type { Logger } from "pino";
import type { LiquidationInput } from "../detect/types.js";
import { type Rules, TIER_NAMES, type TierIndex } from "../rules/schema.js";

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

export interface GapBackfillOptions {
  client: CoinGlassClient;
  rules: Rules;
  tierOf: (coin: string) => TierIndex;
  exchanges: readonly string[];
  /** Feeds the recovered rows to the detectors (the pipeline's backfill); resolves with how many were new. */
  feed: (rows: LiquidationInput[]) => Promise<number>;
  onRecovered: (n: number) => void;
  log: Logger;
}

/** The pipeline sink's `gap`: recovers the large liquidations of the majors the stream missed, in the background. */
export function gapBackfill(o: GapBackfillOptions) {
  return (from: number, to: number) => {
    o.log.info({ from, to, gap_ms: to - from }, "stream back after a gap; backfilling large liquidations");
    const query = {
      client: o.client,
      coins: o.rules.tiers.majors,
      exchanges: o.exchanges,
      minUsd: (coin: string) => o.rules.large_liquidation[TIER_NAMES[o.tierOf(coin)]].min_usd,
      from: from - 1_000,
      to,
    };
    fetchGapLiquidations(query)
      .then(async ({ rows, failed }) => {
        const recovered = await o.feed(rows);
        o.onRecovered(recovered);
        o.log.info({ fetched: rows.length, recovered, failed }, "backfill done");
      })
      .catch((err: unknown) => o.log.warn({ err }, "backfill failed"));
  };
}
