// What both alert backends share about the log and the live tail: the defaults, the wire form of
// an alert, and the rule that an alert addressed to one chat stays that chat's business.
import { type Alert, AlertSchema } from "../models/alert.js";
import type { FollowHandle } from "./types.js";

export const ALERT_STORE_DEFAULTS = {
  recentMax: 1000,
  queueMaxLen: 100_000,
  dedupeTtlMs: 7 * 24 * 3600_000,
} as const;

/** The alert as JSON with `id` as its first key (read first by anyone scanning the log). */
export const idFirst = ({ id, ...rest }: Alert) => JSON.stringify({ id, ...rest });

/** A stored alert, or null when the payload is missing or not a valid alert. */
export function parseAlert(json: string | undefined): Alert | null {
  if (json === undefined) return null;
  try {
    const parsed = AlertSchema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/**
 * Filters the newest-first log for `recent()`. An alert addressed to one chat (a personal rule)
 * is that chat's business: it never shows in the shared log or the live tail.
 */
export function filterRecent(
  newestFirst: Iterable<Alert>,
  q: { symbol?: string; kind?: Alert["kind"]; limit?: number },
  max: number,
): Alert[] {
  const limit = Math.min(q.limit ?? max, max);
  const symbol = q.symbol?.toUpperCase();
  const out: Alert[] = [];
  for (const a of newestFirst) {
    if (out.length >= limit) break;
    if (a.chat_id !== undefined) continue;
    if (symbol !== undefined && a.symbol.toUpperCase() !== symbol) continue;
    if (q.kind !== undefined && a.kind !== q.kind) continue;
    out.push(a);
  }
  return out;
}

/** Builds the handle `follow()` returns. */
export function followHandle(stop: () => void, ready: Promise<void>): FollowHandle {
  return Object.assign(() => stop(), { ready });
}

/**
 * Hands an alert to every follower. A follower that throws (say, an SSE response already closed)
 * must not fail the publish or starve the other followers, so its error is dropped here.
 */
export function notifyFollowers(followers: Iterable<(a: Alert) => void>, alert: Alert): void {
  if (alert.chat_id !== undefined) return; // addressed: see filterRecent
  for (const cb of followers) {
    try {
      cb(alert);
    } catch {
      // see above: the follower owns its errors
    }
  }
}
