import type { MarketResult, OnchainReport } from "@teleglas/market-data-core";
import { footer } from "./common.js";
import { escapeHtml, NA, pct } from "./numbers.js";
import type { Language, T } from "./translate.js";

type Ctx = { t: T; now: number; lang: Language };

/** Whole coins for big balances, two decimals under 1,000: `716,590` / `12.34`. */
const coins = (n: number | null) =>
  n === null ? NA : n.toLocaleString("en-US", { maximumFractionDigits: Math.abs(n) >= 1000 ? 0 : 2 });
const signed = (n: number | null) => (n === null ? NA : `${n > 0 ? "+" : ""}${coins(n)}`);

/** `/onchain SYMBOL`: balances on exchange wallets and where coins are moving. */
export function formatOnchain(r: MarketResult<OnchainReport>, { t, now, lang }: Ctx): string {
  const d = r.data;
  const sym = escapeHtml(d.symbol);
  const out = [
    `⛓️ <b>${sym}</b> — ${t("onchain-title")}`,
    "",
    `${t("total")} <b>${coins(d.totalBalance)} ${sym}</b> · 1d ${signed(d.totalChange["1d"])} · 7d ${signed(d.totalChange["7d"])} · 30d ${signed(d.totalChange["30d"])}`,
  ];
  const week = d.totalChange["7d"];
  if (week !== null && week !== 0) out.push(t(week < 0 ? "onchain-leaving" : "onchain-arriving"));
  out.push("");
  for (const x of d.exchanges.slice(0, 10)) {
    const c = x.change;
    out.push(
      `${escapeHtml(x.exchange)} ${coins(x.balance)} · 1d ${signed(c["1d"].quantity)} (${pct(c["1d"].pct)}) · 7d ${signed(c["7d"].quantity)} (${pct(c["7d"].pct)}) · 30d ${pct(c["30d"].pct)}`,
    );
  }
  out.push("", footer(r.meta, t, now, lang));
  return out.join("\n");
}
