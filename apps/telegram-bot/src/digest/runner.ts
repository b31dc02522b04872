import type { Delivery } from "../delivery/types.js";
import { formatDigest } from "../format/digest.js";
import type { Language, T } from "../format/translate.js";
import { type DigestSources, gatherDigest, sharedRecent } from "./build.js";
import { decide, digestOf, latestRun, periodOf, timeZoneOf } from "./period.js";

/** What became of one due period of one chat. */
export type DigestOutcome =
  | { type: "queued"; start: number }
  /** Quiet hours: run the same period again at `until`. */
  | { type: "wait"; until: number }
  | { type: "skip"; reason: "quiet" | "muted" | "late" }
  /** The chat has no digest (any more), or the bot was blocked there. */
  | { type: "off" };

export interface DigestRunnerDeps extends DigestSources {
  delivery: Delivery;
  /** Translation for a language (the app's i18n). */
  translate: (lang: Language) => T;
  now?: () => number;
  onOutcome?: (chatId: number, outcome: DigestOutcome) => void;
}

/** Runs one chat's period; both schedulers call it when a period is due. */
export type DigestRun = (chatId: number, start?: number) => Promise<DigestOutcome>;

/** The delivery id of one period: the queue and its ledger send each (period, chat) once. */
export const digestId = (start: number) => `digest-${start}`;

/**
 * One period of one chat: decide (quiet hours, mute, lateness) on the chat's current settings,
 * gather, format in its language and hand the message to the delivery queue under the period's
 * id. A retry, a second bot process or a restart running the same period again adds nothing:
 * the queue keeps one job per id and its ledger remembers the send for a week.
 */
export function createDigestRunner(d: DigestRunnerDeps): DigestRun {
  const now = d.now ?? Date.now;
  const src = { ...d, recent: d.recent ?? sharedRecent(d.stores) };
  return async (chatId, scheduledAt) => {
    const sub = await d.stores.subscriptions.get(chatId);
    const digest = digestOf(sub);
    if (!sub || !digest) return report(d, chatId, { type: "off" });
    const timeZone = timeZoneOf(sub);
    const at = now();
    const start = scheduledAt ?? latestRun(digest.schedule, timeZone, at);
    const period = periodOf(digest.schedule, timeZone, start);
    const decision = decide(period, sub.quietHours, digest.quiet, sub.mutedUntil, at);
    if (decision.type !== "send") return report(d, chatId, decision);
    const data = await gatherDigest(src, sub, period, timeZone, at);
    const text = formatDigest(data, d.translate(sub.language), sub.language);
    await d.delivery.enqueue([{ alertId: digestId(start), chatId, text, silent: false, kind: "digest" }]);
    return report(d, chatId, { type: "queued", start });
  };
}

function report(d: DigestRunnerDeps, chatId: number, outcome: DigestOutcome): DigestOutcome {
  d.onOutcome?.(chatId, outcome);
  return outcome;
}
