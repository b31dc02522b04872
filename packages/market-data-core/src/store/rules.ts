import { randomBytes } from "node:crypto";
import {
  type FiredRule,
  type NewRule,
  NewRuleSchema,
  type Rule,
  type RulePatch,
  RuleSchema,
  type RuleState,
  type RuleWithState,
} from "../models/rule.js";
import {
  decodeFired,
  decodeRule,
  decodeState,
  decodeStoredRule,
  encodeFired,
  encodeRule,
  encodeState,
} from "../rules/codec.js";

/** What `create` did: the new rule, or the chat already has `limit` rules. */
export type CreateRuleResult = { ok: true; rule: Rule } | { ok: false; reason: "limit"; limit: number };

/** Chats whose rules changed since a cursor; "all" when the log no longer reaches back that far. */
export interface RuleChanges {
  cursor: string;
  chats: number[] | "all";
}

/**
 * Personal alert rules per chat and their evaluation state. The bot creates, lists, edits and
 * deletes; the alert worker loads everything once, follows `changes`, and saves state as rules
 * fire and re-arm. Every write is atomic per rule across processes on Redis.
 */
export interface RuleStore {
  /** Validates and stores a rule; refused when the chat already has `maxPerChat` rules (default 50). */
  create(input: NewRule, opts?: { maxPerChat?: number }): Promise<CreateRuleResult>;
  get(chatId: number, id: string): Promise<RuleWithState | null>;
  /** The chat's rules, oldest first. */
  list(chatId: number): Promise<RuleWithState[]>;
  count(chatId: number): Promise<number>;
  /** Pause or resume; a resumed rule is evaluated afresh. Null when there is no such rule. */
  setPaused(chatId: number, id: string, paused: boolean): Promise<Rule | null>;
  /** Replaces the given parts; the rule is re-armed (its crossing count is kept). */
  update(chatId: number, id: string, patch: RulePatch): Promise<Rule | null>;
  delete(chatId: number, id: string): Promise<boolean>;
  /** Every chat that has at least one rule (evaluator start-up). */
  chats(): Promise<number[]>;
  /**
   * Rules and states of many chats at once (evaluator start-up and reloads), read without the
   * schema for speed (see decodeStoredRule); `get` gives the fully checked rule.
   */
  load(chatIds: number[]): Promise<Map<number, RuleWithState[]>>;
  /** Chats changed after `cursor` (null = take a cursor now: answers "all"). */
  changes(cursor: string | null): Promise<RuleChanges>;
  /**
   * The evaluator's new state of a rule, plus a fired-log entry when it fired. A no-op (false)
   * when the rule was deleted meanwhile, so a late write never brings a rule's state back.
   */
  saveState(chatId: number, id: string, state: RuleState, fired?: FiredRule): Promise<boolean>;
  /** Rules of the chat that fired at or after `sinceMs`, newest first (a capped log: the last 50). */
  firedSince(chatId: number, sinceMs: number): Promise<FiredRule[]>;
}

/** Stored text per rule, as the Redis and memory backends keep it. */
export interface RuleBackend {
  readChats(chatIds: number[]): Promise<{ rules: Record<string, string>; states: Record<string, string> }[]>;
  readOne(chatId: number, id: string): Promise<{ rule: string | null; state: string | null }>;
  /** "taken" when the id exists in that chat already. */
  create(chatId: number, id: string, text: string, limit: number): Promise<"ok" | "limit" | "taken">;
  /** Writes `next` if the rule is still `expected`; resets its state to fresh (seq kept). */
  replace(chatId: number, id: string, expected: string, next: string): Promise<boolean>;
  remove(chatId: number, id: string): Promise<boolean>;
  count(chatId: number): Promise<number>;
  chats(): Promise<number[]>;
  changes(cursor: string | null): Promise<RuleChanges>;
  saveState(chatId: number, id: string, state: string, fired: string | null): Promise<boolean>;
  fired(chatId: number): Promise<string[]>;
}

