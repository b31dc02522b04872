import type { Alert } from "@teleglas/market-data-core";
import { flowHeadline, flowLines, flowMark } from "./alert-flows.js";
import { ago, escapeHtml, price, usd, utc } from "./numbers.js";
import type { Language, T } from "./translate.js";

export const KIND_EMOJI: Record<Alert["kind"], string> = {
  large_liquidation: "💥",
  liquidation_storm: "🌪️",
  whale_trade: "🐋",
  whale_cluster: "🐋🐋",
  whale_position: "🐳",
  radar: "📡",
  etf_flow: "🏛️",
  whale_transfer: "⛓️",
  rule: "🔔",
};

const KIND_TAG: Record<Alert["kind"], string> = {
  large_liquidation: "#Liquidation",
  liquidation_storm: "#LiquidationStorm",
  whale_trade: "#Whale",
  whale_cluster: "#WhaleCluster",
  whale_position: "#Hyperliquid",
  radar: "#Radar",
  etf_flow: "#ETFFlow",
  whale_transfer: "#WhaleTransfer",
  rule: "#MyAlert",
};

export const sideEmoji = (side: Alert["side"]) =>
  side === "long" || side === "sell" ? "🔴" : side === "short" || side === "buy" ? "🟢" : "🟡";

const str = (v: unknown): string | null => (typeof v === "string" && v !== "" ? v : null);
const numOf = (v: unknown): number | null => (typeof v === "number" && Number.isFinite(v) ? v : null);

/** The headline line of each kind: who did what, how big. */
export function headline(a: Alert, t: T): string {
  const amount = `<b>${usd(a.usd)}</b>`;
  const side = t(`side-${a.side}`);
  switch (a.kind) {
    case "large_liquidation":
      return t("alert-large-liq", { side, amount });
    case "liquidation_storm": {
      // A live storm says how long it has lasted; a one-off window alert, its window.
      const lasted = Math.max(1, Math.round((a.last_at - a.first_at) / 1000));
      return t("alert-storm", { side, amount, count: a.count, window: a.status ? lasted : a.window_s });
    }
    case "whale_trade":
      return t("alert-whale-trade", { side, amount });
    case "whale_cluster":
      return t("alert-whale-cluster", { side, amount, count: a.count, window: a.window_s });
    case "whale_position": {
      const action = str(a.detail["action"]) === "close" ? t("whale-closed") : t("whale-opened");
      const direction = t(`side-${str(a.detail["direction"]) ?? a.side}`);
      return t("alert-whale-position", { action, direction, amount });
    }
    case "radar": {
      const pressure = str(a.detail["pressure"]) ?? "mixed";
      return t("alert-radar", { pressure: t(`pressure-${pressure}`), amount, count: a.count });
    }
    case "etf_flow":
    case "whale_transfer":
      return flowHeadline(a, t);
    case "rule": {
      // The plain form; the rules UI gives personal alerts their own message.
      const value = numOf(a.detail["value"]);
      const level = numOf(a.detail["level"]);
      return t("alert-rule", {
        value: value === null ? "—" : String(value),
        level: level === null ? "—" : String(level),
      });
    }
  }
}

/**
 * One alert as a concise HTML message: emoji + kind + coin, the headline with amounts, the
 * exchanges and price, the time (UTC and how long ago) and hashtags.
 */
export function formatAlert(a: Alert, t: T, now: number, lang: Language = "en"): string {
  const critical = a.severity === "critical" ? "🚨 " : "";
  const title = `${critical}${KIND_EMOJI[a.kind]} <b>${escapeHtml(t(`kind-${a.kind}`))} — ${escapeHtml(a.symbol)}</b>`;
  const tags = `#${escapeHtml(a.symbol.replace(/[^A-Za-z0-9_]/g, ""))} ${KIND_TAG[a.kind]}`;
  if (a.kind === "etf_flow" || a.kind === "whale_transfer")
    return [title, `${flowMark(a)} ${headline(a, t)}`, ...flowLines(a, t, now, lang), tags].join("\n");
  const lines = [title, `${sideEmoji(a.side)} ${headline(a, t)}`];
  if (a.exchanges.length > 0) {
    lines.push(`🏦 ${escapeHtml(a.exchanges.slice(0, 6).join(", "))}${a.exchanges.length > 6 ? " …" : ""}`);
  }
  const details: string[] = [];
  if (a.price !== null) details.push(`💲 ${price(a.price)}`);
  const entry = numOf(a.detail["entry_price"]);
  if (a.kind === "whale_position" && entry !== null) details.push(`${t("entry")} ${price(entry)}`);
  const user = str(a.detail["user"]);
  if (a.kind === "whale_position" && user) details.push(`<code>${escapeHtml(user.slice(0, 10))}…</code>`);
  if (details.length > 0) lines.push(details.join(" · "));
  lines.push(`🕒 ${utc(a.last_at, true)} (${ago(a.last_at, now, lang)})`);
  if (a.status === "active") lines.push(t("storm-active", { time: utc(a.updated_at ?? now, true) }));
  else if (a.status === "ended") lines.push(t("storm-ended"));
  lines.push(tags);
  return lines.join("\n");
}
