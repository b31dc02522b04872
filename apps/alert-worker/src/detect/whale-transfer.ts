import type { AlertSide, WhaleTransfer } from "@teleglas/market-data-core";
import type { Rules } from "../rules/schema.js";
import { alertId, severityFor } from "./alert-id.js";
import type { Detection } from "./types.js";

/** Keys of transfers already handled in this process, oldest dropped first. */
const SEEN_CAP = 4096;
/**
 * A block dated further ahead of the clock than this is a bad time (e.g. microseconds read as
 * ms), not news: it would show as "in 50,000 years". Minutes of slack for clock skew.
 */
const MAX_LEAD_MS = 5 * 60_000;

const SIDE: Record<Exclude<WhaleTransfer["direction"], "other">, AlertSide> = {
  to_exchange: "inflow",
  from_exchange: "outflow",
  between_exchanges: "mixed",
};

/**
 * What identifies one transfer: its transaction plus asset and amount (one transaction can move
 * several), or, without a hash, chain + time + labels. Not the USD figure when the quantity is
 * known: that is a valuation, the quantity is on chain.
 */
function transferKey(t: WhaleTransfer): string {
  const amount = t.quantity ?? t.usd;
  return t.hash
    ? `${t.chain ?? ""}:${t.hash}:${t.symbol}:${amount}`
    : `${t.chain ?? ""}:${t.time}:${t.symbol}:${t.from}:${t.to}:${amount}`;
}

/**
 * On-chain whale transfers onto, off or between exchanges at or above `whale_transfer.min_usd`
 * (CoinGlass names the exchange in the from/to label). Each transfer alerts once: ids come from
 * the transfer, rows already handled are skipped here and, through `seenKey`, across restarts;
 * rows older than `max_age_s` when first seen are history, rows dated ahead of the clock are bad.
 */
export function createWhaleTransferDetector(rule: Rules["whale_transfer"]) {
  const seen = new Set<string>();
  return {
    onTransfers(rows: readonly WhaleTransfer[], now: number): Detection[] {
      const out: Detection[] = [];
      for (const t of [...rows].sort((a, b) => a.time - b.time)) {
        if (t.direction === "other" || t.usd < rule.min_usd) continue;
        const key = transferKey(t);
        if (seen.has(key)) continue;
        seen.add(key);
        if (seen.size > SEEN_CAP) seen.delete(seen.values().next().value as string);
        if (now - t.time > rule.max_age_s * 1000 || t.time - now > MAX_LEAD_MS) continue;
        const exchanges =
          t.direction === "to_exchange"
            ? [t.to]
            : t.direction === "from_exchange"
              ? [t.from]
              : [t.from, t.to];
        out.push({
          alert: {
            id: alertId("whale_transfer", [key]),
            kind: "whale_transfer",
            symbol: t.symbol,
            side: SIDE[t.direction],
            usd: t.usd,
            count: 1,
            window_s: 0,
            exchanges,
            price: null,
            first_at: t.time,
            last_at: t.time,
            severity: severityFor(t.usd, rule.min_usd),
            detail: {
              direction: t.direction,
              from: t.from,
              to: t.to,
              quantity: t.quantity,
              chain: t.chain,
              hash: t.hash || null,
              min_usd: rule.min_usd,
            },
          },
          cooldownKey: `whale_transfer:${key}`,
          cooldownMs: rule.max_age_s * 1000,
          seenKey: `whale_transfer:${key}`,
        });
      }
      return out;
    },
  };
}
