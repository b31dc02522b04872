import { isValidTimeZone, type QuietHours } from "@teleglas/market-data-core";
import { Composer } from "grammy";
import type { BotContext } from "../context.js";
import { escapeHtml, usd, utc } from "../format/numbers.js";
import { MIN_USD_CHOICES, settingsKeyboard } from "../format/subscription.js";
import { LANGUAGES, type Language } from "../format/translate.js";
import { defineCommand, replyHtml } from "./common.js";
import { chatRecord, updateChat } from "./prefs.js";

const HHMM = /^([01]?\d|2[0-3]):[0-5]\d$/;
const pad = (s: string) => (s.length === 4 ? `0${s}` : s);

/** /settings (minimum USD, quiet hours with time zone, mute, language) and /lang. */
export const settingsFeature = new Composer<BotContext>();

async function settingsText(ctx: BotContext): Promise<string> {
  const sub = await chatRecord(ctx);
  const t = ctx.t.bind(ctx);
  const q = sub.quietHours;
  const muted = sub.mutedUntil !== null && sub.mutedUntil > Date.now();
  return [
    `⚙️ <b>${t("settings-title")}</b>`,
    `${t("min-usd")}: ${sub.minUsd > 0 ? usd(sub.minUsd) : t("any-size")}`,
    `${t("quiet-hours")}: ${q ? `${q.start}–${q.end} ${escapeHtml(q.timeZone)} (${t(`quiet-${q.mode}`)})` : t("off")}`,
    `${t("mute")}: ${muted ? t("muted-until", { time: utc(sub.mutedUntil) }) : t("off")}`,
    `${t("language")}: ${sub.language === "id" ? "Bahasa Indonesia" : "English"}`,
    "",
    t("settings-help"),
  ].join("\n");
}

async function showSettings(ctx: BotContext, prefix = ""): Promise<void> {
  const sub = await chatRecord(ctx);
  await replyHtml(ctx, prefix + (await settingsText(ctx)), settingsKeyboard(sub, ctx.t.bind(ctx)));
}

/** `250000`, `$250,000`, `500k`, `1.5m` as dollars; null for anything else (blank, `0x10`, `-5`). */
export function usdAmount(input: string | undefined): number | null {
  const m = /^(\d+(?:\.\d+)?)([km])?$/i.exec((input ?? "").replace(/[_,$]/g, ""));
  if (!m) return null;
  const unit = m[2]?.toLowerCase();
  return Number(m[1]) * (unit === "k" ? 1e3 : unit === "m" ? 1e6 : 1);
}

/** Apply `/settings <what> …`; returns an error message key, or null when applied. */
async function applySetting(ctx: BotContext, args: string[]): Promise<string | null> {
  const [what, ...rest] = args.map((a) => a.trim());
  const current = await chatRecord(ctx);
  switch (what?.toLowerCase()) {
    case "min": {
      const n = usdAmount(rest[0]);
      if (n === null) return "settings-bad-min";
      await updateChat(ctx, { minUsd: n });
      return null;
    }
    case "quiet": {
      if (rest[0]?.toLowerCase() === "off") {
        await updateChat(ctx, { quietHours: null });
        return null;
      }
      const [start, end, modeArg, tzArg] = rest;
      const mode = (modeArg ?? "silent").toLowerCase();
      const timeZone = tzArg ?? current.quietHours?.timeZone ?? "UTC";
      if (!start || !end || !HHMM.test(start) || !HHMM.test(end) || (mode !== "silent" && mode !== "hold")) {
        return "settings-bad-quiet";
      }
      if (!isValidTimeZone(timeZone)) return "settings-bad-tz";
      const quietHours: QuietHours = { start: pad(start), end: pad(end), timeZone, mode };
      await updateChat(ctx, { quietHours });
      return null;
    }
    case "tz": {
      const timeZone = rest[0] ?? "";
      if (!isValidTimeZone(timeZone)) return "settings-bad-tz";
      const q = current.quietHours ?? { start: "22:00", end: "07:00", mode: "silent" as const, timeZone };
      await updateChat(ctx, { quietHours: { ...q, timeZone } });
      return null;
    }
    case "mute": {
      const hours = /^\d+(\.\d+)?$/.test(rest[0] ?? "1") ? Number(rest[0] ?? "1") : Number.NaN;
      if (!(hours > 0 && hours <= 24 * 30)) return "settings-bad-mute";
      await updateChat(ctx, { mutedUntil: Date.now() + hours * 3_600_000 });
      return null;
    }
    case "unmute":
      await updateChat(ctx, { mutedUntil: null });
      return null;
    case "lang":
      return setLanguage(ctx, rest[0]);
    default:
      return "settings-unknown";
  }
}

async function setLanguage(ctx: BotContext, input: string | undefined): Promise<string | null> {
  const lang = input?.toLowerCase() as Language | undefined;
  if (!lang || !LANGUAGES.includes(lang)) return "usage-lang";
  await updateChat(ctx, { language: lang });
  ctx.lang = lang;
  ctx.i18n.useLocale(lang);
  return null;
}

defineCommand(settingsFeature, ["settings"], async (ctx, args) => {
  if (args.length === 0) return showSettings(ctx);
  const error = await applySetting(ctx, args);
  if (error) return replyHtml(ctx, ctx.t(error));
  // A digest runs in the chat's time zone, which quiet hours carry.
  await ctx.deps.digests?.sync(ctx.chat!.id);
  await showSettings(ctx, `✅ ${ctx.t("saved")}\n\n`);
});

defineCommand(settingsFeature, ["lang", "language"], async (ctx, [input]) => {
  const error = await setLanguage(ctx, input);
  await replyHtml(ctx, ctx.t(error ?? "language-set"));
});

settingsFeature.callbackQuery(/^set:(m|q|mute|lang):([a-z0-9]+)$/, async (ctx) => {
  const [, what, value] = ctx.match as unknown as [string, string, string];
  const current = await chatRecord(ctx);
  if (what === "m" && MIN_USD_CHOICES.includes(Number(value)))
    await updateChat(ctx, { minUsd: Number(value) });
  if (what === "q") {
    const timeZone = current.quietHours?.timeZone ?? "UTC";
    const quietHours =
      value === "off"
        ? null
        : {
            start: "22:00",
            end: "07:00",
            timeZone,
            mode: value === "hold" ? ("hold" as const) : ("silent" as const),
          };
    await updateChat(ctx, { quietHours });
    await ctx.deps.digests?.sync(ctx.chat!.id);
  }
  if (what === "mute") {
    const hours = Number(value);
    await updateChat(ctx, { mutedUntil: hours > 0 ? Date.now() + hours * 3_600_000 : null });
  }
  if (what === "lang") await setLanguage(ctx, value);
  await ctx.answerCallbackQuery({ text: ctx.t("saved") });
  const sub = await chatRecord(ctx);
  await ctx
    .editMessageText(await settingsText(ctx), {
      parse_mode: "HTML",
      reply_markup: settingsKeyboard(sub, ctx.t.bind(ctx)),
    })
    .catch((error: unknown) => {
      if (!String(error).includes("message is not modified")) throw error;
    });
});
