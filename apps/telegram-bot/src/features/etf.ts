import type { EtfAsset } from "@teleglas/market-data-core";
import { Composer, InputFile } from "grammy";
import type { BotContext } from "../context.js";
import { formatEtf } from "../format/etf.js";
import { defineCommand, replyHtml, replyMarketError } from "./common.js";

const ASSETS: EtfAsset[] = ["BTC", "ETH", "SOL", "XRP"];
/** Trading days fetched: about a month, enough for the chart's trend and a short text. */
const DAYS = 20;

/** `/etf [btc|eth|sol|xrp]`: spot-ETF flows as text, then the per-fund bar chart. */
export const etfFeature = new Composer<BotContext>();

defineCommand(etfFeature, ["etf"], async (ctx, [input]) => {
  const asset = (input ?? "BTC").toUpperCase() as EtfAsset;
  if (!ASSETS.includes(asset)) return replyHtml(ctx, ctx.t("usage-etf"));
  await ctx.replyWithChatAction("typing").catch(() => {});
  let report: Awaited<ReturnType<typeof ctx.deps.core.market.getEtf>>;
  try {
    report = await ctx.deps.core.market.getEtf(asset, { days: DAYS });
  } catch (error) {
    return replyMarketError(ctx, error);
  }
  await replyHtml(ctx, formatEtf(report, { t: ctx.t.bind(ctx), now: Date.now(), lang: ctx.lang }));
  if (report.data.days.length === 0) return;
  const png = await ctx.deps.renderEtfChart(report.data);
  await ctx.replyWithPhoto(new InputFile(png, `${asset}-etf-flows.png`), {
    caption: ctx.t("etf-chart-caption", { asset, count: report.data.days.length }),
  });
});
