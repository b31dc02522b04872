import type { LiquidationHeatmap, LiquidationMapReport } from "@teleglas/market-data-core";
import type { TopLevelSpec } from "vega-lite";
import { specToPng } from "./png.js";
import { price as usd } from "./price.js";

/** Every word the heatmap shows, in the reader's language. */
export interface LiqmapLabels {
  title: string;
  subtitle: string;
  time: string;
  price: string;
  amount: string;
  now: string;
  /** The window as the reader writes it (`24h`, `24j`); the report's own when absent. */
  range?: string;
}

const ENGLISH: LiqmapLabels = {
  title: "liquidation heatmap",
  subtitle: "All exchanges · brighter = more to liquidate · Data: CoinGlass",
  time: "Time (UTC)",
  price: "Price (USD)",
  amount: "To liquidate (USD)",
  now: "Now",
};

/** Cells drawn at most: enough detail on a phone, few enough rectangles to render fast. */
const MAX_COLUMNS = 96;
const MAX_ROWS = 90;
/** Narrow and tall: on a phone the width is what the text size depends on. */
const WIDTH = 460;
const HEIGHT = 520;
/** Empty cells take the colour of zero so the map reads as one surface. */
const ZERO = "#440154";
const PRICE_LINE = "#ffffff";

interface Cell {
  t0: number;
  t1: number;
  p0: number;
  p1: number;
  usd: number;
}

/** Colour steps: fine enough to look continuous, coarse enough that runs of a step merge. */
const STEPS = 32;

/**
 * Merge the heatmap into at most MAX_COLUMNS × MAX_ROWS cells: rows merged add up (the amount in a
 * wider price band), columns merged keep their largest value (a level that lasted a moment still
 * shows). Values snap to STEPS colour steps (on the colour scale's square root) and a row's
 * neighbours of one step become one rectangle: a few hundred shapes instead of thousands, which
 * is most of the render time. Step 0 is the background colour and is not drawn.
 */
export function heatmapCells(h: LiquidationHeatmap): Cell[] {
  const { times, prices } = h;
  const step = (list: Array<number | null>) => {
    const known = list.filter((v): v is number => v !== null);
    return known.length > 1 ? ((known.at(-1) as number) - (known[0] as number)) / (known.length - 1) : 0;
  };
  const dt = step(times);
  const dp = Math.abs(step(prices));
  const colGroup = Math.max(1, Math.ceil(times.length / MAX_COLUMNS));
  const rowGroup = Math.max(1, Math.ceil(prices.length / MAX_ROWS));
  const cols = Math.ceil(times.length / colGroup);
  const rows = Math.ceil(prices.length / rowGroup);
  const sums = new Map<number, number>();
  for (const [x, y, v] of h.cells) {
    const k = x * rows + Math.floor(y / rowGroup);
    sums.set(k, (sums.get(k) ?? 0) + v);
  }
  const grid = new Float64Array(cols * rows);
  for (const [k, v] of sums) {
    const at = Math.floor(k / rows / colGroup) * rows + (k % rows);
    grid[at] = Math.max(grid[at] as number, v);
  }
  const max = Math.max(0, ...grid);
  if (max <= 0) return [];
  const level = (v: number) => Math.round(Math.sqrt(v / max) * STEPS);
  const timeOf = (cx: number) => times[cx * colGroup] ?? null;
  const cells: Cell[] = [];
  for (let g = 0; g < rows; g++) {
    const band = prices.slice(g * rowGroup, (g + 1) * rowGroup).filter((p): p is number => p !== null);
    if (band.length === 0) continue;
    for (let cx = 0; cx < cols; ) {
      const q = level(grid[cx * rows + g] as number);
      let end = cx + 1;
      while (end < cols && level(grid[end * rows + g] as number) === q) end++;
      const t0 = timeOf(cx);
      if (q > 0 && t0 !== null) {
        // Each shape reaches a little into the next so anti-aliased edges leave no seams.
        cells.push({
          t0,
          t1: (timeOf(end) ?? t0 + dt * colGroup * (end - cx)) + dt * colGroup * 0.3,
          p0: Math.min(...band) - dp / 2,
          p1: Math.max(...band) + dp * 0.8,
          usd: max * (q / STEPS) ** 2,
        });
      }
      cx = end;
    }
  }
  return cells;
}

/** d3 format for the price axis: whole dollars above $1,000, more decimals below. */
const priceFormat = (p: number) => (p >= 1000 ? "$,.0f" : p >= 1 ? "$,.2f" : "$,.6~f");

