import { type Alert, type AlertKind, type ChatSubscription, matchesAlert } from "@teleglas/market-data-core";
import type { Language } from "../format/translate.js";

/** One chat an alert goes to, now or after quiet hours. */
export interface Recipient {
  chatId: number;
  language: Language;
  silent: boolean;
  /** Epoch ms to hold the alert until (quiet hours in "hold" mode), or 0. */
  holdUntil: number;
}

/**
 * Who receives an alert: every active subscription it matches (symbol, kind, minimum USD, mute,
 * quiet hours), plus the configured alert chats, unless an admin switched the kind off. An alert
 * addressed to one chat (a personal rule) goes to that chat alone, its mute and quiet hours
 * applying; a chat that never changed its settings has no record and gets it as a new chat would.
 * Pure.
 */
export function recipientsFor(
  alert: Alert,
  subs: ChatSubscription[],
  flags: Record<AlertKind, boolean>,
  alertChatIds: number[],
  now: number,
): Recipient[] {
  if (flags[alert.kind] === false) return [];
  const out = new Map<number, Recipient>();
  for (const sub of subs) {
    const m = matchesAlert(sub, alert, now);
    if (m.deliver) {
      out.set(sub.chatId, { chatId: sub.chatId, language: sub.language, silent: m.silent, holdUntil: 0 });
    } else if (m.reason === "quiet_hold" && m.holdUntil !== undefined) {
      out.set(sub.chatId, {
        chatId: sub.chatId,
        language: sub.language,
        silent: false,
        holdUntil: m.holdUntil,
      });
    }
  }
  if (alert.chat_id !== undefined) {
    const own = subs.find((s) => s.chatId === alert.chat_id);
    if (!own) out.set(alert.chat_id, { chatId: alert.chat_id, language: "en", silent: false, holdUntil: 0 });
    return [...out.values()];
  }
  for (const chatId of alertChatIds) {
    if (!out.has(chatId)) out.set(chatId, { chatId, language: "en", silent: false, holdUntil: 0 });
  }
  return [...out.values()];
}
