import type { ChatSubscription, DigestSettings } from "@teleglas/market-data-core";
import { Composer, InlineKeyboard } from "grammy";
import type { BotContext } from "../context.js";
import { parseDigest } from "../digest/parse.js";
import { nextRun, timeZoneOf } from "../digest/period.js";
import { localParts } from "../format/calendar.js";
import { escapeHtml } from "../format/numbers.js";
import type { T } from "../format/translate.js";
import { defineCommand, replyHtml } from "./common.js";
import { chatRecord, updateChat } from "./prefs.js";

/** `/digest`: a summary daily at a local time or every N hours, set by buttons or one line. */
export const digestFeature = new Composer<BotContext>();

const DAILY_CHOICES = ["07:00", "08:00", "20:00"];
const EVERY_CHOICES = [4, 8, 12];

function scheduleText(s: DigestSettings["schedule"], t: T): string {
  return s.type === "daily" ? t("digest-daily", { time: s.at }) : t("digest-every", { hours: s.hours });
}

/** The chat's digest in words: schedule, time zone, quiet-hours choice, next run. */
export function digestStatus(sub: ChatSubscription, t: T, lang: "en" | "id", now: number): string {
  const d = sub.digest;
  if (!d) return `📰 ${t("digest-status-off")}\n\n${t("digest-help")}`;
  const tz = timeZoneOf(sub);
  const next = localParts(nextRun(d.schedule, tz, now), tz, lang);
  const lines = [
    `📰 <b>${t("digest-title")}</b>: ${scheduleText(d.schedule, t)} (${escapeHtml(tz)})`,
    `${t("digest-next")}: ${next.label} ${next.time}`,
    `${t("digest-in-quiet")}: ${t(`digest-quiet-${d.quiet}`)}`,
  ];
  if (!sub.quietHours) lines.push(`<i>${t("digest-tz-hint")}</i>`);
  return `${lines.join("\n")}\n\n${t("digest-help")}`;
}

function keyboard(sub: ChatSubscription, t: T): InlineKeyboard {
  const d = sub.digest;
  const kb = new InlineKeyboard();
  const mark = (on: boolean) => (on ? "• " : "");
  for (const at of DAILY_CHOICES) {
    const on = d?.schedule.type === "daily" && d.schedule.at === at;
    kb.text(`${mark(on)}${t("digest-btn-daily", { time: at })}`, `dg:d:${at.replace(":", "")}`);
  }
  kb.row();
  for (const hours of EVERY_CHOICES) {
    const on = d?.schedule.type === "every" && d.schedule.hours === hours;
    kb.text(`${mark(on)}${t("digest-btn-every", { hours })}`, `dg:e:${hours}`);
  }
  kb.row();
  if (d) {
    kb.text(`${mark(d.quiet === "wait")}${t("digest-btn-wait")}`, "dg:q:wait");
    kb.text(`${mark(d.quiet === "skip")}${t("digest-btn-skip")}`, "dg:q:skip");
    kb.row().text(`🔕 ${t("digest-btn-off")}`, "dg:off");
  }
  return kb;
}

/** Apply the parsed command; an error key is answered with its example, nothing changes. */
async function apply(ctx: BotContext, args: string[]): Promise<string | null> {
  const current = await chatRecord(ctx);
  const cmd = parseDigest(args, current.digest);
  if (cmd.type === "error") return cmd.key;
  await updateChat(ctx, { digest: cmd.type === "off" ? null : cmd.digest });
  await ctx.deps.digests?.sync(ctx.chat!.id);
  return null;
}

defineCommand(digestFeature, ["digest"], async (ctx, args) => {
  if (args.length > 0) {
    const error = await apply(ctx, args);
    if (error) return replyHtml(ctx, ctx.t(error));
  }
  const sub = await chatRecord(ctx);
  const prefix = args.length > 0 ? `✅ ${ctx.t("saved")}\n\n` : "";
  await replyHtml(
    ctx,
    prefix + digestStatus(sub, ctx.t.bind(ctx), ctx.lang, Date.now()),
    keyboard(sub, ctx.t.bind(ctx)),
  );
});

digestFeature.callbackQuery(/^dg:(d|e|q|off)(?::(\w+))?$/, async (ctx) => {
  const [, what, value = ""] = ctx.match as unknown as [string, string, string | undefined];
  const args =
    what === "d"
      ? ["daily", `${value.slice(0, 2)}:${value.slice(2)}`]
      : what === "e"
        ? ["every", value]
        : what === "q"
          ? ["quiet", value]
          : ["off"];
  const error = await apply(ctx, args);
  await ctx.answerCallbackQuery({ text: ctx.t(error ?? "saved") });
  const sub = await chatRecord(ctx);
  await ctx
    .editMessageText(digestStatus(sub, ctx.t.bind(ctx), ctx.lang, Date.now()), {
      parse_mode: "HTML",
      reply_markup: keyboard(sub, ctx.t.bind(ctx)),
    })
    .catch((e: unknown) => {
      if (!String(e).includes("message is not modified")) throw e;
    });
});
