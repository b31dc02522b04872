import type { FundingArbitrageReport, MarketResult } from "@teleglas/market-data-core";
import { footer } from "./common.js";
import { fundingRate } from "./funding.js";
import { escapeHtml, pct, rate, share } from "./numbers.js";
import type { Language, T } from "./translate.js";

type Ctx = { t: T; now: number; lang: Language };

/** `/arb`: the best pairs by the funding gap per 8 hours, each leg on the same basis. */
export function formatArbitrage(r: MarketResult<FundingArbitrageReport>, { t, now, lang }: Ctx): string {
  const out = [`⚖️ <b>${t("arb-title")}</b>`, ""];
  if (r.data.pairs.length === 0) out.push(t("arb-none"));
  for (const [i, p] of r.data.pairs.entries()) {
    out.push(
      `${i + 1}. <b>${escapeHtml(p.symbol)}</b> ${t("arb-gap", { rate: rate(p.spreadPer8hPct), apr: share(p.spreadAprPct, 1) })}`,
      `   🟢 ${t("arb-long")} ${fundingRate({ ...p.long, nextFundingTime: null }, t)}`,
      `   🔴 ${t("arb-short")} ${fundingRate({ ...p.short, nextFundingTime: null }, t)}`,
      `   ${t("arb-details", {
        long: rate(p.accumulated7d.longPct),
        short: rate(p.accumulated7d.shortPct),
        fee: share(p.feePct, 2),
        gap: pct(p.priceSpreadPct, 2),
      })}`,
    );
  }
  out.push("", `<i>${t("arb-note")}</i>`, "", footer(r.meta, t, now, lang));
  return out.join("\n");
}
