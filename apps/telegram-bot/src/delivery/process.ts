import { tryEdit } from "./edit.js";
import { sendRouted } from "./route.js";
import type { DeliveryDeps, DeliveryJob, DeliveryStats } from "./types.js";

const WEEK_MS = 7 * 24 * 3_600_000;

/** Result of one try of one job. */
export type TryResult =
  | { type: "done" }
  | { type: "rate_limited"; retryAfterMs: number }
  /** Run `job` (the same one, or with updated data) again after `delayMs`. */
  | { type: "later"; delayMs: number; job: DeliveryJob };

export const ledgerKey = (job: Pick<DeliveryJob, "alertId" | "chatId">) =>
  `delivered:${job.alertId}:${job.chatId}`;

/**
 * One try of one job, shared by both backends. Exactly-once as far as Telegram allows: the
 * ledger is checked before sending (a retry after a crash that came after the send skips it) and
 * marked right after a successful send. Only a crash inside the send itself, between Telegram
 * accepting the message and the ledger write, can still repeat it — Telegram offers no
 * idempotency key to close that gap, and a repeat beats a loss for an alert.
 */
export async function tryDeliver(
  deps: DeliveryDeps,
  stats: DeliveryStats,
  job: DeliveryJob,
  /** The chat's pacer, for edit jobs (the backends pace sends before calling this). */
  pace: (chatId: number) => Promise<number> = async () => 0,
): Promise<TryResult> {
  if (job.edit) return tryEdit(deps, stats, job, pace);
  const key = ledgerKey(job);
  if (await deps.ledger.has(key)) {
    stats.duplicatesSkipped++;
    deps.onEvent?.({ type: "duplicate_skipped", alertId: job.alertId, chatId: job.chatId });
    return { type: "done" };
  }
  // A live alert goes out in its latest state: a chat whose send waited in the queue while the
  // storm grew gets today's totals, not the ones it was queued with.
  const latest = job.live ? await deps.live?.render(job.alertId, job.lang ?? "en") : null;
  const fresh = latest && latest.revision > (job.revision ?? 0) ? latest : null;
  const text = fresh?.text ?? job.text;
  let chatId = job.chatId;
  // Where it goes (a forum topic, a linked channel, or the chat) is resolved at send time.
  let { outcome, dest } = await sendRouted(deps, job, chatId, text);
  if (outcome.type === "migrated") {
    await deps.subscriptions.migrate(chatId, outcome.toChatId);
    await deps.routes?.store.migrate(chatId, outcome.toChatId);
    stats.migrated++;
    deps.onEvent?.({ type: "migrated", chatId, toChatId: outcome.toChatId });
    chatId = outcome.toChatId;
    ({ outcome, dest } = await sendRouted(deps, job, chatId, text));
  }
  switch (outcome.type) {
    case "sent":
      await markDelivered(deps, key);
      if (job.live) {
        const where = dest.chatId === chatId ? {} : { chatId: dest.chatId };
        await rememberMessage(deps, job, chatId, { messageId: outcome.messageId, ...where }, fresh?.revision);
      }
      stats.sent++;
      deps.onEvent?.({ type: "sent", alertId: job.alertId, chatId, kind: job.kind, eventAt: job.eventAt });
      return { type: "done" };
    case "rate_limited":
      stats.rateLimited++;
      deps.onEvent?.({ type: "rate_limited", retryAfterMs: outcome.retryAfterMs });
      return outcome;
    case "gone":
      await deps.subscriptions.deactivate(chatId, outcome.reason);
      stats.deactivated++;
      deps.onEvent?.({ type: "deactivated", chatId, reason: outcome.reason });
      return { type: "done" };
    case "migrated":
      // Migrated twice in a row: give up on this alert rather than chase ids.
      return { type: "done" };
    case "thread_gone":
    case "no_rights":
      // The chat's own General topic is closed, or the bot may not post in the chat: retrying
      // cannot help, and the chat stays subscribed for when an admin fixes it.
      stats.failed++;
      deps.onEvent?.({ type: "failed", alertId: job.alertId, chatId, error: outcome.reason, final: true });
      return { type: "done" };
  }
}

/**
 * The message is out: a failed ledger write would make the retry send it again, so try the
 * write a few times (a Redis blip) before letting the error through.
 */
async function markDelivered(deps: DeliveryDeps, key: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await deps.ledger.markOnce(key, deps.ledgerTtlMs ?? WEEK_MS);
      return;
    } catch (error) {
      if (attempt >= 4) throw error;
      await new Promise((r) => setTimeout(r, 100 * attempt));
    }
  }
}

/**
 * Notes which message a live alert went out as, so later states edit it. After the ledger mark:
 * a failure here costs the chat its edits, never a second message.
 */
async function rememberMessage(
  deps: DeliveryDeps,
  job: DeliveryJob,
  chatId: number,
  /** The message, and the chat it is in when that is not `chatId` (a linked channel). */
  sent: { messageId: number; chatId?: number },
  revision = job.revision ?? 0,
): Promise<void> {
  try {
    await deps.live?.set(job.alertId, chatId, { ...sent, revision });
  } catch (error) {
    deps.onEvent?.({
      type: "failed",
      alertId: job.alertId,
      chatId,
      error: `remembering the message: ${String(error)}`,
      final: false,
    });
  }
}
