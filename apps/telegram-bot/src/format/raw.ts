import type { MarketResult, RawSnapshot } from "@teleglas/market-data-core";
import { footer, heading, row, span } from "./common.js";
import { fundingAverages, fundingRate } from "./funding.js";
import { ago, escapeHtml, num, pct, price, qty, share, usd } from "./numbers.js";
import type { Language, T } from "./translate.js";

const CHANGE = ["5m", "15m", "1h", "4h", "24h"] as const;

/** `/raw SYMBOL`: every section of the snapshot, each from real data or "n/a". */
export function formatRaw(r: MarketResult<RawSnapshot>, t: T, now: number, lang: Language): string {
  const d = r.data;
  const out: string[] = [`📊 <b>${escapeHtml(d.symbol)}</b> — ${t("raw-title")}`, ""];

  out.push(`${heading("💲", t("price"))} ${price(d.price.lastUsd)}`);
  out.push(row(CHANGE.map((w) => [span(w, t), pct(d.price.changePct[w])])));
  out.push(
    row([
      [t("high-24h"), price(d.price.high24hUsd)],
      [t("low-24h"), price(d.price.low24hUsd)],
    ]),
    "",
  );

  const oi = d.openInterest;
  const coins = oi.totalQuantity === null ? "" : ` (${qty(oi.totalQuantity)} ${escapeHtml(d.symbol)})`;
  out.push(`${heading("📈", t("open-interest"))} ${usd(oi.totalUsd)}${coins}`);
  out.push(row((["1h", "4h", "24h"] as const).map((w) => [span(w, t), pct(oi.changePct[w])])));
  if (oi.byExchange.length > 0) {
    out.push(
      oi.byExchange
        .slice(0, 4)
        .map((x) => `${escapeHtml(x.exchange)} ${usd(x.usd)} (${pct(x.change24hPct)})`)
        .join(" · "),
    );
  }
  out.push("");

  out.push(
    `${heading("📦", t("volume-24h"))} ${usd(d.volume.volume24hUsd)} (${span("24h", t)} ${pct(d.volume.changePct["24h"])})`,
    "",
  );

  const f = d.funding;
  out.push(heading("💸", t("funding")));
  out.push(...fundingAverages(f.average, { oi: f.oiWeightedRatePct, vol: f.volWeightedRatePct }, t));
  if (f.byExchange.length > 0) {
    out.push(
      f.byExchange
        .slice(0, 4)
        .map((x) => fundingRate(x, t))
        .join(" · "),
    );
  }
  if (f.nextFundingTime !== null) {
    const every = f.intervalHours === null ? "" : ` · ${t("every-hours", { hours: f.intervalHours })}`;
    out.push(`${t("next-funding")} ${ago(f.nextFundingTime, now, lang)}${every}`);
  }
  out.push("");

  out.push(heading("💥", t("liquidations")));
  for (const w of ["1h", "4h", "12h", "24h"] as const) {
    const x = d.liquidations.windows[w];
    out.push(
      `${span(w, t)} ${usd(x.totalUsd)} (${t("longs")} ${usd(x.longUsd)} / ${t("shorts")} ${usd(x.shortUsd)})`,
    );
  }
  out.push("");

  const ls = d.longShort;
  out.push(`${heading("⚖️", t("long-short"))} (${escapeHtml(ls.exchange)})`);
  for (const [label, x] of [
    [t("ls-accounts"), ls.globalAccounts],
    [t("ls-top-accounts"), ls.topAccounts],
    [t("ls-top-positions"), ls.topPositions],
  ] as const) {
    out.push(`${label}: ${share(x.longPct)} / ${share(x.shortPct)} (${num(x.ratio)})`);
  }
  out.push("");

  out.push(heading("🧾", t("taker-flow")));
  for (const w of ["5m", "15m", "1h", "4h", "24h"] as const) {
    const x = d.taker[w];
    out.push(
      `${span(w, t)} ${t("buy")} ${usd(x.buyUsd)} · ${t("sell")} ${usd(x.sellUsd)} · ${t("net")} ${usd(x.netUsd)}`,
    );
  }
  out.push("");

  out.push(
    `${heading("📉", "RSI")} ${row((["15m", "1h", "4h", "12h", "24h", "1w"] as const).map((w) => [span(w, t), num(d.rsi[w], 1)]))}`,
  );
  const ob = d.orderbook;
  out.push(
    `${heading("📚", t("orderbook-depth", { range: ob.rangePct }))} ${row([
      [t("bids"), usd(ob.bidsUsd)],
      [t("asks"), usd(ob.asksUsd)],
      [t("imbalance"), pct(ob.imbalancePct)],
    ])}`,
    "",
  );
  out.push(footer(r.meta, t, now, lang));
  return out.join("\n");
}
