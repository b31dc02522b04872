/**
 * `p`, or a rejection with `error()` when it has not settled within `ms`. `p` itself runs on
 * (a load another caller shares, a Redis command ioredis will still answer).
 */
export function timeLimit<T>(p: Promise<T>, ms: number, error: () => Error): Promise<T> {
  if (ms <= 0) return Promise.reject(error());
  return new Promise((resolve, reject) => {
    const t = setTimeout(() => reject(error()), ms);
    p.then(resolve, reject).finally(() => clearTimeout(t));
  });
}

/** The error of a Redis round trip that took longer than `ms`. */
export const redisTimeout = (ms: number) => () => new Error(`Redis did not answer within ${ms} ms`);
