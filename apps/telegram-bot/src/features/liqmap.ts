import { LIQUIDATION_MAP_RANGES, type LiquidationMapRange } from "@teleglas/market-data-core";
import { Composer, InputFile } from "grammy";
import type { BotContext } from "../context.js";
import { span } from "../format/common.js";
import { formatLiqmap } from "../format/liqmap.js";
import { defineCommand, replyHtml, replyMarketError, symbolArg } from "./common.js";

/** Telegram's limit for a photo caption. */
const CAPTION_MAX = 1024;

/** The chart's words in the reader's language. */
const chartLabels = (ctx: BotContext, range: string) => ({
  range: span(range, ctx.t.bind(ctx)),
  title: ctx.t("liqmap-chart-title"),
  subtitle: ctx.t("liqmap-chart-subtitle"),
  time: ctx.t("liqmap-chart-time"),
  price: ctx.t("liqmap-chart-price"),
  amount: ctx.t("liqmap-chart-amount"),
  now: ctx.t("liqmap-chart-now"),
});

/**
 * `/liqmap SYMBOL [12h|24h|3d|7d|30d]`: the liquidation heatmap as a photo, captioned with the
 * nearest large clusters above and below the price. Professional plan; below it, one line saying so.
 */
export const liqmapFeature = new Composer<BotContext>();

defineCommand(liqmapFeature, ["liqmap"], async (ctx, [input, rangeArg]) => {
  const range = (rangeArg ?? "24h").toLowerCase() as LiquidationMapRange;
  if (!LIQUIDATION_MAP_RANGES.includes(range)) return replyHtml(ctx, ctx.t("usage-liqmap"));
  const symbol = await symbolArg(ctx, "liqmap", input);
  if (!symbol) return;
  await ctx.replyWithChatAction("upload_photo").catch(() => {});
  let report: Awaited<ReturnType<typeof ctx.deps.core.market.getLiquidationMap>>;
  try {
    report = await ctx.deps.core.market.getLiquidationMap(symbol, { range });
  } catch (error) {
    return replyMarketError(ctx, error);
  }
  const caption = formatLiqmap(report, { t: ctx.t.bind(ctx), now: Date.now(), lang: ctx.lang });
  if (report.data.heatmap === null || report.data.heatmap.cells.length === 0) return replyHtml(ctx, caption);
  const png = await ctx.deps.renderLiqmapChart(report.data, chartLabels(ctx, range));
  const file = new InputFile(png, `${report.symbol}-liquidation-map-${range}.png`);
  if (caption.length <= CAPTION_MAX)
    return void (await ctx.replyWithPhoto(file, { caption, parse_mode: "HTML" }));
  await ctx.replyWithPhoto(file, { caption: `${report.symbol} · ${span(range, ctx.t.bind(ctx))}` });
  await replyHtml(ctx, caption);
});
