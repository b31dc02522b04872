export { etfChartSpec, renderEtfChart } from "./etf.js";
export { specToPng } from "./png.js";
export { type ChartInput, type ChartLabels, chartSpec, renderChart } from "./render.js";
