import { type Alert, AlertSchema } from "../models/alert.js";
import {
  CONSUME_DEFAULTS,
  filterRecent,
  followHandle,
  notifyFollowers,
  type QueueCursor,
  type QueueEntry,
  runConsumer,
} from "./consumer-loop.js";
import { memoryTtlKeys, type TtlKeys } from "./kv.js";
import type { AlertStore, AlertStoreOptions } from "./types.js";

interface Pending {
  consumer: string;
  deliveredAt: number;
  alert: Alert;
}

interface Group {
  lastSeq: number;
  pending: Map<number, Pending>;
}

export const ALERT_STORE_DEFAULTS = {
  recentMax: 1000,
  queueMaxLen: 100_000,
  dedupeTtlMs: 7 * 24 * 3600_000,
} as const;

/**
 * In-process alert log and queue with the same semantics as the Redis one (consumer groups,
 * pending entries, reclaim after claimIdleMs) so the one-process local stack and the tests of
 * the apps behave as they would on Redis.
 */
export function createMemoryAlertStore(
  options: AlertStoreOptions,
  now: () => number,
  /** The key spaces of `stores.ledger` and `stores.cooldowns`, which `publishGuarded` checks. */
  guards: { ledger: TtlKeys; cooldowns: TtlKeys },
): AlertStore & { close(): Promise<void> } {
  const recentMax = options.recentMax ?? ALERT_STORE_DEFAULTS.recentMax;
  const maxLen = options.queueMaxLen ?? ALERT_STORE_DEFAULTS.queueMaxLen;
  const dedupeTtlMs = options.dedupeTtlMs ?? ALERT_STORE_DEFAULTS.dedupeTtlMs;
  const seen = memoryTtlKeys(now);
  const recentLog: Alert[] = []; // oldest first
  const entries: { seq: number; alert: Alert }[] = []; // oldest first
  let nextSeq = 1;
  const groups = new Map<string, Group>();
  const followers = new Set<(a: Alert) => void>();
  const wakers = new Set<() => void>();
  const consumers = new Set<{ stop(): Promise<void> }>();

  const firstSeq = () => entries[0]?.seq ?? nextSeq;
  const entriesAfter = (seq: number) =>
    entries.length - Math.max(0, Math.min(entries.length, seq + 1 - firstSeq()));

  function cursorFor(
    groupName: string,
    consumer: string,
    batch: number,
    blockMs: number,
    claimIdleMs: number,
  ) {
    const group = groups.get(groupName)!;
    const take = (seq: number, p: Pending): QueueEntry => {
      p.consumer = consumer;
      p.deliveredAt = now();
      group.pending.set(seq, p);
      return { id: String(seq), alert: p.alert };
    };
    let wake: (() => void) | undefined;
    const cursor: QueueCursor = {
      async ownPending() {
        const out: QueueEntry[] = [];
        for (const [seq, p] of group.pending)
          if (p.consumer === consumer && out.length < batch) out.push(take(seq, p));
        return out;
      },
      async claim() {
        const out: QueueEntry[] = [];
        const t = now();
        for (const [seq, p] of group.pending) {
          if (out.length >= batch) break;
          if (t - p.deliveredAt >= claimIdleMs) out.push(take(seq, p));
        }
        return out;
      },
      async read() {
        if (entriesAfter(group.lastSeq) === 0) {
          await new Promise<void>((resolve) => {
            const timer = setTimeout(done, blockMs);
            function done() {
              clearTimeout(timer);
              wakers.delete(done);
              wake = undefined;
              resolve();
            }
            wake = done;
            wakers.add(done);
          });
        }
        const out: QueueEntry[] = [];
        const start = Math.max(0, group.lastSeq + 1 - firstSeq());
        for (let i = start; i < entries.length && out.length < batch; i++) {
          const e = entries[i]!;
          group.lastSeq = e.seq;
          out.push(take(e.seq, { consumer, deliveredAt: 0, alert: e.alert }));
        }
        return out;
      },
      async ack(id) {
        group.pending.delete(Number(id));
      },
      interrupt() {
        wake?.();
      },
      async close() {},
    };
    return cursor;
  }

  // Latest states of updated alerts, insertion-ordered so the oldest goes first past the cap.
  const latest = new Map<string, Alert>();

  function enqueue(valid: Alert) {
    entries.push({ seq: nextSeq++, alert: valid });
    if (entries.length > maxLen) entries.splice(0, entries.length - maxLen);
    for (const wake of [...wakers]) wake();
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
    consume(group, consumer, handler, opts = {}) {
      if (!groups.has(group)) {
        const lastSeq = opts.from === "new" ? nextSeq - 1 : firstSeq() - 1;
        groups.set(group, { lastSeq, pending: new Map() });
      }
      const cursor = cursorFor(
        group,
        consumer,
        opts.batch ?? CONSUME_DEFAULTS.batch,
        opts.blockMs ?? CONSUME_DEFAULTS.blockMs,
        opts.claimIdleMs ?? CONSUME_DEFAULTS.claimIdleMs,
      );
      const running = runConsumer(cursor, handler, opts);
      const handle = {
        async stop() {
          consumers.delete(handle);
          await running.stop();
        },
      };
      consumers.add(handle);
      return handle;
    },
    async depth(group) {
      const g = groups.get(group);
      if (!g) return entries.length;
      return g.pending.size + entriesAfter(g.lastSeq);
    },
    async close() {
      followers.clear();
      await Promise.all([...consumers].map((c) => c.stop()));
    },
  };
}
