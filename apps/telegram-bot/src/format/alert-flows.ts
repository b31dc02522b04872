import type { Alert } from "@teleglas/market-data-core";
import { ago, escapeHtml, num, price, qty, usd, utc } from "./numbers.js";
import type { Language, T } from "./translate.js";

/** Stablecoins: moved onto an exchange they are buying power, not coins for sale. */
const STABLES = new Set(["USDT", "USDC", "DAI", "FDUSD", "TUSD", "USDE", "PYUSD", "BUSD", "USDD"]);
/** Funds named in an ETF alert: the largest moves, so the line stays one line on a phone. */
const TOP_FUNDS = 4;

const str = (v: unknown): string => (typeof v === "string" ? v : "");
const numOf = (v: unknown): number | null => (typeof v === "number" && Number.isFinite(v) ? v : null);
const signed = (n: number) => (n > 0 ? `+${usd(n)}` : usd(n));

/** The flow kinds' mark before the headline: which way the money went. */
export function flowMark(a: Alert): string {
  if (a.kind === "etf_flow") return a.side === "inflow" ? "🟢" : a.side === "outflow" ? "🔴" : "⚪️";
  return a.side === "inflow" ? "📥" : a.side === "outflow" ? "📤" : "🔁";
}

/** Headline of an `etf_flow` or `whale_transfer` alert. */
export function flowHeadline(a: Alert, t: T): string {
  const amount = `<b>${usd(a.usd)}</b>`;
  if (a.kind === "etf_flow") {
    const day = escapeHtml(str(a.detail.day) || utc(a.first_at).slice(0, 10));
    const key = a.side === "inflow" ? "etf-inflow" : a.side === "outflow" ? "etf-outflow" : "etf-flat";
    return t(key, { amount, day });
  }
  const from = escapeHtml(str(a.detail.from));
  const to = escapeHtml(str(a.detail.to));
  if (a.side === "inflow") return t("transfer-in", { amount, exchange: to });
  if (a.side === "outflow") return t("transfer-out", { amount, exchange: from });
  return t("transfer-between", { amount, from, to });
}

/**
 * The lines under the headline. ETF: the largest funds' flows, how many funds reported, the
 * coin's price that day (no "ago": the figure is a day's). Transfer: the route with the coin
 * amount, a neutral reading of the direction, chain and transaction, and the block time.
 */
export function flowLines(a: Alert, t: T, now: number, lang: Language): string[] {
  if (a.kind === "etf_flow") {
    const funds = (Array.isArray(a.detail.funds) ? a.detail.funds : []) as Array<Record<string, unknown>>;
    const named = funds
      .slice(0, TOP_FUNDS)
      .flatMap((f) =>
        numOf(f.flow_usd) === null ? [] : [`${escapeHtml(str(f.ticker))} ${signed(f.flow_usd as number)}`],
      );
    const lines = named.length > 0 ? [named.join(" · ")] : [];
    const reported = numOf(a.detail.funds_reported);
    const listed = numOf(a.detail.funds_listed);
    const facts = reported !== null && listed !== null ? [t("etf-funds", { reported, listed })] : [];
    if (a.price !== null) facts.push(`💲 ${price(a.price)}`);
    if (facts.length > 0) lines.push(facts.join(" · "));
    return lines;
  }
  const quantity = numOf(a.detail.quantity);
  const amount =
    quantity === null ? "" : ` · ${quantity >= 1000 ? qty(quantity) : num(quantity)} ${escapeHtml(a.symbol)}`;
  const stable = STABLES.has(a.symbol.toUpperCase()) ? "-stable" : "";
  const hint =
    a.side === "inflow"
      ? `transfer-hint-in${stable}`
      : a.side === "outflow"
        ? `transfer-hint-out${stable}`
        : "transfer-hint-between";
  const lines = [
    `${escapeHtml(str(a.detail.from))} → ${escapeHtml(str(a.detail.to))}${amount}`,
    `<i>${t(hint)}</i>`,
  ];
  const chain = str(a.detail.chain);
  const hash = str(a.detail.hash);
  if (chain || hash)
    lines.push(
      `🔗 ${[escapeHtml(chain), hash ? `<code>${escapeHtml(hash)}</code>` : ""].filter(Boolean).join(" · ")}`,
    );
  lines.push(`🕒 ${utc(a.last_at, true)} (${ago(a.last_at, now, lang)})`);
  return lines;
}
