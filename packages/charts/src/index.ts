export { etfChartSpec, renderEtfChart } from "./etf.js";
export { heatmapCells, type LiqmapLabels, liqmapSpec, renderLiqmapChart } from "./liqmap.js";
export { specToPng } from "./png.js";
export { type ChartInput, type ChartLabels, chartSpec, renderChart } from "./render.js";
