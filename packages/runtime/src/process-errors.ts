/** What `watchProcessErrors` reports to (main.ts passes its pino logger). */
export interface ProcessErrorLog {
  error(obj: object, msg: string): void;
  fatal(obj: object, msg: string): void;
}

/** Options of `watchProcessErrors`; each app's main.ts states its choice and why. */
export interface ProcessErrorOptions {
  log: ProcessErrorLog;
  /**
   * A promise rejected with nobody listening: "log" keeps serving (the rejection belonged to one
   * request or one background task, and the state shared by the others is intact); "stop" ends
   * the process through `stop`, as Node would, but after a log line and a clean shutdown.
   */
  onRejection: "log" | "stop";
  /** Ends the process at once: used only for a fatal error before `useStop` was called. */
  exit(code: number): void;
}

/** What `watchProcessErrors` returns. */
export interface ProcessErrorWatch {
  /** The app's graceful stop (`gracefulStop`'s handler), once everything is open; called with code 1. */
  useStop(stop: (reason: string, code: number) => unknown): void;
  /** A failure the app reports itself as fatal (e.g. a dead worker thread): logged, then stopped with 1. */
  fatal(reason: string, error: unknown): void;
}

/**
 * Replaces Node's default for unhandled rejections (print and exit at once) with the app's choice,
 * and ends an uncaught exception through the graceful stop: Node's docs say the process is in an
 * undefined state after one, so it is never resumed, but in-flight work is drained and the
 * process manager restarts it.
 */
export function watchProcessErrors(proc: NodeJS.EventEmitter, opts: ProcessErrorOptions): ProcessErrorWatch {
  let stop = (_reason: string, code: number): unknown => opts.exit(code);
  proc.on("unhandledRejection", (reason: unknown) => {
    if (opts.onRejection === "log") {
      opts.log.error({ err: reason }, "unhandled promise rejection (logged; still serving)");
      return;
    }
    opts.log.fatal({ err: reason }, "unhandled promise rejection: stopping");
    stop("unhandledRejection", 1);
  });
  proc.on("uncaughtException", (error: Error) => {
    opts.log.fatal({ err: error }, "uncaught exception: stopping");
    stop("uncaughtException", 1);
  });
  return {
    useStop(s) {
      stop = s;
    },
    fatal(reason, error) {
      opts.log.fatal({ err: error }, `${reason}: stopping`);
      stop(reason, 1);
    },
  };
}
