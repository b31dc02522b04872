import type { IndicatorsReport } from "@teleglas/market-data-core";
import { heading, span } from "./common.js";
import { NA, num, qty, usd } from "./numbers.js";
import type { T } from "./translate.js";

const signedUsd = (n: number | null | undefined) =>
  n === null || n === undefined ? NA : n > 0 ? `+${usd(n)}` : usd(n);

/**
 * The indicators section of `/sentiment` (BTC): Coinbase premium, Bitfinex margin, basis. `null`
 * when the indicators could not be fetched at all: the section then says n/a.
 */
export function indicatorLines(d: IndicatorsReport | null, t: T): string[] {
  if (!d) return ["", `${heading("📈", t("indicators"))}: ${NA}`];
  const p = d.coinbasePremium;
  const m = d.bitfinexMargin;
  const b = d.basis;
  return [
    "",
    heading("📈", t("indicators-title", { interval: span(d.interval, t) })),
    `${t("coinbase-premium")} ${d.symbol}: ${p ? `${signedUsd(p.premiumUsd)} (${span("24h", t)} ${signedUsd(p.change24hUsd)})` : NA}`,
    `${t("bitfinex-margin")} ${d.symbol}: ${
      m
        ? `${t("longs")} ${qty(m.longQuantity)} · ${t("shorts")} ${qty(m.shortQuantity)} (${num(m.longShortRatio, 1)})`
        : NA
    }`,
    `${t("basis")} ${d.symbol}${b ? ` (${b.exchange} ${b.pair})` : ""}: ${b ? `${b.basisPct.toFixed(4)}%` : NA}`,
  ];
}
