import {
  type FiredRule,
  initialRuleState,
  type Rule,
  type RuleKind,
  type RuleRepeat,
  RuleSchema,
  type RuleState,
} from "../models/rule.js";

/**
 * Compact text forms of rules and their state for Redis. A million rules must fit in about 200
 * bytes each, so a rule is a short positional JSON array (chat and id live in the key and field)
 * and a state is "armed|seq|lastFired|lastValue|positions". Small per-chat hashes of values this
 * short stay in Redis's listpack encoding, the densest it has.
 */

const FORMAT = 1;
const KIND_FIELDS: Record<RuleKind, readonly string[]> = {
  price: ["symbol", "op", "level"],
  move: ["symbol", "window", "direction", "pct"],
  oi: ["symbol", "window", "direction", "pct", "exchange"],
  funding: ["symbol", "op", "level", "exchange"],
  liquidations: ["symbol", "window", "side", "usd"],
  long_short: ["symbol", "op", "level"],
  wallet: ["address", "events", "symbol"],
};
const KINDS = Object.keys(KIND_FIELDS) as RuleKind[];
const b36 = (n: number) => n.toString(36);
const from36 = (s: unknown): number | null => {
  const n = typeof s === "string" && s !== "" ? Number.parseInt(s, 36) : Number.NaN;
  return Number.isSafeInteger(n) ? n : null;
};

function encodeRepeat(r: RuleRepeat): unknown {
  if (r.mode === "once") return 0;
  if (r.mode === "every") return [1, r.band];
  return [2, r.band, r.minutes];
}

function decodeRepeat(v: unknown): RuleRepeat {
  if (v === 0) return { mode: "once" };
  const [m, band, minutes] = v as [number, number, number];
  return m === 1 ? { mode: "every", band } : { mode: "at_most", band, minutes };
}

/** A rule without its chat and id, as stored. */
export function encodeRule(rule: Rule): string {
  const c = rule.condition as Record<string, unknown>;
  const cond = KIND_FIELDS[rule.condition.kind].map((f) => c[f]);
  const out: unknown[] = [
    FORMAT,
    KINDS.indexOf(rule.condition.kind),
    cond,
    encodeRepeat(rule.repeat),
    rule.expiresAt === null ? "" : b36(rule.expiresAt),
    rule.paused ? 1 : 0,
    b36(rule.createdAt),
    rule.updatedAt === rule.createdAt ? "" : b36(rule.updatedAt),
  ];
  if (rule.note !== null) out.push(rule.note);
  return JSON.stringify(out);
}

/** The stored form as a rule-shaped object, unchecked; null when it is not even that. */
function unpack(chatId: number, id: string, raw: string): Record<string, unknown> | null {
  try {
    const [format, kindIndex, cond, repeat, expires, paused, created, updated, note] = JSON.parse(raw);
    if (format !== FORMAT) return null;
    const kind = KINDS[kindIndex as number];
    if (!kind || !Array.isArray(cond)) return null;
    const condition: Record<string, unknown> = { kind };
    KIND_FIELDS[kind].forEach((f, i) => {
      condition[f] = cond[i];
    });
    return {
      id,
      chatId,
      condition,
      repeat: decodeRepeat(repeat),
      expiresAt: from36(expires),
      note: typeof note === "string" ? note : null,
      paused: paused === 1,
      createdAt: from36(created),
      updatedAt: from36(updated) ?? from36(created),
    };
  } catch {
    return null;
  }
}

/** The stored form back into a rule; null (and never a throw) for anything malformed. */
export function decodeRule(chatId: number, id: string, raw: string): Rule | null {
  const parsed = RuleSchema.safeParse(unpack(chatId, id, raw));
  return parsed.success ? parsed.data : null;
}

/** Condition fields that are numbers (or a list); the rest are strings, exchange and a wallet's coin may be null. */
const FIELD_TYPES: Record<string, string> = {
  level: "number",
  pct: "number",
  usd: "number",
  events: "object",
};
const finite = (v: unknown) => typeof v === "number" && Number.isFinite(v);

/**
 * The stored form back into a rule without the schema, for the evaluator's bulk load: a million
 * schema parses took minutes. Safe because only `encodeRule` of a schema-checked rule writes this
 * text; what is checked here (every field of the right type, numbers finite) is what keeps the
 * evaluator's index sound on a corrupted entry, and an alert is built only from `decodeRule`'s
 * fully checked rule, so a rule that passes here but not there never reaches a chat.
 */
export function decodeStoredRule(chatId: number, id: string, raw: string): Rule | null {
  const r = unpack(chatId, id, raw);
  const c = r?.condition as Record<string, unknown> | undefined;
  const repeat = r?.repeat as Record<string, unknown> | undefined;
  if (!r || !c || !repeat || !finite(r.createdAt) || !(r.expiresAt === null || finite(r.expiresAt)))
    return null;
  if (repeat.mode !== "once" && !(finite(repeat.band) && (repeat.mode === "every" || finite(repeat.minutes))))
    return null;
  for (const f of KIND_FIELDS[c.kind as RuleKind]) {
    const v = c[f];
    const type = FIELD_TYPES[f] ?? "string";
    if (v === null ? f !== "exchange" && !(f === "symbol" && c.kind === "wallet") : typeof v !== type)
      return null;
    if (type === "number" && !Number.isFinite(v)) return null;
  }
  return r as unknown as Rule;
}

/** "armed|seq|lastFired|lastValue[|positions]"; armed -1 = fresh. */
export function encodeState(s: RuleState): string {
  const parts = [
    s.fresh ? "-1" : String(s.armed),
    String(s.seq),
    s.lastFiredAt === null ? "" : b36(s.lastFiredAt),
    s.lastValue === null ? "" : String(s.lastValue),
  ];
  if (s.positions) parts.push(JSON.stringify(s.positions));
  return parts.join("|");
}

/** A stored state back; absent or garbled parts read as a fresh rule's. */
export function decodeState(raw: string | null | undefined): RuleState {
  if (!raw) return initialRuleState();
  const [a, seq, fired, value, ...rest] = raw.split("|");
  const bits = Number(a);
  const n = Number(seq);
  const state: RuleState = {
    armed: Number.isInteger(bits) && bits > 0 ? bits & 3 : 0,
    fresh: bits === -1 || !Number.isInteger(bits),
    seq: Number.isSafeInteger(n) && n > 0 ? n : 0,
    lastFiredAt: from36(fired),
    lastValue: value === undefined || value === "" || !Number.isFinite(Number(value)) ? null : Number(value),
  };
  if (rest.length > 0) {
    try {
      const p = JSON.parse(rest.join("|"));
      if (p && typeof p === "object" && !Array.isArray(p)) state.positions = p as Record<string, number>;
    } catch {
      // a garbled positions map is as good as none: the wallet is read afresh
    }
  }
  return state;
}

/** A fired-log entry: "at|ruleId|seq|value". */
export const encodeFired = (f: FiredRule) => `${b36(f.at)}|${f.ruleId}|${f.seq}|${f.value ?? ""}`;

export function decodeFired(raw: string): FiredRule | null {
  const [at, ruleId, seq, value] = raw.split("|");
  const t = from36(at);
  if (t === null || !ruleId) return null;
  return { at: t, ruleId, seq: Number(seq) || 0, value: value ? Number(value) : null };
}