export const DEFAULT_RULES_PER_CHAT = 50;
/** Entries kept in a chat's fired log. */
export const FIRED_LOG_MAX = 50;
const MAX_ATTEMPTS = 20;

const newId = () => BigInt(`0x${randomBytes(6).toString("hex")}`).toString(36);

export function createRuleStore(backend: RuleBackend, now: () => number): RuleStore {
  const withStates = (
    chatId: number,
    r: { rules: Record<string, string>; states: Record<string, string> },
    decode = decodeRule,
  ) => {
    const out: RuleWithState[] = [];
    for (const [id, text] of Object.entries(r.rules)) {
      const rule = decode(chatId, id, text);
      if (rule) out.push({ rule, state: decodeState(r.states[id]) });
    }
    return out.sort((a, b) => a.rule.createdAt - b.rule.createdAt || a.rule.id.localeCompare(b.rule.id));
  };

  async function change(chatId: number, id: string, edit: (r: Rule) => Rule): Promise<Rule | null> {
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const { rule: text } = await backend.readOne(chatId, id);
      const current = text === null ? null : decodeRule(chatId, id, text);
      if (text === null || current === null) return null;
      const next = RuleSchema.parse({ ...edit(current), id, chatId, updatedAt: now() });
      if (await backend.replace(chatId, id, text, encodeRule(next))) return next;
    }
    throw new Error(`rule ${id} of chat ${chatId} kept changing; update abandoned`);
  }

  return {
    async create(input, opts = {}) {
      const limit = opts.maxPerChat ?? DEFAULT_RULES_PER_CHAT;
      const base = NewRuleSchema.parse(input);
      const t = now();
      for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
        const rule = RuleSchema.parse({ ...base, id: newId(), createdAt: t, updatedAt: t });
        const outcome = await backend.create(rule.chatId, rule.id, encodeRule(rule), limit);
        if (outcome === "ok") return { ok: true, rule };
        if (outcome === "limit") return { ok: false, reason: "limit", limit };
      }
      throw new Error("no free rule id after 20 attempts");
    },
    async get(chatId, id) {
      const { rule, state } = await backend.readOne(chatId, id);
      const decoded = rule === null ? null : decodeRule(chatId, id, rule);
      return decoded ? { rule: decoded, state: decodeState(state) } : null;
    },
    async list(chatId) {
      const [r] = await backend.readChats([chatId]);
      return r ? withStates(chatId, r) : [];
    },
    count: (chatId) => backend.count(chatId),
    setPaused: (chatId, id, paused) => change(chatId, id, (r) => ({ ...r, paused })),
    update: (chatId, id, patch) => change(chatId, id, (r) => ({ ...r, ...patch })),
    delete: (chatId, id) => backend.remove(chatId, id),
    chats: () => backend.chats(),
    async load(chatIds) {
      const rows = await backend.readChats(chatIds);
      // The bulk path skips the schema (see decodeStoredRule): alerts are built from `get`.
      const empty = { rules: {}, states: {} };
      return new Map(chatIds.map((c, i) => [c, withStates(c, rows[i] ?? empty, decodeStoredRule)]));
    },
    changes: (cursor) => backend.changes(cursor),
    saveState: (chatId, id, state, fired) =>
      backend.saveState(chatId, id, encodeState(state), fired ? encodeFired(fired) : null),
    async firedSince(chatId, sinceMs) {
      const out: FiredRule[] = [];
      for (const raw of await backend.fired(chatId)) {
        const f = decodeFired(raw);
        if (f && f.at >= sinceMs) out.push(f);
      }
      return out;
    },
  };
}

/** Resets a stored state to fresh, keeping its crossing count (see RuleState.seq). */
export function freshState(stored: string | undefined): string | undefined {
  if (stored === undefined) return undefined;
  const bar = stored.indexOf("|");
  return bar < 0 ? undefined : `-1${stored.slice(bar)}`;
}
