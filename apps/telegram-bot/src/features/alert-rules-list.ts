import type { RuleWithState } from "@teleglas/market-data-core";
import { Composer, InlineKeyboard } from "grammy";
import type { BotContext } from "../context.js";
import { isDone, ruleLine } from "../format/rule.js";
import { firedKeyboard } from "../format/rule-alert.js";
import { formatSubscription } from "../format/subscription.js";
import { levelStep, startFlow } from "./alert-rules.js";
import { defineCommand, replyHtml } from "./common.js";
import { chatRecord } from "./prefs.js";
import { showMenu } from "./subscribe.js";

/**
 * /alerts: the chat's personal rules, a page at a time, with pause / resume / edit / delete per
 * rule, then what it receives of the market alerts (whales, liquidations). Also the "pause this
 * alert" button under a fired rule.
 */
export const alertRulesListFeature = new Composer<BotContext>();

const PAGE = 8;

async function listView(ctx: BotContext, page: number): Promise<{ text: string; kb: InlineKeyboard }> {
  const chatId = ctx.chat!.id;
  const t = ctx.t.bind(ctx);
  const rules = await ctx.deps.stores.rules.list(chatId);
  const pages = Math.max(1, Math.ceil(rules.length / PAGE));
  const p = Math.min(Math.max(0, page), pages - 1);
  const shown = rules.slice(p * PAGE, p * PAGE + PAGE);
  const limit = ctx.deps.config.rulesPerChat;
  const lines = [t("rules-title", { count: rules.length, limit })];
  if (rules.length === 0) lines.push(t("rules-none"));
  const now = Date.now();
  for (const [i, r] of shown.entries()) lines.push(ruleLine(r, p * PAGE + i + 1, t, now));
  if (pages > 1) lines.push(`<i>${t("rules-page", { page: p + 1, pages })}</i>`);
  // The market alerts' own summary, under a title that tells the two apart.
  const sub = await chatRecord(ctx);
  if (sub.active) {
    const fixed = formatSubscription(sub, await ctx.deps.stores.flags.all(), t, now).split("\n");
    lines.push("", t("rules-fixed-title"), ...fixed.slice(1));
  } else lines.push("", t("rules-fixed-none"));

  const kb = new InlineKeyboard();
  for (const [i, r] of shown.entries()) rowFor(kb, r, p * PAGE + i + 1, p, ctx);
  if (pages > 1) {
    if (p > 0) kb.text("◀️", `rl:g:${p - 1}`);
    if (p < pages - 1) kb.text("▶️", `rl:g:${p + 1}`);
    kb.row();
  }
  kb.text(`➕ ${t("alert-button-new")}`, "rl:new").text(t("rules-button-fixed"), "rl:fixed");
  return { text: lines.join("\n"), kb };
}

function rowFor(kb: InlineKeyboard, r: RuleWithState, n: number, page: number, ctx: BotContext): void {
  const id = r.rule.id;
  if (!isDone(r))
    kb.text(
      `${n} ${ctx.t(r.rule.paused ? "rule-button-resume" : "rule-button-pause")}`,
      `rl:${r.rule.paused ? "r" : "p"}:${id}:${page}`,
    );
  // Wallet rules have no level to pick again.
  if (r.rule.condition.kind !== "wallet") kb.text(`${n} ${ctx.t("rule-button-edit")}`, `rl:e:${id}`);
  kb.text(`${n} ${ctx.t("rule-button-delete")}`, `rl:d:${id}:${page}`).row();
}

async function editList(ctx: BotContext, page: number): Promise<void> {
  const { text, kb } = await listView(ctx, page);
  await ctx.editMessageText(text, { parse_mode: "HTML", reply_markup: kb }).catch((error: unknown) => {
    if (!String(error).includes("message is not modified")) throw error;
  });
}

defineCommand(alertRulesListFeature, ["alerts"], async (ctx) => {
  const { text, kb } = await listView(ctx, 0);
  await replyHtml(ctx, text, kb);
});

alertRulesListFeature.callbackQuery(/^rl:g:(\d{1,3})$/, async (ctx) => {
  await ctx.answerCallbackQuery();
  await editList(ctx, Number(ctx.match[1]));
});

alertRulesListFeature.callbackQuery(/^rl:([prd]):([0-9a-z]{1,12}):(\d{1,3})$/, async (ctx) => {
  const [, action, id, page] = ctx.match as unknown as [string, string, string, string];
  const chatId = ctx.chat!.id;
  const rules = ctx.deps.stores.rules;
  const done =
    action === "d"
      ? await rules.delete(chatId, id)
      : (await rules.setPaused(chatId, id, action === "p")) !== null;
  const said = action === "d" ? "rule-deleted-now" : action === "p" ? "rule-paused-now" : "rule-resumed-now";
  await ctx.answerCallbackQuery({ text: ctx.t(done ? said : "rule-gone") });
  await editList(ctx, Number(page));
});

alertRulesListFeature.callbackQuery(/^rl:e:([0-9a-z]{1,12})$/, async (ctx) => {
  const found = await ctx.deps.stores.rules.get(ctx.chat!.id, ctx.match[1] ?? "");
  const c = found?.rule.condition;
  if (!found || !c || c.kind === "wallet") return ctx.answerCallbackQuery({ text: ctx.t("rule-gone") });
  await ctx.answerCallbackQuery();
  await levelStep(ctx, c.symbol, c.kind, found.rule.id);
});

alertRulesListFeature.callbackQuery("rl:new", async (ctx) => {
  await ctx.answerCallbackQuery();
  await startFlow(ctx);
});

alertRulesListFeature.callbackQuery("rl:fixed", async (ctx) => {
  await ctx.answerCallbackQuery();
  await showMenu(ctx, await chatRecord(ctx));
});

/** "Pause this alert" / "Resume" under a fired rule: flips the rule and the button. */
alertRulesListFeature.callbackQuery(/^rf:([pr]):([0-9a-z]{1,12})$/, async (ctx) => {
  const paused = ctx.match[1] === "p";
  const rule = await ctx.deps.stores.rules.setPaused(ctx.chat!.id, ctx.match[2] ?? "", paused);
  if (!rule) return ctx.answerCallbackQuery({ text: ctx.t("rule-gone") });
  await ctx.answerCallbackQuery({ text: ctx.t(paused ? "rule-paused-now" : "rule-resumed-now") });
  const c = rule.condition;
  const kb = firedKeyboard(
    { id: rule.id, symbol: c.symbol, once: rule.repeat.mode === "once" },
    ctx.t.bind(ctx),
    paused,
  );
  await ctx.editMessageReplyMarkup(kb ? { reply_markup: kb } : {}).catch((error: unknown) => {
    if (!String(error).includes("message is not modified")) throw error;
  });
});
