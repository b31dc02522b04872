import { type Api, GrammyError } from "grammy";
import type { InlineKeyboardMarkup } from "grammy/types";

/** What happened to one send, as the delivery queue must react to it. */
export type SendOutcome =
  | { type: "sent"; messageId: number }
  /** 429: Telegram wants every send paused for `retryAfterMs`. */
  | { type: "rate_limited"; retryAfterMs: number }
  /** 403 blocked/kicked/deactivated, or 400 chat not found: stop sending to this chat. */
  | { type: "gone"; reason: string }
  /** 400 with migrate_to_chat_id: the group became a supergroup with a new id. */
  | { type: "migrated"; toChatId: number }
  /** 400: the forum topic was deleted or closed; the message was not sent. */
  | { type: "thread_gone"; reason: string }
  /** 400: the bot may not post there (a channel admin without "post messages", a muted bot). */
  | { type: "no_rights"; reason: string };

/** One message of the delivery queue. */
export interface OutgoingMessage {
  chatId: number;
  text: string;
  /** Quiet hours in `silent` mode: deliver without a notification sound. */
  silent: boolean;
  /** The forum topic to post in (`message_thread_id`); absent = General or a chat without topics. */
  threadId?: number;
  replyMarkup?: InlineKeyboardMarkup;
}

/**
 * Send one alert message and classify Telegram's answer. Failures that may pass (5xx, network)
 * are thrown so the queue retries them with backoff.
 */
export async function sendOnce(api: Api, m: OutgoingMessage): Promise<SendOutcome> {
  try {
    const sent = await api.sendMessage(m.chatId, m.text, {
      parse_mode: "HTML",
      disable_notification: m.silent,
      link_preview_options: { is_disabled: true },
      ...(m.threadId !== undefined ? { message_thread_id: m.threadId } : {}),
      ...(m.replyMarkup ? { reply_markup: m.replyMarkup } : {}),
    });
    return { type: "sent", messageId: sent.message_id };
  } catch (error) {
    const outcome = classify(error);
    if (outcome) return outcome;
    throw error;
  }
}

/** Map a Bot API error to the outcome the queue acts on; null for "retry later". */
export function classify(error: unknown): SendOutcome | null {
  if (!(error instanceof GrammyError)) return null;
  const retryAfter = error.parameters.retry_after;
  if (error.error_code === 429) return { type: "rate_limited", retryAfterMs: (retryAfter ?? 1) * 1000 };
  const migrateTo = error.parameters.migrate_to_chat_id;
  if (migrateTo !== undefined) return { type: "migrated", toChatId: migrateTo };
  if (error.error_code === 403) return { type: "gone", reason: error.description };
  if (error.error_code === 400 && /chat not found/i.test(error.description)) {
    return { type: "gone", reason: error.description };
  }
  if (
    error.error_code === 400 &&
    /message thread not found|TOPIC_CLOSED|TOPIC_DELETED/i.test(error.description)
  )
    return { type: "thread_gone", reason: error.description };
  if (error.error_code === 400 && /need administrator rights|not enough rights/i.test(error.description))
    return { type: "no_rights", reason: error.description };
  return null;
}

/** What happened to one edit of an alert message. */
export type EditOutcome =
  /** Edited, or Telegram already shows that text ("message is not modified"). */
  | { type: "edited" }
  | { type: "rate_limited"; retryAfterMs: number }
  /** The chat is gone, or the message was deleted: nothing to edit any more. */
  | { type: "gone"; reason: string };

/** Edits an alert message to a newer text; failures that may pass are thrown (retried). */
export async function editOnce(
  api: Api,
  chatId: number,
  messageId: number,
  text: string,
): Promise<EditOutcome> {
  try {
    await api.editMessageText(chatId, messageId, text, {
      parse_mode: "HTML",
      link_preview_options: { is_disabled: true },
    });
    return { type: "edited" };
  } catch (error) {
    if (error instanceof GrammyError && /message is not modified/i.test(error.description))
      return { type: "edited" };
    if (
      error instanceof GrammyError &&
      /message to edit not found|message can't be edited/i.test(error.description)
    )
      return { type: "gone", reason: error.description };
    const outcome = classify(error);
    if (outcome?.type === "rate_limited" || outcome?.type === "gone") return outcome;
    throw error;
  }
}
