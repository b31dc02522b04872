/** Mappers of the spot-ETF endpoints (coinglass-api-more.md §1). */
import type { EtfFlowDay, EtfNetAssetsPoint } from "../models/etf.js";
import { byTime, num, rows, str } from "./parse.js";

/** Flow days; a day without a timestamp is dropped, a fund without `flow_usd` keeps a null. */
export function mapEtfFlows(data: unknown, endpoint: string): EtfFlowDay[] {
  const out: EtfFlowDay[] = [];
  for (const r of rows(data, endpoint)) {
    const time = num(r.timestamp);
    if (time === null) continue;
    const funds = (Array.isArray(r.etf_flows) ? r.etf_flows : []).flatMap((f) => {
      const row = (typeof f === "object" && f !== null ? f : {}) as Record<string, unknown>;
      const ticker = str(row.etf_ticker);
      return ticker ? [{ ticker, flowUsd: num(row.flow_usd) }] : [];
    });
    out.push({ time, totalUsd: num(r.flow_usd), priceUsd: num(r.price_usd), funds });
  }
  return byTime(out);
}

/** Net-asset days; a day without its net assets is dropped. */
export function mapEtfNetAssets(data: unknown, endpoint: string): EtfNetAssetsPoint[] {
  const out: EtfNetAssetsPoint[] = [];
  for (const r of rows(data, endpoint)) {
    const time = num(r.timestamp);
    const netAssetsUsd = num(r.net_assets_usd);
    if (time === null || netAssetsUsd === null) continue;
    out.push({ time, netAssetsUsd, changeUsd: num(r.change_usd), priceUsd: num(r.price_usd) });
  }
  return byTime(out);
}
