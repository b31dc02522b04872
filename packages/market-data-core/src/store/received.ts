import type { Redis } from "ioredis";

/** One alert a chat was sent. */
export interface Received {
  alertId: string;
  kind: string | null;
  /** Epoch ms the message went out. */
  at: number;
}

/**
 * Which alerts each chat was sent in the last day (the API shows a logged-in person theirs).
 * Bounded per chat: entries older than `keepMs` go on each write, and at most `maxPerChat` stay.
 */
export interface ReceivedLog {
  note(chatId: number, alertId: string, kind: string | undefined, at: number): Promise<void>;
  /** Newest first, sent at or after `since`. */
  list(chatId: number, since: number): Promise<Received[]>;
}

const DAY_MS = 24 * 3_600_000;
const MAX_PER_CHAT = 500;

const decode = (member: string, score: string): Received => {
  const cut = member.indexOf("|");
  const kind = member.slice(0, cut);
  return { alertId: member.slice(cut + 1), kind: kind === "" ? null : kind, at: Number(score) };
};

/** A sorted set per chat (score = time sent), expiring a day after the chat's last alert. */
export function redisReceivedLog(redis: Redis, prefix: string, keepMs = DAY_MS): ReceivedLog {
  const key = (chatId: number) => `${prefix}received:${chatId}`;
  return {
    async note(chatId, alertId, kind, at) {
      const k = key(chatId);
      await redis
        .multi()
        .zadd(k, at, `${kind ?? ""}|${alertId}`)
        .zremrangebyscore(k, "-inf", at - keepMs)
        .zremrangebyrank(k, 0, -MAX_PER_CHAT - 1)
        .pexpire(k, keepMs)
        .exec();
    },
    async list(chatId, since) {
      const flat = await redis.zrevrangebyscore(key(chatId), "+inf", since, "WITHSCORES");
      const out: Received[] = [];
      for (let i = 0; i + 1 < flat.length; i += 2) out.push(decode(flat[i] as string, flat[i + 1] as string));
      return out;
    },
  };
}

/** In-process twin; chats whose newest entry is older than a day are dropped on each write past 1000 chats. */
export function memoryReceivedLog(now: () => number, keepMs = DAY_MS): ReceivedLog {
  const chats = new Map<number, Received[]>();
  return {
    async note(chatId, alertId, kind, at) {
      const list = (chats.get(chatId) ?? []).filter((r) => r.at > at - keepMs && r.alertId !== alertId);
      list.unshift({ alertId, kind: kind ?? null, at });
      chats.set(chatId, list.slice(0, MAX_PER_CHAT));
      if (chats.size > 1000) {
        for (const [id, l] of chats) if ((l[0]?.at ?? 0) <= now() - keepMs) chats.delete(id);
      }
    },
    async list(chatId, since) {
      return (chats.get(chatId) ?? []).filter((r) => r.at >= since).sort((a, b) => b.at - a.at);
    },
  };
}
