import { isDeepStrictEqual } from "node:util";
import {
  type CoinGlassPlan,
  planAllows,
  planNeededFor,
  type RuleCondition,
  type RuleKind,
  type RuleRepeat,
  UnknownSymbolError,
} from "@teleglas/market-data-core";
import { InlineKeyboard } from "grammy";
import type { BotContext } from "../context.js";
import { escapeHtml } from "../format/numbers.js";
import { describeCondition, describeRepeat } from "../format/rule.js";
import { conditionLine, repeatLine } from "./alert-rules-line.js";
import type { AlertCondition, AlertRepeat, ParsedAlert, ParseProblem } from "./alert-rules-parse.js";
import { NOTE_MAX } from "./alert-rules-parse.js";
import { replyHtml, replyMarketError } from "./common.js";
import { chatRecord, updateChat } from "./prefs.js";

/** Callback data is at most 64 bytes (Telegram): longer drafts get no button. */
export const fitsButton = (data: string) => Buffer.byteLength(data) <= 64;

const PLAN_NAMES: Record<CoinGlassPlan, string> = {
  hobbyist: "Hobbyist",
  startup: "Startup",
  standard: "Standard",
  professional: "Professional",
};

/**
 * How far a value must go back past the level before "every crossing" fires again, in the rule's
 * unit: a value hovering at the level must not fire on each tick. About a tenth of the level's
 * own scale, so the re-arm is visible on a chart but not a new trend.
 */
export function defaultBand(c: RuleCondition): number {
  switch (c.kind) {
    case "price":
      return c.level * 0.005;
    case "move":
    case "oi":
      return c.pct * 0.2;
    case "funding":
      return Math.max(0.005, Math.abs(c.level) * 0.1);
    case "liquidations":
      return c.usd * 0.1;
    case "long_short":
      return c.level * 0.02;
    case "wallet":
      return 0;
  }
}

export function repeatWithBand(r: AlertRepeat, c: RuleCondition): RuleRepeat {
  return r.mode === "once" ? r : { ...r, band: defaultBand(c) };
}

/** Bad input: what was wrong, and an example of the kind meant (or the whole list). */
export async function replyProblem(ctx: BotContext, p: ParseProblem): Promise<void> {
  const token = escapeHtml(p.token ?? "");
  const missing = p.token === null && (p.code === "level" || p.code === "window");
  const what = ctx.t(missing ? `alert-missing-${p.code}` : `alert-bad-${p.code}`, { token, max: NOTE_MAX });
  if (p.code === "empty") return replyHtml(ctx, ctx.t("usage-alert"));
  const example = p.kind ? ctx.t(`alert-example-${p.kind}`) : null;
  await replyHtml(
    ctx,
    example ? `${what}\n${ctx.t("alert-for-example")} ${example}` : `${what}\n\n${ctx.t("usage-alert")}`,
  );
}

/** The plan check: null when this bot's plan can evaluate the rule, else the answer to give. */
export function planRefusal(ctx: BotContext, c: RuleCondition | RuleKind): string | null {
  const needed = planNeededFor(c);
  const current = ctx.deps.core.client.plan;
  if (planAllows(current, needed)) return null;
  const kind = typeof c === "string" ? c : c.kind;
  return ctx.t("alert-plan", {
    kind: ctx.t(`rule-kind-${kind}`),
    plan: PLAN_NAMES[needed],
    current: PLAN_NAMES[current],
  });
}

/** The coin as CoinGlass names it; on an unknown one, says so with buttons for the suggestions. */
async function resolveCoin(ctx: BotContext, a: ParsedAlert, editId: string | null): Promise<string | null> {
  const typed = a.condition.symbol ?? "";
  try {
    return await ctx.deps.core.market.resolveSymbol(typed);
  } catch (error) {
    if (!(error instanceof UnknownSymbolError)) {
      await replyMarketError(ctx, error);
      return null;
    }
    const kb = new InlineKeyboard();
    for (const s of error.suggestions.slice(0, 3)) {
      const line = `${conditionLine({ ...a.condition, symbol: s } as AlertCondition)} ${repeatLine(a.repeat)}`;
      const data = `aw:${editId ?? "-"}:r:${line}`;
      if (fitsButton(data)) kb.text(s, data);
    }
    const input = escapeHtml(typed);
    const text =
      error.suggestions.length > 0
        ? ctx.t("alert-unknown-coin-suggest", { input, list: error.suggestions.slice(0, 3).join(", ") })
        : ctx.t("alert-unknown-coin", { input });
    await replyHtml(ctx, text, kb.inline_keyboard.length > 0 ? kb : undefined);
    return null;
  }
}

/**
 * Create (or, with `editId`, change) a rule from a parsed line: resolve the coin, check the
 * plan and the chat's limit, store it, confirm in words. `edit` replaces the flow's message.
 */
export async function saveRule(
  ctx: BotContext,
  a: ParsedAlert,
  o: { editId?: string | null; edit?: boolean } = {},
): Promise<void> {
  const editId = o.editId ?? null;
  const answer = (html: string, kb?: InlineKeyboard) =>
    o.edit
      ? ctx.editMessageText(html, { parse_mode: "HTML", ...(kb ? { reply_markup: kb } : {}) }).then(() => {})
      : replyHtml(ctx, html, kb);
  let condition: RuleCondition;
  if (a.condition.kind === "wallet") condition = a.condition;
  else {
    const symbol = await resolveCoin(ctx, a, editId);
    if (!symbol) return;
    condition = { ...a.condition, symbol };
  }
  const refusal = planRefusal(ctx, condition);
  if (refusal) return answer(refusal);
  const repeat = repeatWithBand(a.repeat, condition);
  const chatId = ctx.chat!.id;
  const rules = ctx.deps.stores.rules;
  const vars = {
    rule: describeCondition(condition, ctx.t.bind(ctx)),
    repeat: describeRepeat(repeat, ctx.t.bind(ctx), condition.kind),
  };
  const list = new InlineKeyboard().text(ctx.t("alert-button-list"), "rl:g:0");
  if (editId) {
    const changed = await rules.update(chatId, editId, { condition, repeat });
    return answer(changed ? ctx.t("alert-updated", vars) : ctx.t("rule-gone"), list);
  }
  // A fired rule is written in the chat's language, which its record keeps (made here when
  // absent); and a chat writing to the bot is not gone, whatever an old failed send recorded.
  // The same alert twice would fire twice: a double tap on the flow's last button, a line sent again.
  const same = (await rules.list(chatId)).find(
    (r) => isDeepStrictEqual(r.rule.condition, condition) && isDeepStrictEqual(r.rule.repeat, repeat),
  );
  if (same) return answer(ctx.t("alert-exists", vars), list);
  const sub = await chatRecord(ctx);
  if (!sub.active && sub.deactivatedReason && sub.deactivatedReason !== "unsubscribed")
    await updateChat(ctx, { deactivatedReason: undefined });
  const created = await rules.create(
    { chatId, condition, repeat, expiresAt: a.expiresAt, note: a.note },
    { maxPerChat: ctx.deps.config.rulesPerChat },
  );
  if (!created.ok) return answer(ctx.t("alert-limit", { limit: created.limit }), list);
  await answer(`${ctx.t("alert-created", vars)}\n${ctx.t("alert-created-where")}`, list);
}
