import { Composer } from "grammy";
import type { BotContext } from "../context.js";
import { formatArbitrage } from "../format/arbitrage.js";
import { defineCommand, marketReply } from "./common.js";

/** Pairs shown: enough to choose from, short enough to read on a phone. */
const PAIRS = 8;

/** `/arb`: funding arbitrage pairs (CoinGlass Startup plan or above). */
export const arbFeature = new Composer<BotContext>();

defineCommand(arbFeature, ["arb"], async (ctx) => {
  await marketReply(ctx, async () =>
    formatArbitrage(await ctx.deps.core.market.getFundingArbitrage({ limit: PAIRS }), {
      t: ctx.t.bind(ctx),
      now: Date.now(),
      lang: ctx.lang,
    }),
  );
});
