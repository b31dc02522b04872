import type { CoinGlassClient } from "../client/types.js";
import type { EtfAsset } from "../coinglass/raw/etf.js";
import type { EtfFlowDay, EtfReport } from "../models/etf.js";
import type { Lane, MarketResult } from "../models/result.js";
import { createParts, last } from "./parts.js";

/** Options of `getEtf`. */
export interface EtfQuery {
  /** Trading days of flows to return, 1..90 (default 10). */
  days?: number;
}

/** Assets whose combined net assets CoinGlass publishes. */
const WITH_NET_ASSETS = new Set<EtfAsset>(["BTC", "ETH"]);

/**
 * Flows, net assets and (for BTC) Hong Kong flows of one asset's spot ETFs, fetched in parallel.
 * The period total is only given when every day has its total: a partial sum would understate.
 */
export async function buildEtf(
  client: CoinGlassClient,
  asset: EtfAsset,
  days: number,
  lane: Lane,
): Promise<MarketResult<EtfReport>> {
  const o = { lane };
  const parts = createParts();
  const [flows, assets, hk] = await Promise.all([
    parts.take(client.fetchEtfFlows(asset, o), "days"),
    WITH_NET_ASSETS.has(asset)
      ? parts.take(client.fetchEtfNetAssets(asset as "BTC" | "ETH", o))
      : Promise.resolve(null),
    asset === "BTC" ? parts.take(client.fetchHongKongEtfFlows(o), "hongKong") : Promise.resolve([]),
  ]);
  const recent = (flows ?? []).slice(-days);
  const totals = recent.map((d) => d.totalUsd);
  const point = last(assets);
  return parts.result({
    asset,
    days: recent,
    latest: last(recent) ?? null,
    periodTotalUsd:
      recent.length === 0 || totals.includes(null) ? null : (totals as number[]).reduce((a, b) => a + b, 0),
    netAssets: point ? { usd: point.netAssetsUsd, changeUsd: point.changeUsd, time: point.time } : null,
    hongKong: (hk ?? []).slice(-days) as EtfFlowDay[],
  });
}
