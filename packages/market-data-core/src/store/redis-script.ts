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
 * Runs of one script coalesced per event-loop turn: every call made before the loop moves on goes
 * out in one pipeline (one socket write, one round trip) instead of one write each. A burst of
 * calls (the alert worker's detections arrive as separate thread messages in one turn) otherwise
 * pays a write syscall and a server wake-up per call. Each run stays atomic on its own.
 */
export function batchedScript(script: RedisScript, redis: Redis) {
  let queue: { keys: string[]; args: Arg[]; done: (e: Error | null, r?: unknown) => void }[] = [];
  const flush = async () => {
    const batch = queue;
    queue = [];
    const pipe = redis.pipeline();
    for (const c of batch) pipe.evalsha(script.sha, c.keys.length, ...c.keys, ...c.args);
    let replies: [Error | null, unknown][];
    try {
      replies = (await pipe.exec()) ?? [];
    } catch (error) {
      for (const c of batch) c.done(error instanceof Error ? error : new Error(String(error)));
      return;
    }
    batch.forEach((c, i) => {
      const [error, reply] = replies[i] ?? [new Error("no reply in the pipeline"), undefined];
      // A server that lost the script (fresh start, SCRIPT FLUSH): this run loads it again.
      if (isNoScript(error)) script(redis, c.keys, c.args).then((r) => c.done(null, r), c.done);
      else c.done(error, reply);
    });
  };
  return (keys: string[], args: Arg[]) =>
    new Promise<unknown>((resolve, reject) => {
      if (queue.length === 0) setImmediate(flush);
      queue.push({ keys, args, done: (e, r) => (e ? reject(e) : resolve(r)) });
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
