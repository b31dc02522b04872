import type { MarketResult, WhaleTransferReport } from "@teleglas/market-data-core";
import { footer } from "./common.js";
import { escapeHtml, usd, utc } from "./numbers.js";
import type { Language, T } from "./translate.js";

type Ctx = { t: T; now: number; lang: Language };

const ARROW = { to_exchange: "🔴⤵️", from_exchange: "🟢⤴️", between_exchanges: "🔁", other: "🐋" } as const;

/** `/transfers [SYMBOL]`: the day's $10M+ moves, onto (🔴) and off (🟢) exchanges marked. */
export function formatTransfers(r: MarketResult<WhaleTransferReport>, { t, now, lang }: Ctx): string {
  const d = r.data;
  const out = [
    `🐋 <b>${t("transfers-title")}</b>${d.symbol ? ` — ${escapeHtml(d.symbol)}` : ""}`,
    "",
    `${t("transfers-to-exchanges")} <b>${usd(d.toExchangesUsd)}</b> · ${t("transfers-from-exchanges")} <b>${usd(d.fromExchangesUsd)}</b>`,
    "",
  ];
  if (d.transfers.length === 0) out.push(t("none"));
  for (const x of d.transfers.slice(0, 15)) {
    out.push(
      `${ARROW[x.direction]} ${escapeHtml(x.symbol)} <b>${usd(x.usd)}</b> · ${escapeHtml(x.from)} → ${escapeHtml(x.to)} · ${utc(x.time)}`,
    );
  }
  out.push("", footer(r.meta, t, now, lang));
  return out.join("\n");
}
