import { randomUUID } from "node:crypto";
import { redisScript } from "@teleglas/market-data-core";
import { Queue } from "bullmq";
import type { Redis } from "ioredis";

/**
 * Many jobs due now (no delay; one set of options, a priority or none) in one script run.
 * BullMQ's addBulk runs its add script once per job (option decoding, two stream events, ~50 µs
 * of Redis each, and as much again in the client): 100,000 chats took 30-55 s to queue on the
 * bench, far over the 10 s goal. This writes what that script writes for such a job — the job
 * hash, and its id on the wait list (or, with a priority, in the prioritized set with the same
 * score BullMQ gives it) — skipped when the job exists (the same idempotency by job id), and wakes
 * the workers once. The options are spelled as BullMQ itself stored them for a probe job (on a
 * queue of its own, which no worker reads, then removed), with each job's own id in them, so
 * their encoding stays the library's. No "added"/"waiting" events are emitted: nothing here
 * listens to QueueEvents. A test compares the stored hashes with BullMQ's.
 *
 * KEYS: wait, meta, active, marker, prioritized, priority counter. ARGV: job key prefix, name,
 * the options before and after the job id, timestamp, priority, then (job id, data) pairs.
 * Returns how many jobs were new.
 */
const addPlainJobs = redisScript(`
local priority = tonumber(ARGV[6])
local added = {}
for i = 7, #ARGV, 2 do
  local key = ARGV[1] .. ARGV[i]
  if redis.call('EXISTS', key) == 0 then
    redis.call('HSET', key, 'name', ARGV[2], 'data', ARGV[i + 1], 'opts', ARGV[3] .. ARGV[i] .. ARGV[4],
      'timestamp', ARGV[5], 'delay', 0, 'priority', priority)
    added[#added + 1] = ARGV[i]
  end
end
if priority == 0 then
  -- One LPUSH for the lot (in order, as one LPUSH each would leave them), in slices Lua can unpack.
  for i = 1, #added, 500 do
    redis.call('LPUSH', KEYS[1], unpack(added, i, math.min(i + 499, #added)))
  end
else
  local counter = redis.call('INCRBY', KEYS[6], #added) - #added
  for i = 1, #added do
    redis.call('ZADD', KEYS[5], priority * 0x100000000 + (counter + i) % 0x100000000, added[i])
  end
end
if #added > 0 then
  local meta = redis.call('HMGET', KEYS[2], 'paused', 'concurrency')
  local maxed = meta[2] and redis.call('LLEN', KEYS[3]) >= tonumber(meta[2])
  if not meta[1] and not maxed then redis.call('ZADD', KEYS[4], 0, '0') end
end
return #added`);

export interface PlainJob {
  id: string;
  data: unknown;
}

/** Ids written the same in JSON and by Lua's cjson (no escapes), so the script can splice them in. */
const PLAIN_ID = /^[\w.-]+$/;

/**
 * How BullMQ stores `opts` for a job, split around the job's id: asked of BullMQ with a probe
 * job rather than of a real one, which may have been added before with other options (a delay
 * during quiet hours, say).
 */
async function storedOptions(queue: Queue, redis: Redis, name: string, opts: Record<string, unknown>) {
  const probe = new Queue(`${queue.name}-options`, { connection: redis, prefix: queue.opts.prefix });
  const id = `probe-${randomUUID()}`;
  try {
    const job = await probe.add(name, {}, { ...opts, jobId: id });
    const stored = (await redis.hget(probe.toKey(id), "opts")) ?? "";
    await job.remove();
    const token = `"jobId":"${id}"`;
    const at = stored.indexOf(token);
    if (at < 0) throw new Error(`BullMQ stored a job's options without its id: ${stored}`);
    return [stored.slice(0, at + 9), stored.slice(at + token.length - 1)];
  } finally {
    await probe.close();
  }
}

/** `add(jobs)`: adds jobs due now to `queue` with `opts`; one whose id the script could not splice goes through BullMQ. */
export function bulkAdder(queue: Queue, redis: Redis, name: string, opts: Record<string, unknown>) {
  let around: Promise<string[]> | null = null;
  const keys = () =>
    ["wait", "meta", "active", "marker", "prioritized", "pc"].map((k) => queue.keys[k] as string);
  return async (jobs: PlainJob[]): Promise<void> => {
    const odd = jobs.filter((j) => !PLAIN_ID.test(j.id));
    const rest = odd.length > 0 ? jobs.filter((j) => PLAIN_ID.test(j.id)) : jobs;
    if (odd.length > 0) {
      await queue.addBulk(odd.map((j) => ({ name, data: j.data, opts: { ...opts, jobId: j.id } })));
    }
    if (rest.length === 0) return;
    around ??= storedOptions(queue, redis, name, opts).catch((error) => {
      around = null; // asked again next time
      throw error;
    });
    const priority = String(opts["priority"] ?? 0);
    const args: string[] = [queue.toKey(""), name, ...(await around), String(Date.now()), priority];
    for (const j of rest) args.push(j.id, JSON.stringify(j.data));
    await addPlainJobs(redis, keys(), args);
  };
}
