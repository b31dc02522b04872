import type { Alert } from "@teleglas/market-data-core";

/** `$12.3M`, `$850K`, `$920` — compact USD for one console line. */
export function compactUsd(usd: number): string {
  const abs = Math.abs(usd);
  if (abs >= 1e9) return `$${(usd / 1e9).toFixed(2)}B`;
  if (abs >= 1e6) return `$${(usd / 1e6).toFixed(1)}M`;
  if (abs >= 1e3) return `$${(usd / 1e3).toFixed(0)}K`;
  return `$${usd.toFixed(0)}`;
}

/**
 * One console line per alert, for the local stack's terminal:
 * `[alert 12:00:05] liquidation_storm BTC long $12.3M — 48 orders in 60 s on Binance, OKX (high)`
 */
export function formatAlertLine(a: Alert): string {
  // An ETF day is dated 00:00 UTC: print when it was announced, and which day it is.
  const daily = a.kind === "etf_flow";
  const time = new Date(daily ? (a.updated_at ?? a.last_at) : a.last_at).toISOString().slice(11, 19);
  const parts = [`[alert ${time}]`, a.kind, a.symbol];
  if (a.side) parts.push(a.side);
  parts.push(compactUsd(a.usd));
  if (daily) return `${parts.join(" ")} — ${String(a.detail.day)}, ${a.count} funds reported (${a.severity})`;
  // A live storm prints each state: how long it has lasted, and whether it is still going.
  const seconds = a.status ? Math.max(1, Math.round((a.last_at - a.first_at) / 1000)) : a.window_s;
  const count = a.count > 1 ? `${a.count} events in ${seconds} s` : "1 event";
  const where = a.exchanges.length > 0 ? ` on ${a.exchanges.join(", ")}` : "";
  const state = a.status === "ended" ? ", ended" : (a.revision ?? 0) > 0 ? ", update" : "";
  return `${parts.join(" ")} — ${count}${where} (${a.severity}${state})`;
}
