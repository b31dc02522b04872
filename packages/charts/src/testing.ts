/** Helpers of the chart tests (the bot's, this package's, the MCP chart tool's); no runtime code uses them. */
import { inflateSync } from "node:zlib";

/**
 * Decode an 8-bit RGBA, non-interlaced PNG (what resvg writes) into its pixels, so a test can
 * check a chart's size and that it is not blank. Only what these tests need: no palette, no
 * other bit depths.
 */
export function decodePng(buf: Buffer): { width: number; height: number; rgba: Uint8Array } {
  if (buf.subarray(1, 4).toString() !== "PNG") throw new Error("not a PNG");
  let width = 0;
  let height = 0;
  const idat: Buffer[] = [];
  for (let at = 8; at < buf.length; ) {
    const len = buf.readUInt32BE(at);
    const type = buf.subarray(at + 4, at + 8).toString();
    const body = buf.subarray(at + 8, at + 8 + len);
    if (type === "IHDR") {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      if (body[8] !== 8 || body[9] !== 6 || body[12] !== 0)
        throw new Error("only 8-bit RGBA, not interlaced");
    } else if (type === "IDAT") idat.push(body);
    at += 12 + len;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * 4;
  const out = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    for (let x = 0; x < stride; x++) {
      const v = raw[y * (stride + 1) + 1 + x] as number;
      const a = x >= 4 ? (out[y * stride + x - 4] as number) : 0;
      const b = y > 0 ? (out[(y - 1) * stride + x] as number) : 0;
      const c = x >= 4 && y > 0 ? (out[(y - 1) * stride + x - 4] as number) : 0;
      const p = a + b - c;
      const pa = Math.abs(p - a);
      const pb = Math.abs(p - b);
      const pc = Math.abs(p - c);
      const paeth = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      const pred = [0, a, b, (a + b) >> 1, paeth][filter as number] as number;
      out[y * stride + x] = (v + pred) & 0xff;
    }
  }
  return { width, height, rgba: out };
}

/**
 * Share of pixels that are not (near) white, share of clearly coloured ones (bars and marks, not
 * grey text or grid lines), and how many distinct colours there are.
 */
export function inkStats(rgba: Uint8Array): { inkShare: number; colorShare: number; colors: number } {
  let ink = 0;
  let colored = 0;
  const colors = new Set<number>();
  for (let i = 0; i < rgba.length; i += 4) {
    const [r, g, b] = [rgba[i] as number, rgba[i + 1] as number, rgba[i + 2] as number];
    if (r < 240 || g < 240 || b < 240) ink++;
    if (Math.max(r, g, b) - Math.min(r, g, b) > 60) colored++;
    if (colors.size < 10_000) colors.add((r << 16) | (g << 8) | b);
  }
  const pixels = rgba.length / 4;
  return { inkShare: ink / pixels, colorShare: colored / pixels, colors: colors.size };
}
