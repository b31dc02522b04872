import type { LiquidationCluster, LiquidationMapReport, MarketResult } from "@teleglas/market-data-core";
import { footer, heading, span } from "./common.js";
import { distancePct, escapeHtml, NA, price, usd, utc } from "./numbers.js";
import type { Language, T } from "./translate.js";

type Ctx = { t: T; now: number; lang: Language };

const cluster = (c: LiquidationCluster) =>
  `${price(c.priceUsd)} (${distancePct(c.distancePct)}) · <b>${usd(c.liquidationUsd)}</b>`;

function side(list: LiquidationCluster[], missing: boolean, t: T): string[] {
  if (missing) return [NA];
  return list.length === 0 ? [t("none")] : list.map(cluster);
}

/** Max pain on one side: `$87,328 (+4.8%, $330M)`. */
const pain = (p: { priceUsd: number | null; distancePct: number | null; liquidationUsd: number | null }) =>
  `${price(p.priceUsd)} (${distancePct(p.distancePct)}, ${usd(p.liquidationUsd)})`;

/**
 * `/liqmap BTC`: the photo's caption — the price, the nearest large liquidation clusters above and
 * below it (level, distance, USD), the totals on each side and CoinGlass's max pain. Short enough
 * for a photo caption (1,024 characters).
 */
export function formatLiqmap(r: MarketResult<LiquidationMapReport>, { t, now, lang }: Ctx): string {
  const d = r.data;
  const missing = r.meta.missing.includes("clusters");
  const out = [
    `🔥 <b>${escapeHtml(d.symbol)}</b> — ${t("liqmap-title", { range: span(d.range, t) })}`,
    `${t("price")} <b>${price(d.priceUsd)}</b> (${utc(d.priceTime)})`,
    "",
    heading("⬆️", t("liqmap-above")),
    ...side(d.clusters.above, missing, t),
    heading("⬇️", t("liqmap-below")),
    ...side(d.clusters.below, missing, t),
    t("liqmap-totals", {
      above: usd(d.totals.aboveUsd),
      below: usd(d.totals.belowUsd),
      range: span(d.mapRange, t),
    }),
  ];
  if (d.maxPain)
    out.push(`🎯 ${t("liqmap-max-pain", { long: pain(d.maxPain.long), short: pain(d.maxPain.short) })}`);
  else out.push(`🎯 ${t("liqmap-max-pain-none")}`);
  if (d.heatmap === null) out.push(t("liqmap-no-heatmap"));
  out.push(`<i>${t("liqmap-note", { band: String(d.bandPct) })}</i>`, footer(r.meta, t, now, lang));
  return out.join("\n");
}
