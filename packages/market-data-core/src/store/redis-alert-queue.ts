// The Redis alert store's queue job: the Stream's consumer groups as cursors the bot's consumer loop
// reads (apps/telegram-bot/src/delivery/alert-consumer.ts), and the depth /status and /health show.
// The entries themselves are written by the publish script (redis-alert-publish.ts).
import type { Redis } from "ioredis";
import { parseAlert } from "./alert-log.js";
import type { AlertStore, QueueCursor, QueueEntry, QueueReadOptions } from "./types.js";

type StreamEntry = [id: string, fields: string[] | null];

function toEntries(raw: StreamEntry[]): QueueEntry[] {
  const out: QueueEntry[] = [];
  for (const [id, fields] of raw) {
    // nil fields: trimmed away while pending; acknowledged and reported like an unreadable entry.
    const at = fields ? fields.indexOf("alert") : -1;
    out.push({ id, alert: parseAlert(at >= 0 ? fields?.[at + 1] : undefined) });
  }
  return out;
}

const isError = (e: unknown, code: string) => e instanceof Error && e.message.startsWith(code);

/** join and depth over the Stream at `streamKey`. */
export function redisAlertQueue(redis: Redis, streamKey: string): Pick<AlertStore, "join" | "depth"> {
  async function ensureGroup(group: string, from: QueueReadOptions["from"]) {
    try {
      await redis.xgroup("CREATE", streamKey, group, from === "new" ? "$" : "0", "MKSTREAM");
    } catch (e) {
      if (!isError(e, "BUSYGROUP")) throw e;
    }
  }

  function cursorFor(group: string, consumer: string, opts: QueueReadOptions): QueueCursor {
    // Blocking reads get their own connection so they never stall the shared one.
    const conn = redis.duplicate();
    conn.on("error", () => {});
    let blocking = false;
    let claimCursor = "0-0";
    const readGroup = async (id: string, block: boolean): Promise<QueueEntry[]> => {
      const args: (string | number)[] = ["GROUP", group, consumer, "COUNT", opts.batch];
      if (block) args.push("BLOCK", opts.blockMs);
      blocking = block;
      try {
        const res = (await conn.call("XREADGROUP", ...args, "STREAMS", streamKey, id)) as
          | [string, StreamEntry[]][]
          | null;
        return res?.[0] ? toEntries(res[0][1]) : [];
      } catch (e) {
        // The stream or group was deleted under us (FLUSHALL, cleanup): recreate and carry on.
        if (isError(e, "NOGROUP")) await ensureGroup(group, opts.from);
        throw e;
      } finally {
        blocking = false;
      }
    };
    return {
      ownPending: () => readGroup("0", false),
      async claim() {
        const res = (await conn.xautoclaim(
          streamKey,
          group,
          consumer,
          opts.claimIdleMs,
          claimCursor,
          "COUNT",
          opts.batch,
        )) as [string, StreamEntry[]];
        claimCursor = res[0];
        return toEntries(res[1]);
      },
      read: () => readGroup(">", true),
      async ack(id) {
        await conn.xack(streamKey, group, id);
      },
      interrupt() {
        if (blocking) conn.disconnect();
      },
      async close() {
        if (conn.status !== "end") await conn.quit().catch(() => conn.disconnect());
      },
    };
  }

  return {
    async join(group, consumer, opts) {
      await ensureGroup(group, opts.from);
      return cursorFor(group, consumer, opts);
    },
    async depth(group) {
      let groups: unknown[];
      try {
        groups = (await redis.xinfo("GROUPS", streamKey)) as unknown[];
      } catch (e) {
        if (isError(e, "ERR no such key")) return 0;
        throw e;
      }
      for (const g of groups as (string | number | null)[][]) {
        const info = new Map<string, string | number | null>();
        for (let i = 0; i + 1 < g.length; i += 2) info.set(String(g[i]), g[i + 1] ?? null);
        if (info.get("name") !== group) continue;
        const pending = Number(info.get("pending") ?? 0);
        const lag = info.get("lag");
        if (lag !== null && lag !== undefined) return pending + Number(lag);
        // lag is unknown after deletions: count the undelivered entries directly.
        const after = await redis.xrange(streamKey, `(${info.get("last-delivered-id")}`, "+");
        return pending + after.length;
      }
      return redis.xlen(streamKey);
    },
  };
}
