import { ALERT_KINDS, type AlertKind } from "@teleglas/market-data-core";
import { Composer, InlineKeyboard } from "grammy";
import type { BotContext } from "../context.js";
import { NA } from "../format/numbers.js";
import { defineCommand, replyHtml } from "./common.js";

const isAdmin = (ctx: BotContext) => ctx.from !== undefined && ctx.deps.config.adminIds.includes(ctx.from.id);

async function adminText(ctx: BotContext): Promise<{ text: string; keyboard: InlineKeyboard }> {
  const t = ctx.t.bind(ctx);
  const flags = await ctx.deps.stores.flags.all();
  const d = ctx.deps.delivery?.stats();
  const keyboard = new InlineKeyboard();
  ALERT_KINDS.forEach((k, i) => {
    keyboard.text(`${flags[k] ? "🟢" : "⚪️"} ${t(`kind-short-${k}`)}`, `adm:k:${k}`);
    if (i % 2 === 1) keyboard.row();
  });
  const lines = [
    `🛠 <b>${t("admin-title")}</b>`,
    ...ALERT_KINDS.map((k) => `${flags[k] ? "🟢" : "⚪️"} ${t(`kind-${k}`)}`),
    "",
    `<b>${t("delivery-stats")}</b>`,
    d
      ? `sent ${d.sent} · retried ${d.retried} · 429 ${d.rateLimited} · deactivated ${d.deactivated} · migrated ${d.migrated} · failed ${d.failed} · duplicates skipped ${d.duplicatesSkipped}`
      : NA,
  ];
  return { text: lines.join("\n"), keyboard };
}

/** Admin only (TELEGRAM_ADMIN_IDS): alert kinds on/off for everyone, delivery statistics. */
export const adminFeature = new Composer<BotContext>();

defineCommand(adminFeature, ["admin"], async (ctx, [action, kindArg]) => {
  if (!isAdmin(ctx)) return replyHtml(ctx, ctx.t("admin-only"));
  if (action === "on" || action === "off") {
    const kind = kindArg as AlertKind;
    if (!ALERT_KINDS.includes(kind))
      return replyHtml(ctx, ctx.t("usage-admin", { kinds: ALERT_KINDS.join(", ") }));
    await ctx.deps.stores.flags.setKind(kind, action === "on");
  }
  const { text, keyboard } = await adminText(ctx);
  await replyHtml(ctx, text, keyboard);
});

adminFeature.callbackQuery(/^adm:k:([a-z_]+)$/, async (ctx) => {
  if (!isAdmin(ctx)) return ctx.answerCallbackQuery({ text: ctx.t("admin-only") });
  const kind = ctx.match[1] as AlertKind;
  if (ALERT_KINDS.includes(kind)) {
    await ctx.deps.stores.flags.setKind(kind, !(await ctx.deps.stores.flags.kindEnabled(kind)));
  }
  await ctx.answerCallbackQuery();
  const { text, keyboard } = await adminText(ctx);
  await ctx.editMessageText(text, { parse_mode: "HTML", reply_markup: keyboard });
});
