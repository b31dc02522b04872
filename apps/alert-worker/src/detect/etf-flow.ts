import type { EtfAsset, EtfFlowDay } from "@teleglas/market-data-core";
import type { Rules } from "../rules/schema.js";
import { alertId } from "./alert-id.js";
import type { Detection } from "./types.js";

const DAY_MS = 86_400_000;
/**
 * How long an announced day stays marked (the cooldown key): longer than a day stays a candidate,
 * and as long as the alert store remembers ids.
 */
const MARK_MS = 7 * DAY_MS;

/**
 * The days of one asset's US spot-ETF flow history worth announcing: those with CoinGlass's own
 * total, started less than `max_age_h` ago (older days are history, e.g. on a first start).
 * The id is derived from (asset, day) only: a revised figure, a restart or a second worker never
 * announces that day again. Funds without a figure are counted, not guessed.
 */
export function detectEtfFlows(
  rule: Rules["etf_flow"],
  asset: EtfAsset,
  days: readonly EtfFlowDay[],
  now: number,
): Detection[] {
  const out: Detection[] = [];
  for (const day of days) {
    const total = day.totalUsd;
    if (total === null || day.time > now || now - day.time >= rule.max_age_h * 3_600_000) continue;
    const reported = day.funds
      .filter((f): f is { ticker: string; flowUsd: number } => f.flowUsd !== null)
      .sort((a, b) => Math.abs(b.flowUsd) - Math.abs(a.flowUsd));
    out.push({
      alert: {
        id: alertId("etf_flow", [asset, day.time]),
        kind: "etf_flow",
        symbol: asset,
        side: total > 0 ? "inflow" : total < 0 ? "outflow" : "mixed",
        usd: Math.abs(total),
        count: reported.length,
        window_s: DAY_MS / 1000,
        exchanges: [],
        price: day.priceUsd,
        first_at: day.time,
        last_at: day.time,
        severity: "info",
        detail: {
          day: new Date(day.time).toISOString().slice(0, 10),
          net_flow_usd: total,
          funds: reported.map((f) => ({ ticker: f.ticker, flow_usd: f.flowUsd })),
          funds_reported: reported.length,
          funds_listed: day.funds.length,
        },
      },
      cooldownKey: `etf_flow:${asset}:${day.time}`,
      cooldownMs: MARK_MS,
    });
  }
  return out;
}
