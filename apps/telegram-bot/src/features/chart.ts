import type { Interval } from "@teleglas/market-data-core";
import { Composer, InputFile } from "grammy";
import type { BotContext } from "../context.js";
import { span } from "../format/common.js";
import { escapeHtml } from "../format/numbers.js";
import { defineCommand, replyHtml, replyMarketError, symbolArg } from "./common.js";

const INTERVALS: Interval[] = ["5m", "15m", "30m", "1h", "4h", "12h", "1d"];
const BARS = 96;

/** `/chart SYMBOL [interval]`: a PNG of price candles with liquidation bars under them. */
export const chartFeature = new Composer<BotContext>();

defineCommand(chartFeature, ["chart"], async (ctx, [input, intervalArg]) => {
  const interval = (intervalArg ?? "1h").toLowerCase() as Interval;
  if (!INTERVALS.includes(interval)) return replyHtml(ctx, ctx.t("usage-chart"));
  const symbol = await symbolArg(ctx, "chart", input);
  if (!symbol) return;
  await ctx.replyWithChatAction("upload_photo").catch(() => {});
  const market = ctx.deps.core.market;
  const [candles, liqs] = await Promise.allSettled([
    market.getPriceHistory(symbol, { interval, limit: BARS }),
    market.getLiquidationHistory(symbol, { interval, limit: BARS }),
  ]);
  if (candles.status === "rejected") return replyMarketError(ctx, candles.reason);
  if (candles.value.data.length === 0) return replyHtml(ctx, ctx.t("chart-empty"));
  const liquidations = liqs.status === "fulfilled" ? liqs.value.data : [];
  const labels = {
    interval: span(interval, ctx.t),
    longs: ctx.t("chart-longs"),
    shorts: ctx.t("chart-shorts"),
    liquidations: ctx.t("chart-liquidations"),
    time: ctx.t("chart-time"),
    last: ctx.t("chart-last"),
    source: ctx.t("chart-source"),
  };
  const png = await ctx.deps.renderChart({
    symbol,
    interval,
    candles: candles.value.data,
    liquidations,
    labels,
  });
  const note = liqs.status === "rejected" ? `\n${ctx.t("chart-no-liq")}` : "";
  await ctx.replyWithPhoto(new InputFile(png, `${symbol}-${interval}.png`), {
    caption: `${escapeHtml(symbol)} · ${labels.interval}${note}`,
    parse_mode: "HTML",
  });
});
