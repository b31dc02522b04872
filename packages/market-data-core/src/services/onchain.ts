import type { CoinGlassClient } from "../client/types.js";
import type { OnchainReport } from "../models/onchain.js";
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
