import type { Redis } from "ioredis";
import { redisScript } from "./redis-script.js";
import { FIRED_LOG_MAX, freshState, type RuleBackend, type RuleChanges } from "./rules.js";

/** Changes kept in the log the evaluator follows; a standby further behind reloads everything. */
const CHANGE_LOG_MAX = 10_000;

/** In-process rules (one-process local stack and tests). */
export function memoryRuleBackend(): RuleBackend {
  const rules = new Map<number, Map<string, string>>();
  const states = new Map<number, Map<string, string>>();
  const fired = new Map<number, string[]>();
  const log: number[] = []; // chat per change; index + 1 = change number
  const of = <V>(m: Map<number, Map<string, V>>, chat: number) => {
    const inner = m.get(chat) ?? new Map<string, V>();
    m.set(chat, inner);
    return inner;
  };
  const changed = (chat: number) => {
    log.push(chat);
  };
  return {
    async readChats(chatIds) {
      return chatIds.map((c) => ({
        rules: Object.fromEntries(rules.get(c) ?? []),
        states: Object.fromEntries(states.get(c) ?? []),
      }));
    },
    async readOne(chatId, id) {
      return { rule: rules.get(chatId)?.get(id) ?? null, state: states.get(chatId)?.get(id) ?? null };
    },
    async create(chatId, id, text, limit) {
      const mine = of(rules, chatId);
      if (mine.has(id)) return "taken";
      if (mine.size >= limit) return "limit";
      mine.set(id, text);
      changed(chatId);
      return "ok";
    },
    async replace(chatId, id, expected, next) {
      const mine = rules.get(chatId);
      if (mine?.get(id) !== expected) return false;
      mine.set(id, next);
      const st = freshState(states.get(chatId)?.get(id));
      if (st !== undefined) of(states, chatId).set(id, st);
      changed(chatId);
      return true;
    },
    async remove(chatId, id) {
      const mine = rules.get(chatId);
      if (!mine?.delete(id)) return false;
      states.get(chatId)?.delete(id);
      if (mine.size === 0) rules.delete(chatId);
      changed(chatId);
      return true;
    },
    async count(chatId) {
      return rules.get(chatId)?.size ?? 0;
    },
    async chats() {
      return [...rules.keys()];
    },
    async changes(cursor): Promise<RuleChanges> {
      const at = cursor === null ? Number.NaN : Number(cursor);
      const chats = Number.isInteger(at) && at <= log.length ? [...new Set(log.slice(at))] : "all";
      return { cursor: String(log.length), chats };
    },
    async saveState(chatId, id, state, entry) {
      if (!rules.get(chatId)?.has(id)) return false;
      of(states, chatId).set(id, state);
      if (entry !== null) {
        const list = fired.get(chatId) ?? [];
        list.unshift(entry);
        fired.set(chatId, list.slice(0, FIRED_LOG_MAX));
      }
      return true;
    },
    async fired(chatId) {
      return fired.get(chatId) ?? [];
    },
  };
}

// KEYS: rules hash, states hash, chats set, change counter, change log. The change log entry
// carries its number, so a reader can tell when entries it never saw were trimmed away.
const LOG_CHANGE = `
local n = redis.call('INCR', KEYS[4])
redis.call('XADD', KEYS[5], 'MAXLEN', '~', ${CHANGE_LOG_MAX}, '*', 'n', n, 'c', ARGV[1])`;

// ARGV: chat, id, text, limit
const createScript = redisScript(`
if redis.call('HEXISTS', KEYS[1], ARGV[2]) == 1 then return 'taken' end
if redis.call('HLEN', KEYS[1]) >= tonumber(ARGV[4]) then return 'limit' end
redis.call('HSET', KEYS[1], ARGV[2], ARGV[3])
redis.call('SADD', KEYS[3], ARGV[1])
${LOG_CHANGE}
return 'ok'`);

// ARGV: chat, id, expected, next. The state goes back to fresh ("-1"), its count stays.
const replaceScript = redisScript(`
if redis.call('HGET', KEYS[1], ARGV[2]) ~= ARGV[3] then return 0 end
redis.call('HSET', KEYS[1], ARGV[2], ARGV[4])
local st = redis.call('HGET', KEYS[2], ARGV[2])
if st then
  local bar = string.find(st, '|', 1, true)
  if bar then redis.call('HSET', KEYS[2], ARGV[2], '-1' .. string.sub(st, bar)) end
end
${LOG_CHANGE}
return 1`);

// ARGV: chat, id
const removeScript = redisScript(`
if redis.call('HDEL', KEYS[1], ARGV[2]) == 0 then return 0 end
redis.call('HDEL', KEYS[2], ARGV[2])
if redis.call('HLEN', KEYS[1]) == 0 then redis.call('SREM', KEYS[3], ARGV[1]) end
${LOG_CHANGE}
return 1`);

