import type { Redis } from "ioredis";
import type { Language } from "../format/translate.js";

/** The message a chat got for a live alert (a storm), and which state of the alert it shows. */
export interface LiveMessage {
  messageId: number;
  /** The alert revision the message shows. */
  revision: number;
  /** The chat the message is in, when routing put it elsewhere (a linked channel). */
  chatId?: number;
}

/**
 * What delivery needs to keep a live alert's message true: the latest state rendered in a
 * language, and per (alert, chat) the message sent and a claim on the next edit.
 */
export interface LiveAlerts {
  /** The latest state of the alert as a message in `lang`; null when it was never updated. */
  render(alertId: string, lang: Language): Promise<{ text: string; revision: number } | null>;
  get(alertId: string, chatId: number): Promise<LiveMessage | null>;
  set(alertId: string, chatId: number, m: LiveMessage): Promise<void>;
  /** 0 when this message may be edited now (and books the gap), else the milliseconds to wait. */
  claimEdit(alertId: string, chatId: number, gapMs: number): Promise<number>;
}

/** How long a message stays editable for us: storms last minutes; a day is plenty. */
const KEEP_MS = 24 * 3_600_000;

/** On Redis, shared by every bot process: a JSON key per message and a SET NX PX edit claim. */
export function redisLiveMessages(redis: Redis, prefix: string, render: LiveAlerts["render"]): LiveAlerts {
  const key = (alertId: string, chatId: number) => `${prefix}livemsg:${alertId}:${chatId}`;
  return {
    render,
    async get(alertId, chatId) {
      const raw = await redis.get(key(alertId, chatId));
      return raw ? (JSON.parse(raw) as LiveMessage) : null;
    },
    async set(alertId, chatId, m) {
      await redis.set(key(alertId, chatId), JSON.stringify(m), "PX", KEEP_MS);
    },
    async claimEdit(alertId, chatId, gapMs) {
      const claim = `${prefix}editpace:${alertId}:${chatId}`;
      if ((await redis.set(claim, "1", "PX", gapMs, "NX")) === "OK") return 0;
      const ttl = await redis.pttl(claim);
      return ttl > 0 ? ttl : 5;
    },
  };
}

/** In process memory (the one-process stack), capped. */
export function memoryLiveMessages(render: LiveAlerts["render"], cap = 100_000): LiveAlerts {
  const messages = new Map<string, LiveMessage>();
  const claims = new Map<string, number>();
  const bounded = <V>(m: Map<string, V>, k: string, v: V) => {
    m.delete(k);
    m.set(k, v);
    if (m.size > cap) m.delete(m.keys().next().value as string);
  };
  return {
    render,
    get: async (alertId, chatId) => messages.get(`${alertId}:${chatId}`) ?? null,
    async set(alertId, chatId, m) {
      bounded(messages, `${alertId}:${chatId}`, m);
    },
    async claimEdit(alertId, chatId, gapMs) {
      const k = `${alertId}:${chatId}`;
      const now = Date.now();
      const until = claims.get(k) ?? 0;
      if (until > now) return until - now;
      bounded(claims, k, now + gapMs);
      return 0;
    },
  };
}
