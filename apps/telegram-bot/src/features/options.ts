import { OPTION_COINS, type OptionCoin } from "@teleglas/market-data-core";
import { Composer } from "grammy";
import type { BotContext } from "../context.js";
import { formatOptions } from "../format/options.js";
import { defineCommand, marketReply, replyHtml } from "./common.js";

/** `/options [btc|eth]`: max pain per expiry on Deribit, put/call and venues. */
export const optionsFeature = new Composer<BotContext>();

defineCommand(optionsFeature, ["options"], async (ctx, [input]) => {
  const coin = (input ?? "BTC").toUpperCase() as OptionCoin;
  if (!OPTION_COINS.includes(coin)) return replyHtml(ctx, ctx.t("usage-options"));
  await marketReply(ctx, async () =>
    formatOptions(await ctx.deps.core.market.getOptions(coin), {
      t: ctx.t.bind(ctx),
      now: Date.now(),
      lang: ctx.lang,
    }),
  );
});
