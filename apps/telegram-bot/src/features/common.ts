import { CoinGlassError, PlanError, RateLimitError, UnknownSymbolError } from "@teleglas/market-data-core";
import { Composer, InlineKeyboard } from "grammy";
import type { InlineKeyboardMarkup } from "grammy/types";
import type { BotContext } from "../context.js";
import { escapeHtml } from "../format/numbers.js";
import { splitMessage } from "../format/split.js";

/** A command's work, given its arguments; also run by the "did you mean" buttons. */
export type CommandRunner = (ctx: BotContext, args: string[]) => Promise<void>;
const runners = new Map<string, CommandRunner>();

/** Register a command (with aliases) whose runner a suggestion button can call again. */
export function defineCommand(composer: Composer<BotContext>, names: string[], run: CommandRunner): void {
  for (const name of names) runners.set(name, run);
  composer.command(names, (ctx) => run(ctx, argsOf(ctx.match)));
}

export const argsOf = (match: string | undefined) => (match ?? "").trim().split(/\s+/).filter(Boolean);

/** Send HTML, split under Telegram's limit; the keyboard goes under the last part. */
export async function replyHtml(
  ctx: BotContext,
  html: string,
  keyboard?: InlineKeyboardMarkup,
): Promise<void> {
  const parts = splitMessage(html);
  for (const [i, part] of parts.entries()) {
    await ctx.reply(part, {
      parse_mode: "HTML",
      link_preview_options: { is_disabled: true },
      ...(keyboard && i === parts.length - 1 ? { reply_markup: keyboard } : {}),
    });
  }
}

/** Re-render a menu message in place; pressing the same choice twice changes nothing, which is fine. */
export async function editHtml(
  ctx: BotContext,
  html: string,
  keyboard?: InlineKeyboardMarkup,
): Promise<void> {
  await ctx
    .editMessageText(html, { parse_mode: "HTML", ...(keyboard ? { reply_markup: keyboard } : {}) })
    .catch((error: unknown) => {
      if (!String(error).includes("message is not modified")) throw error;
    });
}

/**
 * Resolve the symbol argument: usage when missing, "Unknown symbol XYZ — did you mean …?" with a
 * button per suggestion when unknown. Null when the command should stop.
 */
export async function symbolArg(
  ctx: BotContext,
  command: string,
  input: string | undefined,
): Promise<string | null> {
  if (!input) {
    await replyHtml(ctx, ctx.t(`usage-${command}`));
    return null;
  }
  try {
    return await ctx.deps.core.market.resolveSymbol(input);
  } catch (error) {
    if (!(error instanceof UnknownSymbolError)) {
      // The symbol list itself could not be fetched: say so rather than "something went wrong".
      await replyMarketError(ctx, error);
      return null;
    }
    const kb = new InlineKeyboard();
    for (const s of error.suggestions.slice(0, 3)) kb.text(s, `run:${command}:${s}`);
    const text =
      error.suggestions.length > 0
        ? ctx.t("unknown-symbol-suggest", {
            input: escapeHtml(input.toUpperCase()),
            list: error.suggestions.join(", "),
          })
        : ctx.t("unknown-symbol", { input: escapeHtml(input.toUpperCase()) });
    await replyHtml(ctx, text, error.suggestions.length > 0 ? kb : undefined);
    return null;
  }
}

/** Turn an upstream failure into a reply a person understands; rethrow anything else. */
export async function replyMarketError(ctx: BotContext, error: unknown): Promise<void> {
  if (error instanceof PlanError)
    return replyHtml(
      ctx,
      error.requiredPlan
        ? ctx.t("error-plan-needs", { plan: error.requiredPlan, current: error.plan })
        : ctx.t("error-plan"),
    );
  if (error instanceof RateLimitError) return replyHtml(ctx, ctx.t("error-busy"));
  if (error instanceof CoinGlassError) return replyHtml(ctx, ctx.t("error-upstream"));
  throw error;
}

/** Run a market command's fetch + format, answering upstream failures politely. */
export async function marketReply(ctx: BotContext, build: () => Promise<string>): Promise<void> {
  await ctx.replyWithChatAction("typing").catch(() => {});
  let html: string;
  try {
    html = await build();
  } catch (error) {
    return replyMarketError(ctx, error);
  }
  await replyHtml(ctx, html);
}

/** Buttons "did you mean" and menus call `run:<command>:<args>`. */
export const runFeature = new Composer<BotContext>();
runFeature.callbackQuery(/^run:([a-z_]+):(.*)$/, async (ctx) => {
  await ctx.answerCallbackQuery();
  const run = runners.get(ctx.match[1] ?? "");
  if (run) await run(ctx, argsOf(ctx.match[2]));
});
