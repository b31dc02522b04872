import type { Alert, AlertSide, Rule, RuleFiredDetail } from "@teleglas/market-data-core";
import type { WalletChange } from "./live.js";
import type { Trigger } from "./triggers.js";

const WINDOW_S: Record<string, number> = { "5m": 300, "15m": 900, "1h": 3600, "4h": 14_400, "24h": 86_400 };

/** The id of crossing `seq` of a rule: the same on every retry, restart or take-over. */
export const ruleAlertId = (rule: Pick<Rule, "chatId" | "id">, seq: number) =>
  `rule-${rule.chatId}-${rule.id}-${seq}`;

export interface FiredFacts {
  seq: number;
  value: number;
  previous: number | null;
  trigger: Trigger | null;
  wallet?: WalletChange;
  coin: { price: number | null; change24hPct: number | null } | undefined;
  now: number;
}

function sideOf(rule: Rule, f: FiredFacts): AlertSide {
  const c = rule.condition;
  if (c.kind === "liquidations") return c.side === "longs" ? "long" : c.side === "shorts" ? "short" : "mixed";
  if (f.wallet) return f.wallet.after > 0 || (f.wallet.after === 0 && f.wallet.before > 0) ? "long" : "short";
  return "mixed";
}

/** The level a trigger stands for, as the user set it (a flip's level is zero). */
const levelOf = (t: Trigger | null) => (t === null ? null : t.flip ? 0 : t.fire);

/**
 * A fired rule as an alert addressed to its chat. `usd` is the USD figure the rule watched
 * (liquidations, a wallet position's value) and 0 for other units; `detail.value` holds the
 * figure that crossed and `detail.level` the level it crossed.
 */
export function ruleAlert(rule: Rule, f: FiredFacts): Alert {
  const c = rule.condition;
  const usd = c.kind === "liquidations" ? f.value : f.wallet ? (f.wallet.valueUsd ?? 0) : 0;
  const exchange = "exchange" in c ? c.exchange : null;
  const symbol = c.kind === "wallet" ? (f.wallet?.coin ?? c.symbol ?? "HYPE") : c.symbol;
  const detail: RuleFiredDetail = {
    rule,
    seq: f.seq,
    value: Number.isFinite(f.value) ? f.value : null,
    level: levelOf(f.trigger),
    previous: f.previous,
    change24hPct: f.coin?.change24hPct ?? null,
    ...(f.wallet ? { walletEvent: f.wallet.event } : {}),
  };
  return {
    id: ruleAlertId(rule, f.seq),
    kind: "rule",
    symbol,
    side: sideOf(rule, f),
    usd: Math.max(0, usd),
    count: 1,
    window_s: "window" in c ? (WINDOW_S[c.window] ?? 0) : 0,
    exchanges: exchange ? [exchange] : c.kind === "wallet" ? ["Hyperliquid"] : [],
    price: f.coin?.price ?? null,
    first_at: f.now,
    last_at: f.now,
    severity: "info",
    detail: detail as unknown as Record<string, unknown>,
    chat_id: rule.chatId,
    rule_id: rule.id,
  };
}
