import { assertPlan } from "../client/plans.js";
import type { CoinGlassClient } from "../client/types.js";
import type { OnchainReport, WhaleTransferReport } from "../models/onchain.js";
import type { Lane, MarketResult } from "../models/result.js";
import { createParts, sumOrNull } from "./parts.js";

const all = <T>(list: Array<T | null>): list is T[] => list.every((x) => x !== null);

/** A coin's exchange balances; totals only where every exchange's figure is known. */
export async function buildOnchain(
  client: CoinGlassClient,
  coin: string,
  lane: Lane,
): Promise<MarketResult<OnchainReport>> {
  const parts = createParts();
  const asked = client.fetchExchangeBalances(coin, { lane });
  const rows = await parts.take(asked, "exchanges");
  if (rows === null) await asked;
  const list = rows ?? [];
  const total = (w: "1d" | "7d" | "30d") => {
    const q = list.map((x) => x.change[w].quantity);
    return list.length > 0 && all(q) ? q.reduce((a, b) => a + b, 0) : null;
  };
  return parts.result(
    {
      symbol: coin,
      exchanges: list,
      totalBalance: sumOrNull(list.map((x) => x.balance)),
      totalChange: { "1d": total("1d"), "7d": total("7d"), "30d": total("30d") },
    },
    coin,
  );
}

const TRANSFERS = "/api/chain/v2/whale-transfer";
const HOUR = 3_600_000;

/**
 * The last 24 hours of ≥ $10M transfers (optionally one coin), newest first, with the USD moved
 * onto and off exchanges. The window starts on a whole hour so calls within it share a cache
 * entry. Startup+: below it PlanError is raised before any quota is spent.
 */
export async function buildWhaleTransfers(
  client: CoinGlassClient,
  q: { coin: string | null; limit: number; now: number },
  lane: Lane,
): Promise<MarketResult<WhaleTransferReport>> {
  assertPlan(client.plan, TRANSFERS);
  const parts = createParts();
  const startTime = Math.floor(q.now / HOUR) * HOUR - 24 * HOUR;
  const asked = client.fetchWhaleTransfers({ ...(q.coin ? { coin: q.coin } : {}), startTime }, { lane });
  const rows = await parts.take(asked, "transfers");
  if (rows === null) await asked;
  const list = (rows ?? []).filter((x) => x.time >= startTime).slice(0, q.limit);
  const sum = (d: string) => list.filter((x) => x.direction === d).reduce((s, x) => s + x.usd, 0);
  return parts.result({
    symbol: q.coin,
    transfers: list,
    toExchangesUsd: sum("to_exchange"),
    fromExchangesUsd: sum("from_exchange"),
  });
}
