import type { Redis } from "ioredis";
import { ALERT_KINDS, type AlertKind } from "../models/alert.js";

/**
 * What a chat can route: every alert kind, personal rules (`rule`) and digests (`digest`).
 * A function, not a constant list, so kinds added to ALERT_KINDS route without a change here.
 */
export type RouteKind = AlertKind | "rule" | "digest";
export const routeKinds = (): RouteKind[] => [...new Set<RouteKind>([...ALERT_KINDS, "rule", "digest"])];

/** The person who set a route or linked a channel: told when it stops working. */
export interface RouteAdmin {
  id: number;
  name: string;
}

/** A forum topic of the chat (`message_thread_id`), with its name when the bot saw it. */
export interface RouteTopic {
  threadId: number;
  name: string | null;
}

/** A channel the chat posts chosen kinds to. Inactive after a permission error, until relinked. */
export interface ChannelLink {
  id: number;
  title: string;
  kinds: RouteKind[];
  active: boolean;
  /** Why it stopped (Telegram's words), when inactive. */
  reason?: string;
  by: RouteAdmin;
}

/** Where one chat's alerts go, per kind. Kinds without a topic or channel go to the chat itself. */
export interface ChatRoutes {
  chatId: number;
  topics: Partial<Record<RouteKind, RouteTopic>>;
  channel: ChannelLink | null;
  /** Who last changed the topic routes. */
  by: RouteAdmin | null;
}

/** Where a message goes: a chat, and a topic in it (absent = General, or a chat without topics). */
export interface Destination {
  chatId: number;
  threadId?: number;
  via: "chat" | "topic" | "channel";
}

/**
 * Where an alert of `kind` for `chatId` goes. Pure: an active channel link that takes the kind
 * wins, then the kind's topic, else the chat itself. Unknown kinds (notices) go to the chat.
 */
export function destinationFor(routes: ChatRoutes | null, chatId: number, kind: string): Destination {
  const k = kind as RouteKind;
  const channel = routes?.channel;
  if (channel?.active && channel.kinds.includes(k)) return { chatId: channel.id, via: "channel" };
  const topic = routes?.topics[k];
  if (topic) return { chatId, threadId: topic.threadId, via: "topic" };
  return { chatId, via: "chat" };
}

/** Per-chat routes, shared by every bot process on Redis. */
export interface RouteStore {
  /** Null when the chat never routed anything. */
  get(chatId: number): Promise<ChatRoutes | null>;
  /** Sends `kinds` to `topic` (null = back to General). */
  setTopic(chatId: number, kinds: RouteKind[], topic: RouteTopic | null, by: RouteAdmin): Promise<ChatRoutes>;
  /**
   * Sends every kind routed to that topic back to General (the topic is gone). True only for the
   * call that removed something, so of many sends hitting the dead topic one tells the admin.
   */
  dropTopic(chatId: number, threadId: number): Promise<boolean>;
  linkChannel(chatId: number, link: Omit<ChannelLink, "active" | "reason">): Promise<ChatRoutes>;
  /** Changes which kinds the linked channel takes; null when no channel is linked. */
  setChannelKinds(chatId: number, kinds: RouteKind[]): Promise<ChatRoutes | null>;
  unlinkChannel(chatId: number): Promise<boolean>;
  /** Marks the link to `channelId` inactive; true only for the call that did (tell the admin once). */
  deactivateChannel(chatId: number, channelId: number, reason: string): Promise<boolean>;
  /** Moves a chat's routes to its new id (group -> supergroup). */
  migrate(fromChatId: number, toChatId: number): Promise<void>;
}

/*
 * One hash per chat, so each change is one atomic command and no read-modify-write races:
 *   t:<kind> = thread id · n:<thread id> = topic name · by = JSON admin
 *   ch = JSON link (without active/reason) · off:<channel id> = reason (inactive)
 */
type Fields = Record<string, string>;

const isKind = (k: string): k is RouteKind => (routeKinds() as string[]).includes(k);

function json<T>(raw: string | undefined): T | null {
  if (raw === undefined) return null;
  try {
    return JSON.parse(raw) as T;
  } catch {
    return null; // a damaged field reads as absent rather than breaking every send to the chat
  }
}

/** The routes a hash holds; fields it cannot read are skipped. */
export function routesFromFields(chatId: number, f: Fields): ChatRoutes | null {
  if (Object.keys(f).length === 0) return null;
  const topics: ChatRoutes["topics"] = {};
  for (const [field, value] of Object.entries(f)) {
    const kind = field.slice(2);
    const threadId = Number(value);
    if (field.startsWith("t:") && isKind(kind) && Number.isSafeInteger(threadId))
      topics[kind] = { threadId, name: f[`n:${threadId}`] ?? null };
  }
  const link = json<Omit<ChannelLink, "active">>(f["ch"]);
  const channel: ChannelLink | null =
    link && Number.isSafeInteger(link.id) && Array.isArray(link.kinds)
      ? {
          ...link,
          kinds: link.kinds.filter(isKind),
          active: f[`off:${link.id}`] === undefined,
          ...(f[`off:${link.id}`] !== undefined ? { reason: f[`off:${link.id}`] } : {}),
        }
      : null;
  return { chatId, topics, channel, by: json<RouteAdmin>(f["by"]) };
}

