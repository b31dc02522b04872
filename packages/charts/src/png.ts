import { existsSync } from "node:fs";
import { Resvg } from "@resvg/resvg-js";
import * as vega from "vega";
import { compile, type TopLevelSpec } from "vega-lite";

const FONT_DIRS = ["/usr/share/fonts/truetype/dejavu", "/usr/share/fonts/dejavu", "/usr/share/fonts/TTF"];
const fontFiles = FONT_DIRS.map((d) => `${d}/DejaVuSans.ttf`).filter((f) => existsSync(f));

/**
 * Render a vega-lite spec to PNG: vega-lite -> vega -> SVG (no canvas), then resvg at `width`
 * pixels. Text uses DejaVu Sans from the system fonts when present (Docker images need
 * fonts-dejavu-core).
 */
export async function specToPng(spec: TopLevelSpec, width = 1000): Promise<Buffer> {
  const view = new vega.View(vega.parse(compile(spec).spec), { renderer: "none" });
  const svg = await view.toSVG();
  view.finalize();
  const resvg = new Resvg(svg, {
    background: "#ffffff",
    fitTo: { mode: "width", value: width },
    font: { fontFiles, loadSystemFonts: fontFiles.length === 0, defaultFontFamily: "DejaVu Sans" },
  });
  return Buffer.from(resvg.render().asPng());
}
