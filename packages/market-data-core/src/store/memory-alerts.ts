import { type Alert, AlertSchema } from "../models/alert.js";
import { ALERT_STORE_DEFAULTS, filterRecent, followHandle, notifyFollowers } from "./alert-log.js";
import { memoryTtlKeys, type TtlKeys } from "./kv.js";
import { memoryAlertQueue } from "./memory-alert-queue.js";
import type { AlertStore, AlertStoreOptions } from "./types.js";

/**
 * In-process alert log, live tail and queue (memory-alert-queue.ts) with the same semantics as
 * the Redis ones, so the one-process local stack and the tests behave as they would on Redis.
 */
export function createMemoryAlertStore(
  options: AlertStoreOptions,
  now: () => number,
  /** The key spaces of `stores.ledger` and `stores.cooldowns`, which `publishGuarded` checks. */
  guards: { ledger: TtlKeys; cooldowns: TtlKeys },
): AlertStore & { close(): Promise<void> } {
  const recentMax = options.recentMax ?? ALERT_STORE_DEFAULTS.recentMax;
  const dedupeTtlMs = options.dedupeTtlMs ?? ALERT_STORE_DEFAULTS.dedupeTtlMs;
  const queue = memoryAlertQueue(options.queueMaxLen ?? ALERT_STORE_DEFAULTS.queueMaxLen, now);
  const seen = memoryTtlKeys(now);
  const recentLog: Alert[] = []; // oldest first
  const followers = new Set<(a: Alert) => void>();
  // Latest states of updated alerts, insertion-ordered so the oldest goes first past the cap.
  const latest = new Map<string, Alert>();

  function enqueue(valid: Alert) {
    queue.append(valid);
    notifyFollowers(followers, valid);
  }

  async function append(valid: Alert) {
    if (!(await seen.setNx(valid.id, dedupeTtlMs))) return false;
    recentLog.push(valid);
    if (recentLog.length > recentMax) recentLog.shift();
    enqueue(valid);
    return true;
  }

  return {
    publish: async (alert) => append(AlertSchema.parse(alert)),
    async publishGuarded(alert, g) {
      if (g.seenKey !== undefined && !(await guards.ledger.setNx(g.seenKey, g.seenTtlMs))) return "seen";
      if (!(await guards.cooldowns.setNx(g.cooldownKey, g.cooldownMs))) return "cooling";
      return (await append(alert)) ? "published" : "duplicate";
    },
    async update(alert) {
      const valid = AlertSchema.parse(alert);
      if (!(await seen.exists(valid.id))) return "unknown";
      const prev = latest.get(valid.id);
      if (prev && (prev.updated_at ?? 0) >= (valid.updated_at ?? 0)) return "stale";
      // Fewer events than stored: a worker that joined late (failover). Keep the larger totals.
      if (prev && prev.count > valid.count) {
        const { usd, count, exchanges, first_at, severity, detail } = prev;
        Object.assign(valid, { usd, count, exchanges, first_at, severity, detail });
        valid.last_at = Math.max(valid.last_at, prev.last_at);
      }
      latest.delete(valid.id);
      latest.set(valid.id, valid);
      if (latest.size > recentMax) latest.delete(latest.keys().next().value as string);
      const at = recentLog.findLastIndex((a) => a.id === valid.id);
      if (at >= 0) recentLog[at] = valid;
      enqueue(valid);
      return "updated";
    },
    latest: async (id) => latest.get(id) ?? null,
    async recent(q = {}) {
      function* newestFirst() {
        for (let i = recentLog.length - 1; i >= 0; i--) yield recentLog[i]!;
      }
      return filterRecent(newestFirst(), q, recentMax);
    },
    follow(cb) {
      followers.add(cb);
      return followHandle(() => followers.delete(cb), Promise.resolve());
    },
    join: queue.join,
    depth: queue.depth,
    async close() {
      followers.clear();
    },
  };
}
