import type { NextFunction } from "grammy";
import type { BotContext } from "../context.js";

/** Whether a user may use the bot: `*`, or listed in TELEGRAM_ALLOWED_USERS or TELEGRAM_ADMIN_IDS. */
export function isAllowed(userId: number, allowed: "*" | number[], admins: number[]): boolean {
  return allowed === "*" || allowed.includes(userId) || admins.includes(userId);
}

/**
 * Checked on every message and button press, before anything else runs; no user is let through
 * by a hard-coded id. A refused user gets one short answer, and the attempt is logged.
 */
export async function accessGuard(ctx: BotContext, next: NextFunction): Promise<void> {
  const user = ctx.from;
  if (!user) return; // channel posts and service updates: nothing to answer
  const { allowedUsers, adminIds } = ctx.deps.config;
  if (isAllowed(user.id, allowedUsers, adminIds)) return next();
  ctx.log.warn({ user_id: user.id }, "access refused");
  if (ctx.callbackQuery)
    await ctx.answerCallbackQuery({ text: ctx.t("access-denied-short"), show_alert: true });
  else if (ctx.message) await ctx.reply(ctx.t("access-denied", { id: user.id }), { parse_mode: "HTML" });
}
