/** Options of `gracefulStop`. */
export interface GracefulStopOptions {
  /** Stops the app and closes what it opened; resolves when everything is released. */
  stop(): Promise<void>;
  /** Ends the process (`process.exit` in main.ts; the core never exits or handles signals itself). */
  exit(code: number): void;
  /** Runs once, when the first signal arrives (the "stopping" log line). */
  onStop?(signal: string): void;
  /** Exit 1 if stopping takes longer than this (default 10 s): a hung socket must not keep the process. */
  forceAfterMs?: number;
}

/**
 * A signal handler for main.ts: the first call stops everything and exits with `code` (0 for a
 * signal, 1 for a fatal error); later calls (a second Ctrl-C) are ignored, and a stop that hangs
 * ends in exit 1 after `forceAfterMs`.
 */
export function gracefulStop(opts: GracefulStopOptions): (signal: string, code?: number) => Promise<void> {
  let stopping = false;
  return async (signal, code = 0) => {
    if (stopping) return;
    stopping = true;
    opts.onStop?.(signal);
    const force = setTimeout(() => opts.exit(1), opts.forceAfterMs ?? 10_000);
    force.unref();
    // A stop that fails still ends the process, with 1: it must not become one more rejection.
    const failed = await opts.stop().then(
      () => false,
      () => true,
    );
    opts.exit(failed ? 1 : code);
  };
}
