import type { EtfReport } from "@teleglas/market-data-core";
import type { TopLevelSpec } from "vega-lite";
import { specToPng } from "./png.js";

/** Funds drawn on their own; the rest are one grey "Other funds" segment per day. */
const NAMED_FUNDS = 5;
const OTHER = "Other funds";
const COLORS = ["#2563eb", "#f59e0b", "#7c3aed", "#0d9488", "#db2777"];

const label = (ms: number) =>
  new Date(ms).toLocaleDateString("en-GB", { day: "2-digit", month: "short", timeZone: "UTC" });

/**
 * Stacked bars of each day's net flow per fund (inflows above zero, outflows below), the day's
 * CoinGlass total as a black diamond. Days are categories, so weekends leave no gaps. A fund
 * without a figure that day draws nothing (it is not a zero).
 */
export function etfChartSpec(r: EtfReport): TopLevelSpec {
  const size = new Map<string, number>();
  for (const d of r.days)
    for (const f of d.funds) size.set(f.ticker, (size.get(f.ticker) ?? 0) + Math.abs(f.flowUsd ?? 0));
  const named = [...size.entries()]
    .filter(([, v]) => v > 0)
    .sort((a, b) => b[1] - a[1])
    .slice(0, NAMED_FUNDS)
    .map(([k]) => k);
  const bars = r.days.flatMap((d) => {
    const other = d.funds
      .filter((f) => !named.includes(f.ticker) && f.flowUsd !== null)
      .reduce((s, f) => s + (f.flowUsd as number), 0);
    return [
      ...d.funds
        .filter((f) => named.includes(f.ticker) && f.flowUsd !== null)
        .map((f) => ({ day: label(d.time), fund: f.ticker, usd: f.flowUsd })),
      ...(named.length < d.funds.length ? [{ day: label(d.time), fund: OTHER, usd: other }] : []),
    ];
  });
  const totals = r.days
    .filter((d) => d.totalUsd !== null)
    .map((d) => ({ day: label(d.time), usd: d.totalUsd, what: "Day total" }));
  const domain = [...named, ...(bars.some((b) => b.fund === OTHER) ? [OTHER] : [])];
  const x = {
    field: "day",
    type: "ordinal" as const,
    sort: r.days.map((d) => label(d.time)),
    title: "Trading day (UTC)",
    axis: { labelAngle: -45 },
  };
  const y = { field: "usd", type: "quantitative" as const, title: "Net flow (USD)", axis: { format: "$~s" } };
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v5.json",
    background: "#ffffff",
    title: {
      text: `${r.asset} spot ETFs · daily net flow per fund (US)`,
      subtitle: "Above zero = inflow, below = outflow · CoinGlass",
      anchor: "start",
      fontSize: 16,
    },
    config: { font: "DejaVu Sans", view: { stroke: null } },
    width: 760,
    height: 360,
    layer: [
      {
        data: { values: bars },
        // With few days a bar keeps about the width it has in a month-long chart.
        mark: { type: "bar", width: Math.min(48, (760 / Math.max(1, r.days.length)) * 0.8) },
        encoding: {
          x,
          y,
          color: {
            field: "fund",
            type: "nominal",
            scale: { domain, range: [...COLORS.slice(0, named.length), "#9ca3af"] },
            legend: { title: "Fund", orient: "right" },
          },
        },
      },
      {
        data: { values: [{ zero: 0 }] },
        mark: { type: "rule", color: "#111827" },
        encoding: { y: { datum: 0 } },
      },
      {
        data: { values: totals },
        mark: { type: "point", shape: "diamond", filled: true, color: "#111827", size: 70 },
        encoding: {
          x,
          y,
          shape: {
            field: "what",
            type: "nominal",
            scale: { range: ["diamond"] },
            legend: { title: null, orient: "right", labelLimit: 200 },
          },
        },
      },
    ],
  } as TopLevelSpec;
}

/** Render the ETF flow bars to PNG (1000 px wide). */
export function renderEtfChart(r: EtfReport): Promise<Buffer> {
  return specToPng(etfChartSpec(r));
}
