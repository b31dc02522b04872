import type { Redis } from "ioredis";
import {
  type ChatSubscription,
  ChatSubscriptionSchema,
  defaultSubscription,
} from "../models/subscription.js";
import { redisScript } from "./redis-script.js";
import type { SubscriptionStore } from "./types.js";

/**
 * Storage under the subscription store: JSON records per chat with compare-and-set, so two
 * concurrent patches of one chat (two bot replicas) never lose either change.
 */
export interface SubscriptionBackend {
  read(chatId: number): Promise<string | null>;
  /** Writes `next` only if the record is still `expected` (null = absent). */
  cas(chatId: number, expected: string | null, next: string): Promise<boolean>;
  readAll(): Promise<string[]>;
  /** Moves the record `expected` of `from` to `to` as `next`, if `from` is unchanged. */
  move(from: number, expected: string, to: number, next: string): Promise<boolean>;
}

const MAX_CAS_ATTEMPTS = 20;

function applyPatch(base: ChatSubscription, patch: Partial<ChatSubscription>, now: number): ChatSubscription {
  const merged: ChatSubscription = { ...base, ...patch, chatId: base.chatId, updatedAt: now };
  if (Array.isArray(merged.symbols)) {
    merged.symbols = [...new Set(merged.symbols.map((s) => s.trim().toUpperCase()))];
  }
  if (patch.active === true) delete merged.deactivatedReason;
  return ChatSubscriptionSchema.parse(merged);
}

/** The subscription store over any backend (memory or Redis). */
export function createSubscriptionStore(backend: SubscriptionBackend, now: () => number): SubscriptionStore {
  const parse = (raw: string): ChatSubscription => JSON.parse(raw) as ChatSubscription;

  async function update(
    chatId: number,
    change: (current: ChatSubscription | null) => ChatSubscription | null,
  ): Promise<ChatSubscription | null> {
    for (let attempt = 0; attempt < MAX_CAS_ATTEMPTS; attempt++) {
      const raw = await backend.read(chatId);
      const next = change(raw === null ? null : parse(raw));
      if (next === null) return null;
      if (await backend.cas(chatId, raw, JSON.stringify(next))) return next;
    }
    throw new Error(`subscription of chat ${chatId} kept changing; update abandoned`);
  }

  return {
    async get(chatId) {
      const raw = await backend.read(chatId);
      return raw === null ? null : parse(raw);
    },
    async upsert(chatId, patch) {
      const t = now();
      const result = await update(chatId, (cur) =>
        applyPatch(cur ?? defaultSubscription(chatId, t), patch, t),
      );
      return result!;
    },
    async listActive() {
      return (await backend.readAll()).map(parse).filter((s) => s.active);
    },
    async deactivate(chatId, reason) {
      await update(chatId, (cur) =>
        cur ? { ...cur, active: false, deactivatedReason: reason, updatedAt: now() } : null,
      );
    },
    async migrate(fromChatId, toChatId) {
      if (fromChatId === toChatId) return;
      for (let attempt = 0; attempt < MAX_CAS_ATTEMPTS; attempt++) {
        const raw = await backend.read(fromChatId);
        if (raw === null) return;
        const next = JSON.stringify({ ...parse(raw), chatId: toChatId, updatedAt: now() });
        if (await backend.move(fromChatId, raw, toChatId, next)) return;
      }
      throw new Error(`subscription of chat ${fromChatId} kept changing; migration abandoned`);
    },
  };
}

export function memorySubscriptionBackend(): SubscriptionBackend {
  const records = new Map<number, string>();
  return {
    async read(chatId) {
      return records.get(chatId) ?? null;
    },
    async cas(chatId, expected, next) {
      if ((records.get(chatId) ?? null) !== expected) return false;
      records.set(chatId, next);
      return true;
    },
    async readAll() {
      return [...records.values()];
    },
    async move(from, expected, to, next) {
      if (records.get(from) !== expected) return false;
      records.delete(from);
      records.set(to, next);
      return true;
    },
  };
}

const casScript = redisScript(`
local cur = redis.call('HGET', KEYS[1], ARGV[1])
if (ARGV[2] == '0' and cur == false) or (ARGV[2] == '1' and cur == ARGV[3]) then
  redis.call('HSET', KEYS[1], ARGV[1], ARGV[4])
  return 1
end
return 0`);

const moveScript = redisScript(`
if redis.call('HGET', KEYS[1], ARGV[1]) ~= ARGV[2] then return 0 end
redis.call('HDEL', KEYS[1], ARGV[1])
redis.call('HSET', KEYS[1], ARGV[3], ARGV[4])
return 1`);

/** All records in one hash (`<prefix>subs`), field = chat id. */
export function redisSubscriptionBackend(redis: Redis, prefix: string): SubscriptionBackend {
  const key = `${prefix}subs`;
  return {
    read: (chatId) => redis.hget(key, String(chatId)),
    async cas(chatId, expected, next) {
      const args = [String(chatId), expected === null ? "0" : "1", expected ?? "", next];
      return (await casScript(redis, [key], args)) === 1;
    },
    async readAll() {
      return redis.hvals(key);
    },
    async move(from, expected, to, next) {
      return (await moveScript(redis, [key], [String(from), expected, String(to), next])) === 1;
    },
  };
}
