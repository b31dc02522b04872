import type { StreamProblem } from "@teleglas/market-data-core";
import type { Logger } from "pino";

/** Problems that can come once per frame: a flood of them must not become a flood of log lines. */
const AGGREGATED = new Set<StreamProblem["kind"]>(["malformed_frame", "server_error", "listener"]);

/**
 * Logs the stream's problems. Per-frame kinds (malformed frames, server errors, a failing
 * listener) are aggregated: one warning per kind per interval (a minute) with the count and one
 * example. Connection problems (socket, pong timeout, oversize frame) are rare — each is a
 * reconnect with backoff — and are logged as they happen.
 */
export function createProblemLog(log: Logger, intervalMs = 60_000) {
  const pending = new Map<StreamProblem["kind"], { count: number; example: string }>();
  let timer: NodeJS.Timeout | undefined;

  const flush = () => {
    timer = undefined;
    for (const [kind, { count, example }] of pending) {
      log.warn(
        { problem: kind, count, example, interval_s: intervalMs / 1000 },
        `${count} stream problem(s) of kind ${kind} in the last ${intervalMs / 1000} s`,
      );
    }
    pending.clear();
  };

  return {
    report(p: StreamProblem) {
      if (!AGGREGATED.has(p.kind)) {
        log.warn({ problem: p.kind }, p.message);
        return;
      }
      const entry = pending.get(p.kind);
      if (entry) entry.count++;
      else pending.set(p.kind, { count: 1, example: p.message.slice(0, 200) });
      if (!timer) {
        timer = setTimeout(flush, intervalMs);
        timer.unref();
      }
    },
    /** Writes what is pending now (at stop). */
    flush() {
      clearTimeout(timer);
      flush();
    },
  };
}
