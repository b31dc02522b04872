import type { TryResult } from "./process.js";
import { editOnce } from "./sender.js";
import type { DeliveryDeps, DeliveryJob, DeliveryStats } from "./types.js";

const DEFAULT_EDIT_GAP_MS = 5000;
/** Times an edit waits (one gap each) for the chat's first message to land before giving up. */
const MAX_WAITS = 3;

/**
 * One try of an edit job: bring the chat's message of a live alert up to the alert's latest
 * state. Never sends a message. Edits coalesce: whichever job runs renders the newest state, and
 * jobs finding the message already there are no-ops. At most one edit per message per gap, by a
 * claim shared with every bot process. A chat whose first message is still queued gets nothing
 * here (that send carries the latest state when it goes); one whose send is in flight is looked
 * at again a gap later, a few times.
 */
export async function tryEdit(
  deps: DeliveryDeps,
  stats: DeliveryStats,
  job: DeliveryJob,
  /** The chat's pacer (an edit counts against the chat's messages like a send): 0 or ms to wait. */
  pace: (chatId: number) => Promise<number>,
): Promise<TryResult> {
  const live = deps.live;
  if (!live) return { type: "done" };
  const gap = deps.editGapMs ?? DEFAULT_EDIT_GAP_MS;
  const message = await live.get(job.alertId, job.chatId);
  if (!message) {
    const waits = job.waits ?? 0;
    return waits < MAX_WAITS
      ? { type: "later", delayMs: gap, job: { ...job, waits: waits + 1 } }
      : { type: "done" };
  }
  const latest = await live.render(job.alertId, job.lang ?? "en");
  if (!latest || latest.revision <= message.revision) return { type: "done" };
  // The chat's pace before the message's claim: a claim taken and then not used would hold
  // this message's next edit back a whole gap.
  const paced = await pace(job.chatId);
  if (paced > 0) return { type: "later", delayMs: paced, job };
  const wait = await live.claimEdit(job.alertId, job.chatId, gap);
  if (wait > 0) return { type: "later", delayMs: wait, job };
  const outcome = await editOnce(deps.api, message.chatId ?? job.chatId, message.messageId, latest.text);
  if (outcome.type === "rate_limited") {
    stats.rateLimited++;
    deps.onEvent?.({ type: "rate_limited", retryAfterMs: outcome.retryAfterMs });
    return outcome;
  }
  if (outcome.type === "edited") {
    await live.set(job.alertId, job.chatId, { ...message, revision: latest.revision });
    stats.edited++;
    deps.onEvent?.({ type: "edited", alertId: job.alertId, chatId: job.chatId, revision: latest.revision });
  }
  return { type: "done" };
}
