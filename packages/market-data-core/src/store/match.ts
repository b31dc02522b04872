import type { Alert } from "../models/alert.js";
import type { ChatSubscription, QuietHours } from "../models/subscription.js";

/** Why an alert is or is not delivered to a chat (useful in logs and tests). */
export type MatchReason =
  | "match"
  | "quiet_silent"
  | "quiet_hold"
  | "inactive"
  | "other_chat"
  | "symbol"
  | "kind"
  | "below_min_usd"
  | "muted";

export interface AlertMatch {
  deliver: boolean;
  /** Deliver without a notification sound (quiet hours in "silent" mode). */
  silent: boolean;
  reason: MatchReason;
  /** Quiet hours in "hold" mode: epoch ms when the window ends and the alert may be sent. */
  holdUntil?: number;
}

const MINUTES_PER_DAY = 1440;
// One formatter per time zone: building an Intl.DateTimeFormat costs far more than using one.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Local wall-clock time of an instant in an IANA time zone, as minutes and seconds since midnight. */
export function localClock(now: number, timeZone: string): { minutes: number; seconds: number } {
  let h = 0;
  let m = 0;
  let s = 0;
  for (const part of formatterFor(timeZone).formatToParts(now)) {
    if (part.type === "hour") h = Number(part.value) % 24;
    else if (part.type === "minute") m = Number(part.value);
    else if (part.type === "second") s = Number(part.value);
  }
  return { minutes: h * 60 + m, seconds: s };
}

function toMinutes(hhmm: string): number {
  const [h, m] = hhmm.split(":");
  return Number(h) * 60 + Number(m);
}

/**
 * Whether `now` falls in the quiet window, and when the window ends. Start is inclusive, end
 * exclusive; a window with end before start runs across midnight; start == end means no window.
 */
export function quietWindow(q: QuietHours, now: number): { inside: boolean; endsAt: number } {
  const start = toMinutes(q.start);
  const end = toMinutes(q.end);
  const { minutes, seconds } = localClock(now, q.timeZone);
  const inside =
    start === end
      ? false
      : start < end
        ? minutes >= start && minutes < end
        : minutes >= start || minutes < end;
  const minutesLeft = (end - minutes + MINUTES_PER_DAY) % MINUTES_PER_DAY;
  const endsAt = now - seconds * 1000 - (now % 1000) + minutesLeft * 60_000;
  return { inside, endsAt };
}

const no = (reason: MatchReason): AlertMatch => ({ deliver: false, silent: false, reason });

/**
 * The delivery rule for one chat and one alert at one instant: active, symbol, kind, minimum USD
 * (inclusive), mute, then quiet hours in the chat's own time zone. An alert addressed to one chat
 * (`chat_id`, a personal rule) goes to that chat only and skips the symbol, kind and minimum-USD
 * filters — the chat asked for it by name — while mute and quiet hours still apply. Pure.
 */
export function matchesAlert(sub: ChatSubscription, alert: Alert, now: number): AlertMatch {
  if (alert.chat_id !== undefined) {
    if (alert.chat_id !== sub.chatId) return no("other_chat");
    // `active` is about the market alerts: a chat that never subscribed (its record made by
    // /lang or /settings) or unsubscribed still gets its own rules. Only a chat that is gone —
    // it blocked or removed the bot, the reason then being Telegram's — gets nothing.
    if (!sub.active && sub.deactivatedReason !== undefined && sub.deactivatedReason !== "unsubscribed")
      return no("inactive");
    return whenAllowed(sub, now);
  }
  if (!sub.active) return no("inactive");
  if (sub.symbols !== "all" && !sub.symbols.includes(alert.symbol.toUpperCase())) return no("symbol");
  if (!sub.kinds.includes(alert.kind)) return no("kind");
  if (alert.usd < sub.minUsd) return no("below_min_usd");
  return whenAllowed(sub, now);
}

/** Mute, then quiet hours: the part of the delivery rule every alert obeys. */
function whenAllowed(sub: ChatSubscription, now: number): AlertMatch {
  if (sub.mutedUntil !== null && now < sub.mutedUntil) return no("muted");
  if (sub.quietHours) {
    const w = quietWindow(sub.quietHours, now);
    if (w.inside) {
      return sub.quietHours.mode === "silent"
        ? { deliver: true, silent: true, reason: "quiet_silent" }
        : { deliver: false, silent: false, reason: "quiet_hold", holdUntil: w.endsAt };
    }
  }
  return { deliver: true, silent: false, reason: "match" };
}
