import { createHash } from "node:crypto";
import type { Redis } from "ioredis";

/**
 * A Lua script run with EVALSHA, falling back to EVAL once when the server does not know it yet
 * (fresh server, SCRIPT FLUSH). Kept apart from ioredis' defineCommand so we do not add methods
 * to a client the caller owns.
 */
export function redisScript(lua: string) {
  const sha = createHash("sha1").update(lua).digest("hex");
  const run = async (redis: Redis, keys: string[], args: Arg[]): Promise<unknown> => {
    try {
      return await redis.evalsha(sha, keys.length, ...keys, ...args);
    } catch (error) {
      if (isNoScript(error)) return redis.eval(lua, keys.length, ...keys, ...args);
      throw error;
    }
  };
  return Object.assign(run, { sha });
}

type Arg = string | number;
type RedisScript = ReturnType<typeof redisScript>;
const isNoScript = (e: unknown) => e instanceof Error && e.message.startsWith("NOSCRIPT");

/**
 * Calls coalesced per event-loop turn into one run of a script that takes many items at once and
 * answers one reply per item: a burst of calls (the alert worker's detections arrive as separate
 * thread messages in one turn) costs one command, one socket write and one server wake-up instead
 * of one each. `encode` turns the turn's items into the run's keys and arguments; the script runs
 * atomically, so each item's own steps stay atomic too.
 */
export function coalescedScript<T>(
  script: RedisScript,
  redis: Redis,
  encode: (items: T[]) => { keys: string[]; args: Arg[] },
) {
  let queue: { item: T; resolve: (r: unknown) => void; reject: (e: unknown) => void }[] = [];
  const flush = async () => {
    const batch = queue;
    queue = [];
    try {
      const { keys, args } = encode(batch.map((c) => c.item));
      const replies = (await script(redis, keys, args)) as unknown[];
      for (const [i, c] of batch.entries()) c.resolve(replies[i]);
    } catch (error) {
      for (const c of batch) c.reject(error);
    }
  };
  return (item: T) =>
    new Promise<unknown>((resolve, reject) => {
      if (queue.length === 0) setImmediate(flush);
      queue.push({ item, resolve, reject });
    });
}

/** Deletes every key under a prefix (SCAN, never KEYS). Used by tests and tools. */
export async function deleteByPrefix(redis: Redis, prefix: string): Promise<number> {
  let cursor = "0";
  let deleted = 0;
  do {
    const [next, keys] = await redis.scan(cursor, "MATCH", `${escapeGlob(prefix)}*`, "COUNT", 500);
    cursor = next;
    if (keys.length > 0) deleted += await redis.unlink(...keys);
  } while (cursor !== "0");
  return deleted;
}

function escapeGlob(s: string): string {
  return s.replace(/[*?[\]\\]/g, "\\$&");
}