/**
 * The heatmap: price (USD) up, time (UTC) across, colour = USD still to be liquidated at that price
 * (legend under the map), the price path in white and the current price as a dashed line labelled
 * with its value.
 */
export function liqmapSpec(r: LiquidationMapReport, labels: Partial<LiqmapLabels> = {}): TopLevelSpec {
  const l = { ...ENGLISH, ...labels };
  const h = r.heatmap ?? { times: [], closes: [], prices: [], cells: [] };
  const cells = heatmapCells(h);
  const path = h.times.flatMap((t, i) => {
    const close = h.closes[i];
    return t === null || close == null ? [] : [{ t, close }];
  });
  const now = r.priceUsd;
  const long = (h.times.at(-1) ?? 0) - (h.times[0] ?? 0) > 3 * 86_400_000;
  const known = h.prices.filter((p): p is number => p !== null);
  const x = {
    type: "temporal" as const,
    scale: { type: "utc" as const, nice: false },
    title: l.time,
    axis: { format: long ? "%d %b" : "%H:%M", labelAngle: 0, tickCount: 5 },
  };
  const y = {
    type: "quantitative" as const,
    scale: {
      zero: false,
      nice: false,
      domain: known.length ? [Math.min(...known), Math.max(...known)] : undefined,
    },
    title: l.price,
    axis: { format: priceFormat(now ?? known[0] ?? 1), tickCount: 8 },
  };
  const max = Math.max(0, ...cells.map((c) => c.usd));
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v5.json",
    background: "#ffffff",
    title: {
      text: `${r.symbol} ${l.title} · ${l.range ?? r.range}`,
      subtitle: l.subtitle,
      // A long translation is cut short rather than widening the picture (which shrinks the map).
      // Vega measures text without a canvas by estimate, well above what resvg draws (a 62-character
      // subtitle "measures" ~740 px and draws ~490), hence the margin.
      limit: WIDTH + 420,
      anchor: "start",
      fontSize: 24,
      subtitleFontSize: 15,
    },
    config: {
      font: "DejaVu Sans",
      view: { fill: ZERO, stroke: null },
      axis: { labelFontSize: 16, titleFontSize: 16, gridOpacity: 0.15 },
      legend: { labelFontSize: 15, titleFontSize: 16 },
    },
    width: WIDTH,
    height: HEIGHT,
    layer: [
      {
        data: { values: cells },
        mark: { type: "rect", clip: true },
        encoding: {
          x: { ...x, field: "t0" },
          x2: { field: "t1" },
          y: { ...y, field: "p0" },
          y2: { field: "p1" },
          color: {
            field: "usd",
            type: "quantitative",
            scale: { scheme: "viridis", domain: [0, max || 1], type: "sqrt" },
            // Under the map, across: a vertical gradient beside the price axis would read as prices.
            legend: {
              title: l.amount,
              orient: "bottom",
              direction: "horizontal",
              format: "$~s",
              gradientLength: WIDTH,
              gradientThickness: 16,
              titleLimit: WIDTH,
              tickCount: 5,
              labelOverlap: true,
            },
          },
        },
      },
      {
        data: { values: path },
        mark: { type: "line", color: PRICE_LINE, strokeWidth: 1.6, clip: true },
        encoding: { x: { ...x, field: "t" }, y: { ...y, field: "close" } },
      },
      ...(now === null
        ? []
        : [
            {
              data: { values: [{ now, label: `◀ ${l.now} ${usd(now)}` }] },
              encoding: { y: { ...y, field: "now" } },
              layer: [
                { mark: { type: "rule" as const, color: PRICE_LINE, strokeDash: [6, 4], strokeWidth: 1.5 } },
                {
                  // Outside the plot, level with the line, so it never covers a level.
                  mark: {
                    type: "text" as const,
                    align: "left" as const,
                    baseline: "middle" as const,
                    dx: 6,
                    color: "#111827",
                    fontWeight: "bold" as const,
                    fontSize: 17,
                  },
                  encoding: { x: { value: WIDTH }, text: { field: "label" } },
                },
              ],
            },
          ]),
    ],
  } as TopLevelSpec;
}

/** Render the liquidation heatmap to PNG (1000 px wide). */
export function renderLiqmapChart(r: LiquidationMapReport, labels?: Partial<LiqmapLabels>): Promise<Buffer> {
  return specToPng(liqmapSpec(r, labels));
}
