import {
  type ChatSubscription,
  type DigestSettings,
  type QuietHours,
  quietWindow,
} from "@teleglas/market-data-core";
import { CronExpressionParser } from "cron-parser";

/** The chat's time zone: the one its quiet hours were set in (`/settings tz`), UTC until then. */
export const timeZoneOf = (sub: Pick<ChatSubscription, "quietHours">): string =>
  sub.quietHours?.timeZone ?? "UTC";

/**
 * The chat's digest settings when it should get digests: one is set and the bot can still write
 * there. `/unsubscribe` stops alerts, not the digest; a block or kick (the delivery queue's 403)
 * stops both.
 */
export function digestOf(sub: ChatSubscription | null): DigestSettings | null {
  if (!sub?.digest) return null;
  return sub.deactivatedReason && sub.deactivatedReason !== "unsubscribed" ? null : sub.digest;
}

/**
 * The cron pattern of a digest schedule, read in the chat's time zone: `30 8 * * *` for daily
 * 08:30, `0 *\/4 * * *` for every 4 hours (00:00, 04:00 … local). BullMQ's job scheduler fires on
 * it, and the memory twin and the period arithmetic below read the same pattern.
 */
export function cronPattern(schedule: DigestSettings["schedule"]): string {
  if (schedule.type === "every") return `0 */${schedule.hours} * * *`;
  const [h, m] = schedule.at.split(":");
  return `${Number(m)} ${Number(h)} * * *`;
}

const parse = (schedule: DigestSettings["schedule"], timeZone: string, at: number) =>
  CronExpressionParser.parse(cronPattern(schedule), { currentDate: new Date(at), tz: timeZone });

/** The first scheduled time strictly after `at`. */
export function nextRun(schedule: DigestSettings["schedule"], timeZone: string, at: number): number {
  return parse(schedule, timeZone, at).next().getTime();
}

/**
 * One digest period, named by its scheduled time `start`: it reports on `[from, start)` (since
 * the previous scheduled time) and is due until `next`, when the following period takes over.
 */
export interface Period {
  from: number;
  start: number;
  next: number;
}

/** The period scheduled at `start` (a time the pattern gives). */
export function periodOf(schedule: DigestSettings["schedule"], timeZone: string, start: number): Period {
  return {
    from: parse(schedule, timeZone, start).prev().getTime(),
    start,
    next: nextRun(schedule, timeZone, start),
  };
}

/** The latest scheduled time at or before `at`. */
export function latestRun(schedule: DigestSettings["schedule"], timeZone: string, at: number): number {
  return parse(schedule, timeZone, at + 1)
    .prev()
    .getTime();
}

/** What to do with a due period now. */
export type DigestDecision =
  | { type: "send" }
  | { type: "wait"; until: number }
  | { type: "skip"; reason: "quiet" | "muted" | "late" };

/**
 * Send now, wait for quiet hours to end, or skip: never inside quiet hours; `wait` holds the
 * digest to the window's end unless that is already the next period's time (then the next one
 * carries the news: a night of hourly digests never lands as a burst at 07:00). A period whose
 * next one is due (the bot was down) is late and skipped; so is one while the chat is muted.
 */
export function decide(
  period: Period,
  quiet: QuietHours | null,
  choice: DigestSettings["quiet"],
  mutedUntil: number | null,
  now: number,
): DigestDecision {
  if (now >= period.next) return { type: "skip", reason: "late" };
  if (mutedUntil !== null && now < mutedUntil) return { type: "skip", reason: "muted" };
  if (!quiet) return { type: "send" };
  const w = quietWindow(quiet, now);
  if (!w.inside) return { type: "send" };
  if (choice === "skip" || w.endsAt >= period.next) return { type: "skip", reason: "quiet" };
  return { type: "wait", until: w.endsAt };
}
