import { Composer } from "grammy";
import type { BotContext } from "../context.js";
import { formatCalendar } from "../format/calendar.js";
import { defineCommand, marketReply } from "./common.js";

/** `/calendar`: the week's most important macro releases (CoinGlass Startup plan or above). */
export const calendarFeature = new Composer<BotContext>();

defineCommand(calendarFeature, ["calendar"], async (ctx) => {
  // The chat's time zone is the one its quiet hours were set in; UTC until then.
  const sub = ctx.chat ? await ctx.deps.stores.subscriptions.get(ctx.chat.id).catch(() => null) : null;
  const timeZone = sub?.quietHours?.timeZone ?? "UTC";
  await marketReply(ctx, async () =>
    formatCalendar(
      await ctx.deps.core.market.getCalendar({ days: 7, minImportance: 3 }),
      { t: ctx.t.bind(ctx), now: Date.now(), lang: ctx.lang },
      timeZone,
    ),
  );
});
