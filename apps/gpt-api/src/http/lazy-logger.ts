import type { FastifyBaseLogger } from "fastify";

type Bindings = Record<string, unknown>;
type ChildOptions = Parameters<FastifyBaseLogger["child"]>[1];
type LogFn = (...args: unknown[]) => void;

/**
 * The request's logger (`request.log`), made only when a line is written. Fastify gives every
 * request a pino child with its `reqId`; building one (bindings serialized, a new object chain)
 * cost a few percent of the hot path, where almost no request writes a line (errors and sampled
 * refusals do). The lines are the same: the child is made with the same bindings on first use.
 */
class LazyChild {
  #real: FastifyBaseLogger | undefined;
  constructor(
    private readonly parent: FastifyBaseLogger,
    private readonly bindings: Bindings,
    private readonly options: ChildOptions,
  ) {}

  get real(): FastifyBaseLogger {
    this.#real ??= this.parent.child(this.bindings, this.options);
    return this.#real;
  }
  get level(): string {
    return this.#real?.level ?? this.options?.level ?? this.parent.level;
  }
  set level(level: string) {
    this.real.level = level;
  }
  child(bindings: Bindings, options?: ChildOptions): FastifyBaseLogger {
    return this.real.child(bindings, options);
  }
  isLevelEnabled(level: string): boolean {
    return (this.real as unknown as { isLevelEnabled(l: string): boolean }).isLevelEnabled(level);
  }
}

// The log methods write through the real child (built on the first line).
for (const level of ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const) {
  Object.defineProperty(LazyChild.prototype, level, {
    value(this: LazyChild, ...args: unknown[]) {
      const real = this.real;
      (real[level] as LogFn).apply(real, args);
    },
  });
}

/** Fastify's `childLoggerFactory`: a child that is built when the request first logs. */
export function lazyChildLogger(logger: FastifyBaseLogger, bindings: Bindings, options: ChildOptions) {
  return new LazyChild(logger, bindings, options) as unknown as FastifyBaseLogger;
}