// KEYS: rules hash, states hash, fired list. ARGV: id, state, fired entry or "", cap.
const saveStateScript = redisScript(`
if redis.call('HEXISTS', KEYS[1], ARGV[1]) == 0 then return 0 end
redis.call('HSET', KEYS[2], ARGV[1], ARGV[2])
if ARGV[3] ~= '' then
  redis.call('LPUSH', KEYS[3], ARGV[3])
  redis.call('LTRIM', KEYS[3], 0, tonumber(ARGV[4]) - 1)
end
return 1`);

/**
 * Rules on Redis. Per chat: `<prefix>rule:r:<chat>` (hash id -> rule), `rule:s:<chat>` (hash id ->
 * state, only for rules the evaluator has looked at) and `rule:f:<chat>` (capped fired log);
 * shared: `rule:chats` (set), `rule:n` (change counter) and `rule:log` (stream of changed chats).
 */
export function redisRuleBackend(redis: Redis, prefix: string): RuleBackend {
  const p = `${prefix}rule:`;
  const keysOf = (chat: number) => [`${p}r:${chat}`, `${p}s:${chat}`, `${p}chats`, `${p}n`, `${p}log`];
  const pairs = (flat: string[]) => {
    const out: Record<string, string> = {};
    for (let i = 0; i + 1 < flat.length; i += 2) out[flat[i] as string] = flat[i + 1] as string;
    return out;
  };
  return {
    async readChats(chatIds) {
      const out: { rules: Record<string, string>; states: Record<string, string> }[] = [];
      // Pipelined in slices: one round trip per slice, bounded reply size.
      for (let i = 0; i < chatIds.length; i += 1000) {
        const pipe = redis.pipeline();
        for (const c of chatIds.slice(i, i + 1000)) pipe.hgetall(`${p}r:${c}`).hgetall(`${p}s:${c}`);
        const replies = (await pipe.exec()) ?? [];
        for (let j = 0; j < replies.length; j += 2) {
          const [e1, r] = replies[j] ?? [];
          const [e2, s] = replies[j + 1] ?? [];
          if (e1 || e2) throw e1 ?? e2;
          out.push({
            rules: (r ?? {}) as Record<string, string>,
            states: (s ?? {}) as Record<string, string>,
          });
        }
      }
      return out;
    },
    async readOne(chatId, id) {
      const [rule, state] = await Promise.all([
        redis.hget(`${p}r:${chatId}`, id),
        redis.hget(`${p}s:${chatId}`, id),
      ]);
      return { rule, state };
    },
    async create(chatId, id, text, limit) {
      return (await createScript(redis, keysOf(chatId), [chatId, id, text, limit])) as
        | "ok"
        | "limit"
        | "taken";
    },
    async replace(chatId, id, expected, next) {
      return (await replaceScript(redis, keysOf(chatId), [chatId, id, expected, next])) === 1;
    },
    async remove(chatId, id) {
      return (await removeScript(redis, keysOf(chatId), [chatId, id])) === 1;
    },
    count: (chatId) => redis.hlen(`${p}r:${chatId}`),
    async chats() {
      return (await redis.smembers(`${p}chats`)).map(Number).filter(Number.isSafeInteger);
    },
    async changes(cursor) {
      const at = cursor === null ? Number.NaN : Number(cursor.split("/")[1]);
      const streamId = cursor?.split("/")[0];
      if (!Number.isInteger(at) || !streamId) {
        const res =
          (await redis.multi().xrevrange(`${p}log`, "+", "-", "COUNT", 1).get(`${p}n`).exec()) ?? [];
        const newest = (res[0]?.[1] ?? []) as [string, string[]][];
        const n = res[1]?.[1] as string | null | undefined;
        return { cursor: `${newest[0]?.[0] ?? "0-0"}/${Number(n ?? 0)}`, chats: "all" };
      }
      const rows = await redis.xrange(`${p}log`, `(${streamId}`, "+", "COUNT", CHANGE_LOG_MAX);
      if (rows.length === 0) return { cursor: cursor as string, chats: [] };
      const fields = rows.map(([, f]) => pairs(f));
      const gap = Number(fields[0]?.n) !== at + 1;
      const last = rows[rows.length - 1] as [string, string[]];
      const chats = [...new Set(fields.map((f) => Number(f.c)).filter(Number.isSafeInteger))];
      return { cursor: `${last[0]}/${Number(fields[fields.length - 1]?.n)}`, chats: gap ? "all" : chats };
    },
    async saveState(chatId, id, state, entry) {
      const keys = [`${p}r:${chatId}`, `${p}s:${chatId}`, `${p}f:${chatId}`];
      return (await saveStateScript(redis, keys, [id, state, entry ?? "", FIRED_LOG_MAX])) === 1;
    },
    fired: (chatId) => redis.lrange(`${p}f:${chatId}`, 0, -1),
  };
}
