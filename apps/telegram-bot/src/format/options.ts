import type { MarketResult, OptionsReport } from "@teleglas/market-data-core";
import { footer, heading, span } from "./common.js";
import { escapeHtml, num, pct, price, share, usd, utc } from "./numbers.js";
import type { Language, T } from "./translate.js";

type Ctx = { t: T; now: number; lang: Language };

/** Expiries listed: the nearest ones are where pinning matters. */
const LISTED_EXPIRIES = 8;

/** `/options BTC`: max pain per expiry against the price, put/call, open interest per venue. */
export function formatOptions(r: MarketResult<OptionsReport>, { t, now, lang }: Ctx): string {
  const d = r.data;
  const out = [
    `🎯 <b>${escapeHtml(d.symbol)}</b> — ${t("options-title", { exchange: escapeHtml(d.exchange) })}`,
    "",
    `${t("price")} <b>${price(d.priceUsd)}</b> (${utc(d.priceTime)})`,
    "",
    heading("📅", t("options-expiries")),
  ];
  if (d.expiries.length === 0) out.push(t("none"));
  for (const e of d.expiries.slice(0, LISTED_EXPIRIES)) {
    out.push(
      `${e.date} · ${t("max-pain")} <b>${price(e.maxPainUsd)}</b> (${pct(e.maxPainDistancePct)}) · P/C ${num(e.putCallRatio)}`,
    );
  }
  out.push(`${t("options-put-call")}: <b>${num(d.putCallOiRatio)}</b>`);
  out.push("", heading("🏦", t("options-oi-by-exchange")));
  if (d.total)
    out.push(
      `${t("total")} ${usd(d.total.openInterestUsd)} · ${span("24h", t)} ${pct(d.total.openInterestChange24hPct)} · ${t("volume-24h")} ${usd(d.total.volume24hUsd)}`,
    );
  for (const v of d.byExchange)
    out.push(
      `${escapeHtml(v.exchange)} ${usd(v.openInterestUsd)} (${share(v.sharePct)}) · ${span("24h", t)} ${pct(v.openInterestChange24hPct)}`,
    );
  out.push("", footer(r.meta, t, now, lang));
  return out.join("\n");
}
