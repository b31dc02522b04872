import type { Candle, LiquidationBar } from "@teleglas/market-data-core";
import type { TopLevelSpec } from "vega-lite";
import { specToPng } from "./png.js";

export interface ChartInput {
  symbol: string;
  interval: string;
  candles: Candle[];
  /** Empty when the liquidation history was unavailable (the panel then says so). */
  liquidations: LiquidationBar[];
}

/** The vega-lite spec: candles on top, long/short liquidation bars under them, one time axis. */
export function chartSpec(input: ChartInput): TopLevelSpec {
  const candles = input.candles.map((c) => ({ ...c, up: c.close >= c.open }));
  const liq = input.liquidations.flatMap((b) => [
    { time: b.time, side: "longs", usd: b.longUsd },
    { time: b.time, side: "shorts", usd: b.shortUsd },
  ]);
  const x = {
    field: "time",
    type: "temporal" as const,
    title: null,
    axis: { format: "%d %b %H:%M", labelAngle: 0 },
  };
  // A time scale has no bands: size the candle bodies from the candle count instead.
  const bodyWidth = Math.max(1, Math.floor((760 / Math.max(1, candles.length)) * 0.7));
  const color = {
    condition: { test: "datum.up", value: "#16a34a" },
    value: "#dc2626",
  };
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v5.json",
    background: "#ffffff",
    title: { text: `${input.symbol} · ${input.interval}`, anchor: "start", fontSize: 16 },
    config: { font: "DejaVu Sans", view: { stroke: null } },
    vconcat: [
      {
        width: 760,
        height: 300,
        data: { values: candles },
        encoding: { x, color },
        layer: [
          {
            mark: "rule",
            encoding: {
              y: { field: "low", type: "quantitative", scale: { zero: false }, title: "USD" },
              y2: { field: "high" },
            },
          },
          {
            mark: { type: "bar", width: bodyWidth },
            encoding: { y: { field: "open", type: "quantitative" }, y2: { field: "close" } },
          },
        ],
      },
      {
        width: 760,
        height: 110,
        data: { values: liq },
        mark: { type: "bar", width: bodyWidth },
        encoding: {
          x,
          y: { field: "usd", type: "quantitative", title: "Liquidations USD", axis: { format: "~s" } },
          color: {
            field: "side",
            type: "nominal",
            scale: { domain: ["longs", "shorts"], range: ["#dc2626", "#16a34a"] },
            legend: { orient: "top", title: null },
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
