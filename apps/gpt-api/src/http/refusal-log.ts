import type { FastifyBaseLogger } from "fastify";

export interface RefusalEntry {
  method: string;
  url: string;
  status: number;
  ip: string;
  key: string | undefined;
  ms: number;
}

/**
 * Client errors (4xx) logged by sample: per status, the first of each interval in full, the rest
 * counted and summed up in one line when the interval ends (or the app closes). A flood of
 * unauthenticated or refused requests then writes a few lines a minute instead of one per request.
 */
export function createRefusalLog(log: FastifyBaseLogger, intervalMs = 60_000) {
  const counted = new Map<number, number>();
  let timer: NodeJS.Timeout | null = null;

  function summarize(): void {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    const byStatus: Record<string, number> = {};
    let total = 0;
    for (const [status, n] of counted) {
      if (n === 0) continue;
      byStatus[status] = n;
      total += n;
    }
    counted.clear();
    if (total > 0) log.info({ byStatus, total, intervalS: intervalMs / 1000 }, "more requests refused");
  }

  return {
    /** Log the entry if it is its status' first of the interval, else count it; true if logged. */
    note(entry: RefusalEntry): boolean {
      const seen = counted.get(entry.status);
      if (seen === undefined) {
        counted.set(entry.status, 0);
        log.info(entry, "request");
      } else counted.set(entry.status, seen + 1);
      if (timer === null) {
        timer = setTimeout(summarize, intervalMs);
        timer.unref();
      }
      return seen === undefined;
    },
    /** Write what is counted now (app close). */
    flush: summarize,
  };
}
