import type { RuleKind } from "@teleglas/market-data-core";
import { Composer, InlineKeyboard } from "grammy";
import type { BotContext } from "../context.js";
import { span } from "../format/common.js";
import { escapeHtml, price } from "../format/numbers.js";
import { describeCondition } from "../format/rule.js";
import { conditionLine } from "./alert-rules-line.js";
import { parseAlert } from "./alert-rules-parse.js";
import { presetLabel, presets } from "./alert-rules-presets.js";
import { fitsButton, planRefusal, replyProblem, saveRule } from "./alert-rules-save.js";
import { KIND_WORDS } from "./alert-rules-words.js";
import { defineCommand, replyHtml } from "./common.js";

/**
 * /alert: one line creates a personal rule; alone, it opens the guided flow (coin → kind →
 * level → repeat). Each button carries the draft so far as its one-line form (`aw:<edit>:<step>:
 * BTC price > 101000`), read back by the same parser: any bot process can take the next press,
 * after a restart too, and nothing is kept per chat until the rule is saved. The menu plugin was
 * not used: its buttons re-render the menu from the context to find their handler, which a
 * flow whose every step is in the data does not need.
 */
export const alertRulesFeature = new Composer<BotContext>();

const FLOW_COINS = ["BTC", "ETH", "SOL", "XRP", "BNB", "DOGE"];
/** The kinds the coin step offers, by the word the line form uses. */
const FLOW_KINDS: Array<[string, RuleKind]> = [
  ["price", "price"],
  ["move", "move"],
  ["oi", "oi"],
  ["funding", "funding"],
  ["liq", "liquidations"],
  ["ls", "long_short"],
];

/** Replace the flow's message; pressing the same button twice changes nothing, and says so. */
async function show(ctx: BotContext, html: string, kb?: InlineKeyboard): Promise<void> {
  await ctx
    .editMessageText(html, { parse_mode: "HTML", ...(kb ? { reply_markup: kb } : {}) })
    .catch((error: unknown) => {
      if (!String(error).includes("message is not modified")) throw error;
    });
}

/** The flow's first step: coin buttons, and the one-line forms for anything else. */
export function startFlow(ctx: BotContext): Promise<void> {
  return replyHtml(ctx, `${ctx.t("alert-pick-coin")}\n${ctx.t("alert-forms")}`, coinKeyboard());
}

function coinKeyboard(): InlineKeyboard {
  const kb = new InlineKeyboard();
  FLOW_COINS.forEach((c, i) => {
    kb.text(c, `aw:-:c:${c}`);
    if (i % 3 === 2) kb.row();
  });
  return kb;
}

function kindKeyboard(ctx: BotContext, symbol: string, edit: string): InlineKeyboard {
  const kb = new InlineKeyboard();
  FLOW_KINDS.forEach(([word, kind], i) => {
    const lock = planRefusal(ctx, kind) ? "🔒 " : "";
    kb.text(`${lock}${ctx.t(`rule-kind-${kind}`)}`, `aw:${edit}:k:${symbol} ${word}`);
    if (i % 2 === 1) kb.row();
  });
  return kb;
}

/** The level step: presets as buttons, and the line to type for any other level. */
export async function levelStep(
  ctx: BotContext,
  symbol: string,
  kind: RuleKind,
  edit: string,
): Promise<void> {
  const t = ctx.t.bind(ctx);
  let now: number | null = null;
  if (kind === "price") {
    const r = await ctx.deps.core.market
      .getPriceHistory(symbol, { interval: "4h", limit: 1 })
      .catch(() => null);
    now = r?.data.at(-1)?.close ?? null;
  }
  // The OI-weighted average comes with coins-markets (Standard); below it, one exchange's list.
  const average = { kind: "funding", symbol, op: "flip", level: 0, exchange: null } as const;
  const list = presets(symbol, kind, now, planRefusal(ctx, average) ? "Binance" : null);
  const kb = new InlineKeyboard();
  list.forEach((c, i) => {
    const data = `aw:${edit}:l:${conditionLine(c)}`;
    if (fitsButton(data)) kb.text(presetLabel(c, t), data);
    if (i % 2 === 1) kb.row();
  });
  const title =
    edit === "-"
      ? t("alert-pick-level", { symbol, kind: t(`rule-kind-${kind}`) })
      : t("rule-edit", { rule: `${symbol} · ${t(`rule-kind-${kind}`)}` });
  const lines = [title];
  if (now !== null) lines.push(t("alert-pick-level-price", { price: price(now) }));
  const example = list[0] ?? presets(symbol, kind, 100)[0];
  if (example && edit === "-")
    lines.push(
      "",
      t("alert-type-level", { example: `<code>/alert ${escapeHtml(conditionLine(example))}</code>` }),
    );
  await show(ctx, lines.join("\n"), kb);
}

/** The repeat step: once, every crossing, at most every 15 min / 1 h. */
async function repeatStep(ctx: BotContext, line: string, edit: string): Promise<void> {
  const parsed = parseAlert(line, Date.now());
  if (!parsed.ok) return replyProblem(ctx, parsed.problem);
  const t = ctx.t.bind(ctx);
  const kb = new InlineKeyboard();
  const choices: Array<[string, string]> = [
    [t("alert-button-once"), "once"],
    [t("alert-button-every"), "every"],
    [t("alert-button-at-most", { every: span("15m", t) }), "every 15m"],
    [t("alert-button-at-most", { every: span("1h", t) }), "every 60m"],
  ];
  choices.forEach(([label, word], i) => {
    const data = `aw:${edit}:r:${line} ${word}`;
    if (fitsButton(data)) kb.text(label, data);
    if (i % 2 === 1) kb.row();
  });
  await show(ctx, t("alert-pick-repeat", { rule: describeCondition(parsed.alert.condition, t) }), kb);
}

defineCommand(alertRulesFeature, ["alert"], async (ctx, args) => {
  if (args.length === 0) return startFlow(ctx);
  const parsed = parseAlert(args.join(" "), Date.now());
  if (!parsed.ok) return replyProblem(ctx, parsed.problem);
  // "The limit is reached" first: resolving the coin or checking the plan does not matter then.
  const limit = ctx.deps.config.rulesPerChat;
  if ((await ctx.deps.stores.rules.count(ctx.chat!.id)) >= limit)
    return replyHtml(ctx, ctx.t("alert-limit", { limit }));
  await saveRule(ctx, parsed.alert);
});

alertRulesFeature.callbackQuery(/^aw:([0-9a-z]{1,12}|-):([cklr]):(.{1,60})$/, async (ctx) => {
  const [, edit, step, payload] = ctx.match as unknown as [string, string, string, string];
  const [symbol = "", word = ""] = payload.split(" ");
  if (step === "c" || step === "k") {
    if (!/^[A-Z0-9]{1,20}$/.test(symbol)) return ctx.answerCallbackQuery();
    await ctx.answerCallbackQuery();
    if (step === "c") return show(ctx, ctx.t("alert-pick-kind", { symbol }), kindKeyboard(ctx, symbol, edit));
    const kind = KIND_WORDS[word] as RuleKind | undefined;
    if (!kind || kind === "wallet") return;
    const refusal = planRefusal(ctx, kind);
    if (refusal) return show(ctx, refusal);
    return levelStep(ctx, symbol, kind, edit);
  }
  await ctx.answerCallbackQuery();
  if (step === "l") return repeatStep(ctx, payload, edit);
  const parsed = parseAlert(payload, Date.now());
  if (!parsed.ok) return replyProblem(ctx, parsed.problem);
  await saveRule(ctx, parsed.alert, { editId: edit === "-" ? null : edit, edit: true });
});
