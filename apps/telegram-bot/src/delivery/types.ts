import type { DeliveryLedger, SubscriptionStore } from "@teleglas/market-data-core";
import type { Api } from "grammy";
import type { InlineKeyboardMarkup } from "grammy/types";
import type { Language } from "../format/translate.js";
import type { LiveAlerts } from "./live.js";
import type { RouteDeps } from "./route.js";

/** One alert for one chat: the unit the queue delivers, at most once per (alert, chat). */
export interface DeliveryJob {
  alertId: string;
  chatId: number;
  /** The formatted HTML message, in the chat's language. */
  text: string;
  silent: boolean;
  /** Buttons under the message (a fired personal alert: pause it, open the coin's snapshot). */
  replyMarkup?: InlineKeyboardMarkup;
  /** The alert's kind and its CoinGlass event time (epoch ms), for the alert-latency metric. */
  kind?: string;
  eventAt?: number;
  /**
   * A live alert (a storm) that may be updated: the send carries its latest state, and later
   * states edit the message sent (with `lang` to render them).
   */
  live?: boolean;
  lang?: Language;
  /** The alert revision `text` shows (0 when first raised). */
  revision?: number;
  /** An edit job: bring the chat's message of this alert up to its latest state. */
  edit?: boolean;
  /** Edit jobs: how often it already waited for the first send to land. */
  waits?: number;
}

/** What the delivery reports for logs and /status. */
export type DeliveryEvent =
  | { type: "sent"; alertId: string; chatId: number; kind?: string; eventAt?: number }
  | { type: "duplicate_skipped"; alertId: string; chatId: number }
  | { type: "edited"; alertId: string; chatId: number; revision: number }
  | { type: "rate_limited"; retryAfterMs: number }
  | { type: "deactivated"; chatId: number; reason: string }
  | { type: "migrated"; chatId: number; toChatId: number }
  | { type: "failed"; alertId: string; chatId: number; error: string; final: boolean };

export interface DeliveryStats {
  sent: number;
  /** Messages of live alerts brought up to a newer state. */
  edited: number;
  duplicatesSkipped: number;
  rateLimited: number;
  deactivated: number;
  migrated: number;
  retried: number;
  failed: number;
}

/** The durable (BullMQ) or in-memory delivery queue; both keep the same limits. */
export interface Delivery {
  readonly backend: "bullmq" | "memory";
  /** Adds jobs; a job already queued (same alert and chat) is ignored. `delayMs` holds them back. */
  enqueue(jobs: DeliveryJob[], delayMs?: number): Promise<void>;
  /** Starts sending (a process may enqueue without sending, e.g. a webhook front end). */
  start(): void;
  /** Jobs waiting, delayed or in flight. */
  depth(): Promise<number>;
  /** How long the oldest job ready to send has waited (ms), null when none waits. */
  oldestWaitingMs(): Promise<number | null>;
  stats(): DeliveryStats;
  close(): Promise<void>;
}

/** What every delivery backend needs. */
export interface DeliveryDeps {
  api: Api;
  ledger: DeliveryLedger;
  subscriptions: Pick<SubscriptionStore, "deactivate" | "migrate">;
  /** Messages per second across every bot process (Telegram allows about 30). */
  ratePerSecond: number;
  /** Minimum gap between two messages to one private chat (1100) and to a group (3300, under 20/min). */
  privateChatGapMs?: number;
  groupChatGapMs?: number;
  /** Sends in flight at once (default 32). */
  concurrency?: number;
  /** Tries per job before giving up (default 5), backoff doubling from `backoffMs` (1000). */
  attempts?: number;
  backoffMs?: number;
  /** How long the ledger remembers a delivery (default 7 days). */
  ledgerTtlMs?: number;
  onEvent?: (e: DeliveryEvent) => void;
  /** Live alerts (storms): latest states and the messages to edit; without it nothing is edited. */
  live?: LiveAlerts;
  /** At most one edit per message per this long (default 5000 ms); edits in between coalesce. */
  editGapMs?: number;
  /** Per-chat routing to forum topics and linked channels; without it every alert goes to its chat. */
  routes?: RouteDeps;
}

export function emptyStats(): DeliveryStats {
  return {
    sent: 0,
    edited: 0,
    duplicatesSkipped: 0,
    rateLimited: 0,
    deactivated: 0,
    migrated: 0,
    retried: 0,
    failed: 0,
  };
}

/**
 * The global limit as a window BullMQ's limiter understands: a quarter second when the rate
 * divides into it (300/s -> 75 per 250 ms), else 200/500/100 ms (25/s -> 5 per 200 ms). Short
 * windows keep bursts small, so Telegram counting with its own clock does not see two windows'
 * worth at a boundary; much shorter ones (100 ms) lose ~6% of the rate waiting at each boundary
 * (measured by the broadcast bench).
 */
export function limiterWindow(ratePerSecond: number): { max: number; duration: number } {
  for (const duration of [250, 200, 500, 100]) {
    const max = (ratePerSecond * duration) / 1000;
    if (Number.isInteger(max) && max >= 1) return { max, duration };
  }
  return { max: Math.max(1, Math.floor(ratePerSecond)), duration: 1000 };
}

/** Job ids may not contain ":" in BullMQ; one id per (alert, chat) makes enqueueing idempotent. */
export function jobIdOf(alertId: string, chatId: number): string {
  return `${alertId}-${chatId}`.replace(/:/g, "-");
}

/** A job's id: one send per (alert, chat), one edit per (alert, chat, revision). */
export function idOfJob(job: Pick<DeliveryJob, "alertId" | "chatId" | "edit" | "revision">): string {
  return job.edit
    ? jobIdOf(`${job.alertId}-r${job.revision ?? 0}`, job.chatId)
    : jobIdOf(job.alertId, job.chatId);
}
