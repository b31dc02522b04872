import {
  type AlertKind,
  type ChatSubscription,
  DEFAULT_ALERT_KINDS,
  PUBLIC_ALERT_KINDS,
} from "@teleglas/market-data-core";
import { Composer } from "grammy";
import type { BotContext } from "../context.js";
import { escapeHtml } from "../format/numbers.js";
import { formatSubscription, MIN_USD_CHOICES, subscriptionKeyboard } from "../format/subscription.js";
import { defineCommand, replyHtml, symbolArg } from "./common.js";
import { chatRecord, updateChat } from "./prefs.js";

/** /subscribe, /unsubscribe and the inline menu they share (/alerts lives in alert-rules-list.ts). */
export const subscribeFeature = new Composer<BotContext>();

/** The market-alert menu (kinds, minimum size); /alerts opens it too. */
export async function showMenu(ctx: BotContext, sub: ChatSubscription, prefix = ""): Promise<void> {
  const flags = await ctx.deps.stores.flags.all();
  const text = prefix + formatSubscription(sub, flags, ctx.t.bind(ctx), Date.now());
  await replyHtml(ctx, text, sub.active ? subscriptionKeyboard(sub, ctx.t.bind(ctx)) : undefined);
}

defineCommand(subscribeFeature, ["subscribe"], async (ctx, inputs) => {
  const current = await chatRecord(ctx);
  let symbols: ChatSubscription["symbols"] = "all";
  // `/subscribe BTC ETH` follows both; one unknown ticker stops with its own answer.
  if (inputs.length > 0 && !inputs.some((i) => i.toLowerCase() === "all")) {
    const had = current.active && Array.isArray(current.symbols) ? current.symbols : [];
    const next = new Set(had);
    for (const input of inputs) {
      const symbol = await symbolArg(ctx, "subscribe", input);
      if (!symbol) return;
      next.add(symbol);
    }
    symbols = [...next];
  }
  const kinds = current.active && current.kinds.length > 0 ? current.kinds : [...DEFAULT_ALERT_KINDS];
  const sub = await updateChat(ctx, {
    symbols,
    kinds,
    active: true,
    deactivatedReason: undefined,
    language: ctx.lang,
  });
  await showMenu(ctx, sub, `✅ ${ctx.t("subscribed")}\n\n`);
});

defineCommand(subscribeFeature, ["unsubscribe"], async (ctx, [input]) => {
  const chatId = ctx.chat!.id;
  const current = await ctx.deps.stores.subscriptions.get(chatId);
  if (!current?.active) return replyHtml(ctx, ctx.t("alerts-none"));
  if (!input || input.toLowerCase() === "all") {
    await ctx.deps.stores.subscriptions.deactivate(chatId, "unsubscribed");
    return replyHtml(ctx, `🔕 ${ctx.t("unsubscribed-all")}`);
  }
  const symbol = await symbolArg(ctx, "unsubscribe", input);
  if (!symbol) return;
  if (current.symbols === "all")
    return replyHtml(ctx, ctx.t("unsubscribe-from-all", { symbol: escapeHtml(symbol) }));
  if (!current.symbols.includes(symbol))
    return replyHtml(ctx, ctx.t("not-following", { symbol: escapeHtml(symbol) }));
  const rest = current.symbols.filter((s) => s !== symbol);
  if (rest.length === 0) {
    await ctx.deps.stores.subscriptions.deactivate(chatId, "unsubscribed");
    return replyHtml(ctx, `🔕 ${ctx.t("unsubscribed-all")}`);
  }
  const sub = await updateChat(ctx, { symbols: rest });
  await showMenu(ctx, sub, `${ctx.t("unsubscribed-symbol", { symbol: escapeHtml(symbol) })}\n\n`);
});

/** Re-render the menu message in place after a button press. */
async function editMenu(ctx: BotContext, sub: ChatSubscription, keyboard = true): Promise<void> {
  const flags = await ctx.deps.stores.flags.all();
  const text = formatSubscription(sub, flags, ctx.t.bind(ctx), Date.now());
  await ctx
    .editMessageText(text, {
      parse_mode: "HTML",
      ...(keyboard && sub.active ? { reply_markup: subscriptionKeyboard(sub, ctx.t.bind(ctx)) } : {}),
    })
    .catch((error: unknown) => {
      // Pressing the same choice twice leaves the text unchanged; Telegram says so with a 400.
      if (!String(error).includes("message is not modified")) throw error;
    });
}

subscribeFeature.callbackQuery(/^sub:k:([a-z_]+)$/, async (ctx) => {
  const kind = ctx.match[1] as AlertKind;
  if (!(PUBLIC_ALERT_KINDS as readonly string[]).includes(kind)) return ctx.answerCallbackQuery();
  const current = await chatRecord(ctx);
  const kinds = current.kinds.includes(kind)
    ? current.kinds.filter((k) => k !== kind)
    : [...current.kinds, kind];
  const sub = await updateChat(ctx, { kinds });
  await ctx.answerCallbackQuery({
    text: `${sub.kinds.includes(kind) ? "✅" : "▫️"} ${ctx.t(`kind-short-${kind}`)}`,
  });
  await editMenu(ctx, sub);
});

subscribeFeature.callbackQuery(/^sub:m:(\d+)$/, async (ctx) => {
  const minUsd = Number(ctx.match[1]);
  if (!MIN_USD_CHOICES.includes(minUsd)) return ctx.answerCallbackQuery();
  const sub = await updateChat(ctx, { minUsd });
  await ctx.answerCallbackQuery();
  await editMenu(ctx, sub);
});

subscribeFeature.callbackQuery("sub:off", async (ctx) => {
  await ctx.deps.stores.subscriptions.deactivate(ctx.chat!.id, "unsubscribed");
  await ctx.answerCallbackQuery({ text: ctx.t("unsubscribed-all") });
  await editMenu(ctx, await chatRecord(ctx), false);
});

subscribeFeature.callbackQuery("sub:done", async (ctx) => {
  await ctx.answerCallbackQuery();
  await editMenu(ctx, await chatRecord(ctx), false);
});
