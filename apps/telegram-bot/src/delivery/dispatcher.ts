import type { Alert, Stores } from "@teleglas/market-data-core";
import { formatAlert } from "../format/alert.js";
import { formatRuleAlert, ruleAlertKeyboard } from "../format/rule-alert.js";
import type { Language, T } from "../format/translate.js";
import { consumeAlerts } from "./alert-consumer.js";
import { recipientsFor } from "./recipients.js";
import type { Delivery, DeliveryJob } from "./types.js";

export interface DispatcherOptions {
  stores: Stores;
  delivery: Delivery;
  /** Translation for a language (the app's i18n). */
  translate: (lang: Language) => T;
  alertChatIds: number[];
  /** Consumer name within the `telegram-bot` group (one per process, e.g. host + pid). */
  consumerName: string;
  /** Consumer group (default `telegram-bot`). */
  group?: string;
  /** A new group starts at the oldest kept alert (default) or only at new ones. */
  from?: "start" | "new";
  /** Only these chats may receive (the console chat); all when absent. */
  onlyChats?: number[];
  onAlert?: (alert: Alert, recipients: number) => void;
  onError?: (error: unknown, alert?: Alert) => void;
}

/** An addressed alert (a personal rule) needs its own chat's record only, not every chat's. */
async function subscriptionsFor(stores: Stores, alert: Alert) {
  if (alert.chat_id === undefined) return stores.subscriptions.listActive();
  const own = await stores.subscriptions.get(alert.chat_id);
  return own ? [own] : [];
}

/** The consumer group of the bot on the alert queue. */
export const BOT_GROUP = "telegram-bot";

/**
 * Fan an alert out to its recipients: consume from the durable alert queue, enqueue one delivery
 * job per chat, and only then let the alert be acknowledged (the handler resolving). A crash
 * before that leaves the alert pending; re-enqueueing is idempotent (job ids).
 */
export function startDispatcher(o: DispatcherOptions): { stop(): Promise<void> } {
  return consumeAlerts(
    o.stores.alerts,
    o.group ?? BOT_GROUP,
    o.consumerName,
    async (alert) => {
      const now = Date.now();
      const [subs, flags] = await Promise.all([subscriptionsFor(o.stores, alert), o.stores.flags.all()]);
      const matched = recipientsFor(alert, subs, flags, o.alertChatIds, now);
      const recipients = o.onlyChats ? matched.filter((r) => o.onlyChats?.includes(r.chatId)) : matched;
      // A fired personal rule has a message of its own, with buttons (pause it, the snapshot).
      const texts = new Map<Language, Pick<DeliveryJob, "text" | "replyMarkup">>();
      const messageFor = (lang: Language) => {
        let m = texts.get(lang);
        if (m === undefined) {
          const t = o.translate(lang);
          const kb = alert.kind === "rule" ? ruleAlertKeyboard(alert, t) : null;
          m = {
            text:
              alert.kind === "rule" ? formatRuleAlert(alert, t, now, lang) : formatAlert(alert, t, now, lang),
            ...(kb ? { replyMarkup: { inline_keyboard: kb.inline_keyboard } } : {}),
          };
          texts.set(lang, m);
        }
        return m;
      };
      // A live alert (a storm) comes again with each newer state (revision > 0). Its send jobs
      // carry the same ids as the first ones, so a chat never gets a second message: only chats
      // that match it only now (say, past their minimum size) get a first one. Chats that have
      // it get an edit job, one per revision; edits coalesce when they run (see edit.ts).
      const live = alert.status !== undefined;
      const revision = alert.revision ?? 0;
      const byDelay = new Map<number, DeliveryJob[]>();
      const edits: DeliveryJob[] = [];
      for (const r of recipients) {
        const delay = r.holdUntil > now ? r.holdUntil - now : 0;
        const list = byDelay.get(delay) ?? [];
        const job: DeliveryJob = {
          alertId: alert.id,
          chatId: r.chatId,
          ...messageFor(r.language),
          silent: r.silent,
          kind: alert.kind,
          eventAt: alert.last_at,
          ...(live ? { live, lang: r.language, revision } : {}),
        };
        list.push(job);
        byDelay.set(delay, list);
        if (live && revision > 0 && delay === 0) edits.push({ ...job, edit: true });
      }
      for (const [delay, jobs] of byDelay) await o.delivery.enqueue(jobs, delay);
      await o.delivery.enqueue(edits);
      o.onAlert?.(alert, recipients.length);
    },
    { ...(o.onError ? { onError: o.onError } : {}), ...(o.from ? { from: o.from } : {}) },
  );
}
