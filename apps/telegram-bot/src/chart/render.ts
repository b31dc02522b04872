import { existsSync } from "node:fs";
import { Resvg } from "@resvg/resvg-js";
import type { Candle, LiquidationBar } from "@teleglas/market-data-core";
import * as vega from "vega";
import { compile, type TopLevelSpec } from "vega-lite";

export interface ChartInput {
  symbol: string;
  interval: string;
  candles: Candle[];
  /** Empty when the liquidation history was unavailable (the panel then says so). */
  liquidations: LiquidationBar[];
}

const FONT_DIRS = ["/usr/share/fonts/truetype/dejavu", "/usr/share/fonts/dejavu", "/usr/share/fonts/TTF"];
const fontFiles = FONT_DIRS.map((d) => `${d}/DejaVuSans.ttf`).filter((f) => existsSync(f));

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

/**
 * Render the chart to PNG: vega-lite -> vega -> SVG (no canvas), then resvg. Text uses DejaVu
 * Sans from the system fonts when present (Docker images need fonts-dejavu-core).
 */
export async function renderChart(input: ChartInput): Promise<Buffer> {
  const view = new vega.View(vega.parse(compile(chartSpec(input)).spec), { renderer: "none" });
  const svg = await view.toSVG();
  view.finalize();
  const resvg = new Resvg(svg, {
    background: "#ffffff",
    fitTo: { mode: "width", value: 1000 },
    font: { fontFiles, loadSystemFonts: fontFiles.length === 0, defaultFontFamily: "DejaVu Sans" },
  });
  return Buffer.from(resvg.render().asPng());
}
