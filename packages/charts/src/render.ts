import type { Candle, LiquidationBar } from "@teleglas/market-data-core";
import type { TopLevelSpec } from "vega-lite";
import { specToPng } from "./png.js";
import { price as usd } from "./price.js";

export interface ChartInput {
  symbol: string;
  interval: string;
  candles: Candle[];
  /** Empty when the liquidation history was unavailable (the panel then says so). */
  liquidations: LiquidationBar[];
  /** The words on the chart, in the reader's language (English when absent). */
  labels?: Partial<ChartLabels>;
}

/** Every word the chart shows. */
export interface ChartLabels {
  /** The window as the reader writes it (`4h`, `4j`). */
  interval: string;
  longs: string;
  shorts: string;
  liquidations: string;
  time: string;
  last: string;
  source: string;
}

const ENGLISH: Omit<ChartLabels, "interval"> = {
  longs: "Longs liquidated",
  shorts: "Shorts liquidated",
  liquidations: "Liquidations (USD)",
  time: "Time (UTC)",
  last: "Last",
  source: "Data: CoinGlass",
};

/** Candles keep the usual green/red; the liquidation panel uses colours of its own. */
const UP = "#16a34a";
const DOWN = "#dc2626";
const LONGS = "#f59e0b";
const SHORTS = "#2563eb";
const LAST = "#111827";

/**
 * The vega-lite spec: candles with a dashed line and label at the last close on top, long/short
 * liquidation bars under them with their own legend, one time axis in UTC, the source named.
 */
export function chartSpec(input: ChartInput): TopLevelSpec {
  const l = { ...ENGLISH, interval: input.interval, ...input.labels };
  const candles = input.candles.map((c) => ({ ...c, up: c.close >= c.open }));
  const liq = input.liquidations.flatMap((b) => [
    { time: b.time, side: l.longs, usd: b.longUsd },
    { time: b.time, side: l.shorts, usd: b.shortUsd },
  ]);
  const last = input.candles.at(-1);
  const lastPoint = last
    ? [{ time: last.time, close: last.close, label: `${l.last} ${usd(last.close)}` }]
    : [];
  // Both panels share one UTC time scale; only the lower one carries the axis title.
  const x = (title: string | null) => ({
    field: "time",
    type: "temporal" as const,
    scale: { type: "utc" as const },
    title,
    axis: { format: "%d %b %H:%M", labelAngle: 0 },
  });
  // A time scale has no bands: size the candle bodies from the candle count instead.
  const bodyWidth = Math.max(1, Math.floor((760 / Math.max(1, candles.length)) * 0.7));
  const color = { condition: { test: "datum.up", value: UP }, value: DOWN };
  const y = { type: "quantitative" as const, scale: { zero: false } };
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v5.json",
    background: "#ffffff",
    title: {
      text: `${input.symbol} · ${l.interval}`,
      subtitle: `${l.source} · ${l.time}`,
      anchor: "start",
      fontSize: 16,
    },
    config: { font: "DejaVu Sans", view: { stroke: null } },
    resolve: { legend: { color: "independent" } },
    vconcat: [
      {
        width: 760,
        height: 300,
        layer: [
          {
            data: { values: candles },
            encoding: { x: x(null), color },
            layer: [
              {
                mark: "rule",
                encoding: { y: { ...y, field: "low", title: "USD" }, y2: { field: "high" } },
              },
              {
                mark: { type: "bar", width: bodyWidth },
                encoding: { y: { ...y, field: "open" }, y2: { field: "close" } },
              },
            ],
          },
          {
            data: { values: lastPoint },
            encoding: { y: { ...y, field: "close" } },
            layer: [
              { mark: { type: "rule", color: LAST, strokeDash: [4, 3], strokeWidth: 1 } },
              {
                // Right of the plot, level with the line, so it never covers a candle.
                mark: {
                  type: "text",
                  align: "left",
                  baseline: "middle",
                  dx: 4,
                  color: LAST,
                  fontWeight: "bold",
                },
                encoding: { x: { value: 760 }, text: { field: "label" } },
              },
            ],
          },
        ],
      },
      {
        width: 760,
        height: 110,
        data: { values: liq },
        mark: { type: "bar", width: bodyWidth },
        encoding: {
          x: x(l.time),
          y: { field: "usd", type: "quantitative", title: l.liquidations, axis: { format: "~s" } },
          color: {
            field: "side",
            type: "nominal",
            scale: { domain: [l.longs, l.shorts], range: [LONGS, SHORTS] },
            legend: { orient: "top", direction: "horizontal", title: null },
          },
        },
      },
    ],
  } as TopLevelSpec;
}

/** Render the candles-and-liquidations chart to PNG. */
export function renderChart(input: ChartInput): Promise<Buffer> {
  return specToPng(chartSpec(input));
}
