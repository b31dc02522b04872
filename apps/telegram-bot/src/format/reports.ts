import type {
  LiquidationSummary,
  MarketResult,
  OpenInterestReport,
  RsiReport,
  SentimentReport,
} from "@teleglas/market-data-core";
import { footer, heading, row, shownOf, span } from "./common.js";
import { escapeHtml, num, pct, price, qty, rate, share, usd } from "./numbers.js";
import type { Language, T } from "./translate.js";

type Ctx = { t: T; now: number; lang: Language };

/** `/liq SYMBOL [range]`. */
export function formatLiq(r: MarketResult<LiquidationSummary>, { t, now, lang }: Ctx): string {
  const d = r.data;
  const out = [
    `💥 <b>${escapeHtml(d.symbol)}</b> — ${t("liq-title", { range: span(d.range, t) })}`,
    "",
    `${t("total")}: <b>${usd(d.totalUsd)}</b>`,
    `🔴 ${t("longs")}: ${usd(d.longUsd)} (${share(d.longSharePct)})`,
    `🟢 ${t("shorts")}: ${usd(d.shortUsd)}`,
  ];
  if (d.dominantSide) out.push(t(`liq-dominant-${d.dominantSide}`));
  if (d.byExchange.length > 0) {
    out.push(
      "",
      `${heading("🏦", t("by-exchange"))}${shownOf(Math.min(d.byExchange.length, 8), d.byExchange.length, t)}`,
    );
    for (const x of d.byExchange.slice(0, 8)) {
      out.push(`${escapeHtml(x.exchange)}: ${usd(x.totalUsd)} (L ${usd(x.longUsd)} / S ${usd(x.shortUsd)})`);
    }
  }
  out.push("", footer(r.meta, t, now, lang));
  return out.join("\n");
}

/** `/oi SYMBOL`. */
export function formatOpenInterest(r: MarketResult<OpenInterestReport>, { t, now, lang }: Ctx): string {
  const d = r.data;
  const out = [
    `📈 <b>${escapeHtml(d.symbol)}</b> — ${t("open-interest")}`,
    "",
    `${t("total")}: <b>${usd(d.totalUsd)}</b>${d.totalQuantity === null ? "" : ` (${qty(d.totalQuantity)} ${escapeHtml(d.symbol)})`}`,
    row((["1h", "4h", "24h"] as const).map((w) => [span(w, t), pct(d.changePct[w] ?? null)])),
  ];
  if (d.byExchange.length > 0) {
    out.push("", heading("🏦", t("by-exchange")));
    for (const x of d.byExchange.slice(0, 8)) {
      out.push(
        `${escapeHtml(x.exchange)}: ${usd(x.openInterestUsd)} (${span("24h", t)} ${pct(x.changePct["24h"] ?? null)})`,
      );
    }
  }
  out.push("", footer(r.meta, t, now, lang));
  return out.join("\n");
}

const rsiTag = (v: number | null) => (v === null ? "" : v >= 70 ? " 🔥" : v <= 30 ? " 🧊" : "");

/** `/rsi SYMBOL`. */
export function formatRsi(r: MarketResult<RsiReport>, { t, now, lang }: Ctx): string {
  const d = r.data;
  const out = [`📉 <b>${escapeHtml(d.symbol)}</b> — RSI`, "", `${t("price")}: ${price(d.priceUsd)}`];
  for (const w of ["15m", "1h", "4h", "12h", "24h", "1w"] as const) {
    out.push(`${span(w, t)}: <b>${num(d.rsi[w], 1)}</b>${rsiTag(d.rsi[w])} (${pct(d.priceChangePct[w])})`);
  }
  out.push("", t("rsi-legend"), "", footer(r.meta, t, now, lang));
  return out.join("\n");
}

/** `/sentiment`. */
export function formatSentiment(
  r: MarketResult<SentimentReport>,
  { t, now, lang }: Ctx,
  /** More sections (the indicators) placed before the footer. */
  extra: string[] = [],
): string {
  const d = r.data;
  const fg = d.fearGreed;
  const trend = (x: string | null) => (x === null ? "n/a" : t(`trend-${x}`));
  const out = [
    `🧭 <b>${t("sentiment-title")}</b>`,
    "",
    `${t("fear-greed")}: <b>${num(fg.value, 0)}</b>${fg.label ? ` (${escapeHtml(fg.label)})` : ""}`,
    `BTC ${price(d.btc.priceUsd)} (${span("24h", t)} ${pct(d.btc.change24hPct)}, ${trend(d.btc.trend)})`,
    `ETH ${price(d.eth.priceUsd)} (${span("24h", t)} ${pct(d.eth.change24hPct)}, ${trend(d.eth.trend)})`,
    `${t("funding")} BTC ${t("funding-per-8h")}: ${rate(d.funding.average.per8hPct)}${d.funding.bias ? ` — ${t(`bias-${d.funding.bias}`)}` : ""}`,
    `${t("open-interest")} BTC ${span("24h", t)}: ${pct(d.openInterest.btcChange24hPct)} (${trend(d.openInterest.trend)})`,
    `${t("long-short")} BTC: ${share(d.longShort.longPct)} / ${share(d.longShort.shortPct)} (${num(d.longShort.ratio)})`,
    ...extra,
    "",
    footer(r.meta, t, now, lang),
  ];
  return out.join("\n");
}
