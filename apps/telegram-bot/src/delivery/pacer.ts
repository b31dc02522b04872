import type { Redis } from "ioredis";

/**
 * One message per chat per gap (Telegram: about 1/s in a private chat, 20/min in a group).
 * `acquire` answers 0 when the chat may get a message now (and books the gap), otherwise the
 * milliseconds to wait.
 */
export interface ChatPacer {
  acquire(chatId: number): Promise<number>;
}

export interface PacerOptions {
  privateChatGapMs?: number;
  groupChatGapMs?: number;
}

// 10% over Telegram's figures: the gap is booked when a send starts, and Telegram counts when
// the message arrives, which network jitter can bring closer together.
const gapOf = (chatId: number, o: PacerOptions) =>
  chatId < 0 ? (o.groupChatGapMs ?? 3300) : (o.privateChatGapMs ?? 1100);

/** Shared by every bot process: an atomic SET NX PX per chat. */
export function createRedisPacer(redis: Redis, prefix: string, o: PacerOptions = {}): ChatPacer {
  return {
    async acquire(chatId) {
      const key = `${prefix}pace:${chatId}`;
      const ok = await redis.set(key, "1", "PX", gapOf(chatId, o), "NX");
      if (ok === "OK") return 0;
      const ttl = await redis.pttl(key);
      // The key expired between the two calls: try again shortly rather than send unpaced.
      return ttl > 0 ? ttl : 5;
    },
  };
}

export function createMemoryPacer(o: PacerOptions = {}): ChatPacer {
  const nextAt = new Map<number, number>();
  return {
    async acquire(chatId) {
      const now = Date.now();
      const at = nextAt.get(chatId) ?? 0;
      if (at > now) return at - now;
      nextAt.set(chatId, now + gapOf(chatId, o));
      if (nextAt.size > 100_000) {
        for (const [id, t] of nextAt) if (t <= now) nextAt.delete(id);
      }
      return 0;
    },
  };
}