/** The small hash operations the store needs; Redis and memory implement them alike. */
interface HashOps {
  all(chatId: number): Promise<Fields>;
  set(chatId: number, fields: Fields, del?: string[]): Promise<void>;
  /** Deletes fields; the number that existed. */
  del(chatId: number, fields: string[]): Promise<number>;
  /** Sets a field only when absent; true when this call set it. */
  setNx(chatId: number, field: string, value: string): Promise<boolean>;
  move(from: number, to: number): Promise<void>;
}

function createRouteStore(h: HashOps): RouteStore {
  const get = async (chatId: number) => routesFromFields(chatId, await h.all(chatId));
  const must = async (chatId: number) => (await get(chatId)) as ChatRoutes;
  return {
    get,
    async setTopic(chatId, kinds, topic, by) {
      const fields: Fields = { by: JSON.stringify(by) };
      if (topic) {
        for (const k of kinds) fields[`t:${k}`] = String(topic.threadId);
        if (topic.name) fields[`n:${topic.threadId}`] = topic.name;
      }
      await h.set(chatId, fields, topic ? [] : kinds.map((k) => `t:${k}`));
      return must(chatId);
    },
    async dropTopic(chatId, threadId) {
      const f = await h.all(chatId);
      const gone = Object.keys(f).filter((k) => k.startsWith("t:") && f[k] === String(threadId));
      if (gone.length === 0) return false;
      return (await h.del(chatId, gone)) > 0;
    },
    async linkChannel(chatId, link) {
      await h.set(chatId, { ch: JSON.stringify(link) }, [`off:${link.id}`]);
      return must(chatId);
    },
    async setChannelKinds(chatId, kinds) {
      const current = await get(chatId);
      if (!current?.channel) return null;
      const { active: _a, reason: _r, ...link } = current.channel;
      await h.set(chatId, { ch: JSON.stringify({ ...link, kinds }) });
      return must(chatId);
    },
    async unlinkChannel(chatId) {
      const current = await get(chatId);
      if (!current?.channel) return false;
      return (await h.del(chatId, ["ch", `off:${current.channel.id}`])) > 0;
    },
    async deactivateChannel(chatId, channelId, reason) {
      const current = await get(chatId);
      if (current?.channel?.id !== channelId || !current.channel.active) return false;
      return h.setNx(chatId, `off:${channelId}`, reason.slice(0, 200));
    },
    migrate: (from, to) => h.move(from, to),
  };
}

/** On Redis: one hash per chat, `<prefix>routes:<chatId>`. */
export function redisRouteStore(redis: Redis, prefix: string): RouteStore {
  const key = (chatId: number) => `${prefix}routes:${chatId}`;
  return createRouteStore({
    all: (chatId) => redis.hgetall(key(chatId)),
    async set(chatId, fields, del = []) {
      const m = redis.multi();
      if (del.length > 0) m.hdel(key(chatId), ...del);
      m.hset(key(chatId), fields);
      await m.exec();
    },
    del: (chatId, fields) => redis.hdel(key(chatId), ...fields),
    async setNx(chatId, field, value) {
      return (await redis.hsetnx(key(chatId), field, value)) === 1;
    },
    async move(from, to) {
      if ((await redis.exists(key(from))) === 1) await redis.rename(key(from), key(to));
    },
  });
}

/** In process memory (one-process stack, tests): the same behaviour. */
export function memoryRouteStore(): RouteStore {
  const hashes = new Map<number, Fields>();
  const of = (chatId: number) => hashes.get(chatId) ?? {};
  return createRouteStore({
    all: async (chatId) => ({ ...of(chatId) }),
    async set(chatId, fields, del = []) {
      const f = { ...of(chatId) };
      for (const d of del) delete f[d];
      hashes.set(chatId, { ...f, ...fields });
    },
    async del(chatId, fields) {
      const f = of(chatId);
      let n = 0;
      for (const d of fields) if (d in f && delete f[d]) n++;
      return n;
    },
    async setNx(chatId, field, value) {
      const f = of(chatId);
      if (field in f) return false;
      hashes.set(chatId, { ...f, [field]: value });
      return true;
    },
    async move(from, to) {
      const f = hashes.get(from);
      if (!f) return;
      hashes.delete(from);
      hashes.set(to, f);
    },
  });
}
