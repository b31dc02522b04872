import type { MarketOverview, MarketResult } from "@teleglas/market-data-core";
import { footer, span } from "./common.js";
import { escapeHtml, num, pct, rate, usd } from "./numbers.js";
import type { Language, T } from "./translate.js";

type Ctx = { t: T; now: number; lang: Language };
/** What a bare /funding, /oi or /rsi lists per coin. */
export type OverviewTopic = "funding" | "oi" | "rsi";

const TITLE: Record<OverviewTopic, string> = { funding: "💸", oi: "📈", rsi: "📉" };

function line(c: MarketOverview["coins"][number], topic: OverviewTopic, t: T): string {
  const coin = `<b>${escapeHtml(c.symbol)}</b>`;
  if (topic === "oi")
    return `${coin} ${usd(c.openInterestUsd)} (${span("24h", t)} ${pct(c.openInterestChange24hPct)})`;
  if (topic === "rsi")
    return `${coin} ${(["1h", "4h", "24h"] as const).map((w) => `${span(w, t)} ${num(c.rsi[w], 1)}`).join(" · ")}`;
  const f = c.funding;
  const end = (x: typeof f.lowest) => (x ? `${rate(x.per8hPct)} (${escapeHtml(x.exchange)})` : rate(null));
  return `${coin} ${rate(f.meanPer8hPct)} · ${end(f.lowest)} … ${end(f.highest)}`;
}

/** Bare `/funding`, `/oi`, `/rsi`: the largest coins by open interest, one line each. */
export function formatOverview(
  r: MarketResult<MarketOverview>,
  topic: OverviewTopic,
  { t, now, lang }: Ctx,
): string {
  const coins = r.data.coins;
  const title = t(topic === "oi" ? "open-interest" : topic === "rsi" ? "rsi" : "funding");
  const out = [`${TITLE[topic]} <b>${title}</b> — ${t("top-coins", { count: coins.length })}`];
  if (topic === "funding") out.push(t("overview-funding"));
  out.push("", ...(coins.length === 0 ? [t("none")] : coins.map((c) => line(c, topic, t))));
  out.push("", t("overview-more", { example: `/${topic} ${coins[0]?.symbol ?? "BTC"}` }));
  out.push("", footer(r.meta, t, now, lang));
  return out.join("\n");
}
