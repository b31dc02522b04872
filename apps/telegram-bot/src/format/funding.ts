import type {
  ExchangeFundingRate,
  FundingAverage,
  FundingReport,
  MarketResult,
} from "@teleglas/market-data-core";
import { footer, heading, row, span } from "./common.js";
import { escapeHtml, rate, share } from "./numbers.js";
import type { Language, T } from "./translate.js";

type Ctx = { t: T; now: number; lang: Language };

/**
 * One exchange's funding: the per-8-hour rate every comparison uses, with the raw rate and its
 * interval beside it when the exchange does not settle every 8 hours (`0.0056% (0.0007%/1h)`).
 */
export function fundingRate(x: ExchangeFundingRate, t: T, withApr = false): string {
  const as8h = rate(x.per8hPct);
  const apr = withApr ? ` · APR ${share(x.aprPct, 2)}` : "";
  const settled =
    x.intervalHours === 8
      ? ""
      : ` (${rate(x.ratePct)}/${x.intervalHours === null ? "?" : span(`${x.intervalHours}h`, t)})`;
  return `${escapeHtml(x.exchange)} ${as8h}${apr}${settled}`;
}

/** The open-interest-weighted average per 8 hours, and CoinGlass's own averages labelled as given. */
export function fundingAverages(
  avg: FundingAverage,
  coinglass: { oi: number | null; vol: number | null },
  t: T,
): string[] {
  return [
    t("funding-average", { rate: rate(avg.per8hPct), apr: share(avg.aprPct, 2), count: avg.exchanges }),
    `${t("funding-coinglass")}: ${row([
      [t("oi-weighted"), rate(coinglass.oi)],
      [t("vol-weighted"), rate(coinglass.vol)],
    ])}`,
  ];
}

/** `/funding SYMBOL`. */
export function formatFunding(r: MarketResult<FundingReport>, { t, now, lang }: Ctx): string {
  const d = r.data;
  const out = [
    `💸 <b>${escapeHtml(d.symbol)}</b> — ${t("funding")}`,
    "",
    ...fundingAverages(d.average, { oi: d.oiWeightedRatePct, vol: d.volWeightedRatePct }, t),
  ];
  if (d.stablecoinMargin.length > 0) {
    out.push("", `${heading("🏦", t("by-exchange"))} — ${t("funding-basis")}`);
    for (const x of d.stablecoinMargin.slice(0, 10)) out.push(fundingRate(x, t, true));
  }
  if (d.highest && d.lowest) {
    out.push(
      "",
      `⬆️ ${escapeHtml(d.highest.exchange)} ${rate(d.highest.per8hPct)} · ⬇️ ${escapeHtml(d.lowest.exchange)} ${rate(d.lowest.per8hPct)} — ${t("funding-spread", { spread: rate(d.spreadPer8hPct) })}`,
    );
  }
  out.push("", footer(r.meta, t, now, lang));
  return out.join("\n");
}
