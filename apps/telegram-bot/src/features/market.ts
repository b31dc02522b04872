import { type LiquidationRange, PlanError } from "@teleglas/market-data-core";
import { Composer } from "grammy";
import type { BotContext } from "../context.js";
import { formatFunding } from "../format/funding.js";
import { indicatorLines } from "../format/indicators.js";
import { formatOnchain } from "../format/onchain.js";
import { formatOverview, type OverviewTopic } from "../format/overview.js";
import { formatRaw } from "../format/raw.js";
import { formatLiq, formatOpenInterest, formatRsi, formatSentiment } from "../format/reports.js";
import { formatOrderbook, formatWhale } from "../format/whale.js";
import { defineCommand, marketReply, replyHtml, replyMarketError, symbolArg } from "./common.js";

const RANGES: LiquidationRange[] = ["1h", "4h", "12h", "24h"];
const view = (ctx: BotContext) => ({ t: ctx.t.bind(ctx), now: Date.now(), lang: ctx.lang });
/** Bare /funding, /oi, /rsi: the 10 largest coins by open interest instead of a usage line. */
async function overview(ctx: BotContext, topic: OverviewTopic) {
  await ctx.replyWithChatAction("typing").catch(() => {});
  let r: Awaited<ReturnType<typeof ctx.deps.core.market.getOverview>>;
  try {
    r = await ctx.deps.core.market.getOverview(10);
  } catch (error) {
    // Ranking all coins needs coins-markets (Standard and above); below it, one coin still works.
    if (error instanceof PlanError) {
      return replyHtml(ctx, ctx.t("overview-plan", { example: `<code>/${topic} BTC</code>` }));
    }
    return replyMarketError(ctx, error);
  }
  await replyHtml(ctx, formatOverview(r, topic, view(ctx)));
}

/** Market commands: /raw /liq /funding /oi /rsi /sentiment /whale /orderbook (/ob, /raw_orderbook). */
export const marketFeature = new Composer<BotContext>();

defineCommand(marketFeature, ["raw"], async (ctx, [input]) => {
  const symbol = await symbolArg(ctx, "raw", input);
  if (!symbol) return;
  await marketReply(ctx, async () =>
    formatRaw(await ctx.deps.core.market.getRaw(symbol), ctx.t.bind(ctx), Date.now(), ctx.lang),
  );
});

defineCommand(marketFeature, ["liq"], async (ctx, [input, rangeArg]) => {
  const range = (rangeArg ?? "24h").toLowerCase() as LiquidationRange;
  if (!RANGES.includes(range)) return replyHtml(ctx, ctx.t("usage-liq"));
  const symbol = await symbolArg(ctx, "liq", input);
  if (!symbol) return;
  await marketReply(ctx, async () => formatLiq(await ctx.deps.core.market.getLiq(symbol, range), view(ctx)));
});

defineCommand(marketFeature, ["funding"], async (ctx, [input]) => {
  if (!input) return overview(ctx, "funding");
  const symbol = await symbolArg(ctx, "funding", input);
  if (!symbol) return;
  await marketReply(ctx, async () => formatFunding(await ctx.deps.core.market.getFunding(symbol), view(ctx)));
});

defineCommand(marketFeature, ["oi"], async (ctx, [input]) => {
  if (!input) return overview(ctx, "oi");
  const symbol = await symbolArg(ctx, "oi", input);
  if (!symbol) return;
  await marketReply(ctx, async () =>
    formatOpenInterest(await ctx.deps.core.market.getOpenInterest(symbol), view(ctx)),
  );
});

defineCommand(marketFeature, ["rsi"], async (ctx, [input]) => {
  if (!input) return overview(ctx, "rsi");
  const symbol = await symbolArg(ctx, "rsi", input);
  if (!symbol) return;
  await marketReply(ctx, async () => formatRsi(await ctx.deps.core.market.getRsi(symbol), view(ctx)));
});

defineCommand(marketFeature, ["sentiment"], async (ctx) => {
  await marketReply(ctx, async () => {
    const market = ctx.deps.core.market;
    // The indicators are a section of their own: when they fail the mood still shows.
    const [mood, indicators] = await Promise.all([
      market.getSentiment(),
      market.getIndicators("BTC").catch(() => null),
    ]);
    return formatSentiment(mood, view(ctx), indicatorLines(indicators?.data ?? null, ctx.t.bind(ctx)));
  });
});

defineCommand(marketFeature, ["onchain"], async (ctx, [input]) => {
  const symbol = await symbolArg(ctx, "onchain", input);
  if (!symbol) return;
  await marketReply(ctx, async () => formatOnchain(await ctx.deps.core.market.getOnchain(symbol), view(ctx)));
});

defineCommand(marketFeature, ["whale"], async (ctx, [input]) => {
  let symbol: string | undefined;
  if (input) {
    const resolved = await symbolArg(ctx, "whale", input);
    if (!resolved) return;
    symbol = resolved;
  }
  await marketReply(ctx, async () =>
    formatWhale(await ctx.deps.core.market.getWhale(symbol ? { symbol } : {}), view(ctx)),
  );
});

defineCommand(marketFeature, ["orderbook", "ob", "raw_orderbook"], async (ctx, [input]) => {
  const symbol = await symbolArg(ctx, "orderbook", input);
  if (!symbol) return;
  await marketReply(ctx, async () =>
    formatOrderbook(await ctx.deps.core.market.getOrderbook(symbol), view(ctx)),
  );
});
