// The in-process twin of the Stream and its consumer groups (redis-alert-queue.ts): pending entries
// per group, reclaim after claimIdleMs, a read that waits for an append. Same cursor interface, so
// the bot's consumer loop runs unchanged on either.
import type { Alert } from "../models/alert.js";
import type { AlertStore, QueueCursor, QueueEntry, QueueReadOptions } from "./types.js";

interface Pending {
  consumer: string;
  deliveredAt: number;
  alert: Alert;
}

interface Group {
  lastSeq: number;
  pending: Map<number, Pending>;
}

/** The queue's entries (appended by the memory alert store's publish) and its groups. */
export function memoryAlertQueue(
  maxLen: number,
  now: () => number,
): Pick<AlertStore, "join" | "depth"> & { append(alert: Alert): void } {
  const entries: { seq: number; alert: Alert }[] = []; // oldest first
  let nextSeq = 1;
  const groups = new Map<string, Group>();
  const wakers = new Set<() => void>();
  const firstSeq = () => entries[0]?.seq ?? nextSeq;
  const entriesAfter = (seq: number) =>
    entries.length - Math.max(0, Math.min(entries.length, seq + 1 - firstSeq()));

  function cursorFor(group: Group, consumer: string, o: QueueReadOptions): QueueCursor {
    const take = (seq: number, p: Pending): QueueEntry => {
      p.consumer = consumer;
      p.deliveredAt = now();
      group.pending.set(seq, p);
      return { id: String(seq), alert: p.alert };
    };
    let wake: (() => void) | undefined;
    return {
      async ownPending() {
        const out: QueueEntry[] = [];
        for (const [seq, p] of group.pending)
          if (p.consumer === consumer && out.length < o.batch) out.push(take(seq, p));
        return out;
      },
      async claim() {
        const out: QueueEntry[] = [];
        const t = now();
        for (const [seq, p] of group.pending) {
          if (out.length >= o.batch) break;
          if (t - p.deliveredAt >= o.claimIdleMs) out.push(take(seq, p));
        }
        return out;
      },
      async read() {
        if (entriesAfter(group.lastSeq) === 0) {
          await new Promise<void>((resolve) => {
            const timer = setTimeout(done, o.blockMs);
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
        for (let i = start; i < entries.length && out.length < o.batch; i++) {
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
  }

  return {
    append(alert) {
      entries.push({ seq: nextSeq++, alert });
      if (entries.length > maxLen) entries.splice(0, entries.length - maxLen);
      for (const wake of [...wakers]) wake();
    },
    async join(name, consumer, opts) {
      let group = groups.get(name);
      if (!group) {
        group = { lastSeq: opts.from === "new" ? nextSeq - 1 : firstSeq() - 1, pending: new Map() };
        groups.set(name, group);
      }
      return cursorFor(group, consumer, opts);
    },
    async depth(name) {
      const g = groups.get(name);
      if (!g) return entries.length;
      return g.pending.size + entriesAfter(g.lastSeq);
    },
  };
}
