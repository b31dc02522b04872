import type { MarketResult, OrderbookReport, WhaleReport } from "@teleglas/market-data-core";
import { footer, heading, row, shownOf } from "./common.js";
import { ago, escapeHtml, NA, num, pct, price, share, usd } from "./numbers.js";
import type { Language, T } from "./translate.js";

type Ctx = { t: T; now: number; lang: Language };
const short = (user: string) => `<code>${escapeHtml(user.slice(0, 6))}…${escapeHtml(user.slice(-4))}</code>`;

/** `/whale [SYMBOL]`: Hyperliquid whales — largest positions by value, recent opens/closes, split. */
export function formatWhale(r: MarketResult<WhaleReport>, { t, now, lang }: Ctx): string {
  const d = r.data;
  const scope = d.symbol ? escapeHtml(d.symbol) : t("all-coins");
  const out = [`🐋 <b>${t("whale-title")}</b> — ${scope}`, ""];
  // The totals cover every matching position, not only the few listed below.
  const tot = d.totals;
  const total = tot === null ? null : tot.longUsd + tot.shortUsd;
  const longShare = tot !== null && total !== null && total > 0 ? (tot.longUsd / total) * 100 : null;
  out.push(
    `${t("longs")} ${usd(tot?.longUsd)} (${share(longShare)}) · ${t("shorts")} ${usd(tot?.shortUsd)} · ${tot === null ? NA : t("positions-all", { count: tot.count, min: usd(d.minUsd) })}`,
    "",
  );
  const listed = Math.min(d.positions.length, 5);
  out.push(`${heading("🏆", t("top-positions"))}${shownOf(listed, tot?.count ?? null, t)}`);
  if (d.positions.length === 0) out.push(t("none"));
  for (const p of d.positions.slice(0, 5)) {
    const dir = p.direction === "long" ? "🟢 LONG" : "🔴 SHORT";
    const lev = p.leverage === null ? "" : ` ${num(p.leverage, 0)}x`;
    out.push(
      `${dir} ${escapeHtml(p.coin)} <b>${usd(p.valueUsd)}</b>${lev} · ${t("entry")} ${price(p.entryPriceUsd)} · PnL ${usd(p.unrealizedPnlUsd)} · ${short(p.user)}`,
    );
  }
  out.push("", heading("⚡", t("recent-moves")));
  if (d.alerts.length === 0) out.push(t("none"));
  for (const a of d.alerts.slice(0, 8)) {
    const action = a.action === "open" ? t("whale-opened") : t("whale-closed");
    const dir = a.direction === "long" ? "🟢" : "🔴";
    out.push(
      `${dir} ${action} ${escapeHtml(a.coin)} ${a.direction} <b>${usd(a.valueUsd)}</b> @ ${price(a.entryPriceUsd)} · ${ago(a.time, now, lang)}`,
    );
  }
  out.push("", footer(r.meta, t, now, lang));
  return out.join("\n");
}

/** `/orderbook SYMBOL`: walls, depth of the pair and across exchanges, imbalance. */
export function formatOrderbook(r: MarketResult<OrderbookReport>, { t, now, lang }: Ctx): string {
  const d = r.data;
  const out = [`📚 <b>${escapeHtml(d.symbol)}</b> — ${t("orderbook-title", { range: d.rangePct })}`, ""];
  const depthLine = (label: string, x: OrderbookReport["depth"]) =>
    `${label}: ${row([
      [t("bids"), usd(x.bidsUsd)],
      [t("asks"), usd(x.asksUsd)],
      [t("imbalance"), pct(x.imbalancePct)],
    ])}`;
  out.push(depthLine(t("all-exchanges"), d.aggregated));
  out.push(depthLine(`${escapeHtml(d.exchange)} ${escapeHtml(d.pair)}`, d.depth));
  const bias = d.aggregated.imbalancePct;
  if (bias !== null) out.push(bias > 10 ? t("bias-bids") : bias < -10 ? t("bias-asks") : t("bias-balanced"));
  out.push("", heading("🧱", t("walls")));
  const wall = (w: OrderbookReport["walls"]["bids"][number]) =>
    `${price(w.priceUsd)} <b>${usd(w.currentUsd)}</b> ${escapeHtml(w.exchange)}`;
  for (const side of ["bids", "asks"] as const) {
    const list = d.walls[side];
    const all = d.wallTotals?.[side];
    // Missing walls (plan, upstream) are n/a, not "none": nobody looked.
    const summary = !all
      ? NA
      : all.count === 0
        ? t("none")
        : `${usd(all.usd)}${shownOf(Math.min(list.length, 5), all.count, t)}`;
    out.push(`${side === "bids" ? "🟢" : "🔴"} ${t(side)}: ${summary}`);
    for (const w of list.slice(0, 5)) out.push(`  ${wall(w)}`);
  }
  out.push("", footer(r.meta, t, now, lang));
  return out.join("\n");
}
