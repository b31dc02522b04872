import type { EtfFlowDay, EtfReport, MarketResult } from "@teleglas/market-data-core";
import { footer, heading } from "./common.js";
import { escapeHtml, NA, usd } from "./numbers.js";
import type { Language, T } from "./translate.js";

type Ctx = { t: T; now: number; lang: Language };

/** Days listed in the text; the chart shows them all. */
const LISTED_DAYS = 5;
/** Funds named for the latest day, largest moves first. */
const LISTED_FUNDS = 6;

/** `+$1.2M` / `-$95.1M` / `n/a`: the sign matters more than anything for a flow. */
export const flow = (n: number | null) => (n === null ? NA : n > 0 ? `+${usd(n)}` : usd(n));
const dot = (n: number | null) => (n === null ? "⚪" : n > 0 ? "🟢" : n < 0 ? "🔴" : "⚪");
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

function fundsLine(d: EtfFlowDay, t: T): string {
  // Funds at 0 or without a figure are left out; the largest moves first.
  const moved = d.funds
    .filter((f) => f.flowUsd !== null && f.flowUsd !== 0)
    .sort((a, b) => Math.abs(b.flowUsd as number) - Math.abs(a.flowUsd as number));
  const shown = moved.slice(0, LISTED_FUNDS).map((f) => `${escapeHtml(f.ticker)} ${flow(f.flowUsd)}`);
  const rest = moved.length - shown.length;
  return [...shown, ...(rest > 0 ? [t("etf-more-funds", { count: rest })] : [])].join(" · ");
}

/** `/etf [asset]`: latest day per fund, the last days, the period sum, net assets, Hong Kong. */
export function formatEtf(r: MarketResult<EtfReport>, { t, now, lang }: Ctx): string {
  const d = r.data;
  const out = [`🏦 <b>${d.asset}</b> — ${t("etf-title")}`, ""];
  if (!d.latest) {
    out.push(t("etf-none"));
  } else {
    out.push(
      `${t("etf-latest", { day: day(d.latest.time) })}: <b>${flow(d.latest.totalUsd)}</b> ${dot(d.latest.totalUsd)}`,
      fundsLine(d.latest, t),
      "",
      heading("📅", t("etf-last-days", { count: Math.min(LISTED_DAYS, d.days.length) })),
    );
    for (const x of d.days.slice(-LISTED_DAYS).reverse())
      out.push(`${day(x.time)} ${dot(x.totalUsd)} ${flow(x.totalUsd)}`);
    out.push(`${t("etf-sum", { count: d.days.length })}: <b>${flow(d.periodTotalUsd)}</b>`);
  }
  if (d.netAssets)
    out.push(
      "",
      `💼 ${t("etf-net-assets")} <b>${usd(d.netAssets.usd)}</b> (${day(d.netAssets.time)}, ${t("etf-day-change")} ${flow(d.netAssets.changeUsd)})`,
    );
  else if (r.meta.missing.includes("netAssets")) out.push("", `💼 ${t("etf-net-assets")} ${NA}`);
  const hk = d.hongKong.at(-1);
  if (hk)
    out.push(`🇭🇰 ${t("etf-hong-kong", { day: day(hk.time) })}: ${flow(hk.totalUsd)} (${fundsLine(hk, t)})`);
  out.push("", footer(r.meta, t, now, lang));
  return out.join("\n");
}
