import { createHash, randomInt } from "node:crypto";
import type { Redis } from "ioredis";
import { redisScript } from "./redis-script.js";

/**
 * One-time login codes: the bot's `/connect` gives a Telegram user a code, the API's OAuth login
 * page takes it once and makes that user the token's subject.
 *
 * A code reads `ABCD-EFGH-JKMN`: the first group names the code (its lookup), the other two are
 * its secret. Naming the code lets wrong guesses count against it: after `maxAttempts` wrong
 * secrets the code is gone, so knowing (or guessing) a lookup never lets anyone grind the secret.
 * Only a SHA-256 of the secret is stored. One live code per user: a new one ends the old one.
 */
export interface LoginCodeStore {
  issue(userId: number): Promise<{ code: string; expiresAt: number }>;
  redeem(code: string): Promise<RedeemResult>;
}

export type RedeemResult =
  | { ok: true; userId: number }
  /** malformed: not shaped like a code; unknown: no such live code; wrong: the secret did not
   * match (an attempt counted); locked: that was the last attempt, the code is gone. */
  | { ok: false; reason: "malformed" | "unknown" | "wrong" | "locked" };

export interface LoginCodeOptions {
  /** How long a code lives (default 5 minutes). */
  ttlMs?: number;
  /** Wrong secrets a code survives before it is dropped (default 5). */
  maxAttempts?: number;
  now?: () => number;
}

/** No 0/O, 1/I/L: a code is read off a phone and typed on another screen. */
const ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
const LOOKUP_LENGTH = 4;
const SECRET_LENGTH = 8;

const draw = (n: number) => Array.from({ length: n }, () => ALPHABET[randomInt(ALPHABET.length)]).join("");
const digest = (secret: string) => createHash("sha256").update(secret).digest("hex");

/** Upper-cases and drops spaces and dashes; undefined unless it has the shape of a code. */
export function parseLoginCode(input: string): { lookup: string; secret: string } | undefined {
  const plain = input.toUpperCase().replace(/[\s-]/g, "");
  if (plain.length !== LOOKUP_LENGTH + SECRET_LENGTH) return undefined;
  for (const c of plain) if (!ALPHABET.includes(c)) return undefined;
  return { lookup: plain.slice(0, LOOKUP_LENGTH), secret: plain.slice(LOOKUP_LENGTH) };
}

const format = (lookup: string, secret: string) => `${lookup}-${secret.slice(0, 4)}-${secret.slice(4)}`;

interface Entry {
  userId: number;
  hash: string;
  attempts: number;
  expiresAt: number;
}

/** In-process codes (one-process stack, tests); expired entries go on each issue past 1000. */
export function memoryLoginCodes(opts: LoginCodeOptions = {}): LoginCodeStore {
  const now = opts.now ?? Date.now;
  const ttlMs = opts.ttlMs ?? 300_000;
  const maxAttempts = opts.maxAttempts ?? 5;
  const codes = new Map<string, Entry>();
  const byUser = new Map<number, string>();
  const live = (lookup: string) => {
    const e = codes.get(lookup);
    if (e !== undefined && e.expiresAt > now()) return e;
    if (e !== undefined) codes.delete(lookup);
    return undefined;
  };
  return {
    async issue(userId) {
      if (codes.size > 1000) for (const k of [...codes.keys()]) live(k);
      const old = byUser.get(userId);
      if (old !== undefined) codes.delete(old);
      let lookup = draw(LOOKUP_LENGTH);
      while (live(lookup) !== undefined) lookup = draw(LOOKUP_LENGTH);
      const secret = draw(SECRET_LENGTH);
      const expiresAt = now() + ttlMs;
      codes.set(lookup, { userId, hash: digest(secret), attempts: 0, expiresAt });
      byUser.set(userId, lookup);
      return { code: format(lookup, secret), expiresAt };
    },
    async redeem(code) {
      const parsed = parseLoginCode(code);
      if (parsed === undefined) return { ok: false, reason: "malformed" };
      const e = live(parsed.lookup);
      if (e === undefined) return { ok: false, reason: "unknown" };
      if (e.hash === digest(parsed.secret)) {
        codes.delete(parsed.lookup);
        if (byUser.get(e.userId) === parsed.lookup) byUser.delete(e.userId);
        return { ok: true, userId: e.userId };
      }
      if (++e.attempts >= maxAttempts) {
        codes.delete(parsed.lookup);
        return { ok: false, reason: "locked" };
      }
      return { ok: false, reason: "wrong" };
    },
  };
}

// KEYS: code key, user key. ARGV: user id, secret hash, ttl ms, code-key prefix, lookup.
const ISSUE = redisScript(`
if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
local old = redis.call('GET', KEYS[2])
if old then redis.call('DEL', ARGV[4] .. old) end
redis.call('HSET', KEYS[1], 'u', ARGV[1], 'h', ARGV[2], 'a', 0)
redis.call('PEXPIRE', KEYS[1], ARGV[3])
redis.call('SET', KEYS[2], ARGV[5], 'PX', ARGV[3])
return 1`);

// KEYS: code key. ARGV: secret hash, max attempts, user-key prefix, lookup.
const REDEEM = redisScript(`
local v = redis.call('HMGET', KEYS[1], 'u', 'h')
if not v[1] then return {'unknown'} end
if v[2] == ARGV[1] then
  redis.call('DEL', KEYS[1])
  if redis.call('GET', ARGV[3] .. v[1]) == ARGV[4] then redis.call('DEL', ARGV[3] .. v[1]) end
  return {'ok', v[1]}
end
if redis.call('HINCRBY', KEYS[1], 'a', 1) >= tonumber(ARGV[2]) then
  redis.call('DEL', KEYS[1])
  return {'locked'}
end
return {'wrong'}`);

/** Codes in Redis: any API replica redeems what any bot process issued; both steps are atomic. */
export function redisLoginCodes(redis: Redis, prefix: string, opts: LoginCodeOptions = {}): LoginCodeStore {
  const now = opts.now ?? Date.now;
  const ttlMs = opts.ttlMs ?? 300_000;
  const maxAttempts = opts.maxAttempts ?? 5;
  const codeKey = `${prefix}login:c:`;
  const userKey = `${prefix}login:u:`;
  return {
    async issue(userId) {
      const secret = draw(SECRET_LENGTH);
      for (;;) {
        const lookup = draw(LOOKUP_LENGTH);
        const keys = [codeKey + lookup, userKey + userId];
        const args = [userId, digest(secret), ttlMs, codeKey, lookup];
        if ((await ISSUE(redis, keys, args)) === 1) {
          return { code: format(lookup, secret), expiresAt: now() + ttlMs };
        }
      }
    },
    async redeem(code) {
      const parsed = parseLoginCode(code);
      if (parsed === undefined) return { ok: false, reason: "malformed" };
      const args = [digest(parsed.secret), maxAttempts, userKey, parsed.lookup];
      const [status, user] = (await REDEEM(redis, [codeKey + parsed.lookup], args)) as [string, string?];
      if (status === "ok") return { ok: true, userId: Number(user) };
      return { ok: false, reason: status as "unknown" | "wrong" | "locked" };
    },
  };
}
