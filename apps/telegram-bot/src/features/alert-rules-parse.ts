import {
  ABOVE,
  amount,
  BELOW,
  endOfDay,
  exchangeOf,
  KIND_WORDS,
  LIQ_WINDOWS,
  type LiqWindow,
  MOVE_WINDOWS,
  type MoveWindow,
  minutes,
  OI_WINDOWS,
  type OiWindow,
  percent,
  windowOf,
} from "./alert-rules-words.js";

/**
 * What a one-line `/alert` asks for, in the rule model's shapes (market-data-core models/rule.ts);
 * `symbol` is still as typed (upper-cased) until the bot resolves it.
 */
export type AlertCondition =
  | { kind: "price"; symbol: string; op: "above" | "below"; level: number }
  | { kind: "move"; symbol: string; window: MoveWindow; direction: Direction; pct: number }
  | {
      kind: "oi";
      symbol: string;
      window: OiWindow;
      direction: Direction;
      pct: number;
      exchange: string | null;
    }
  /** `level` in percent per 8 h (0 for a sign flip); `exchange` null = OI-weighted average. */
  | {
      kind: "funding";
      symbol: string;
      op: "above" | "below" | "flip";
      level: number;
      exchange: string | null;
    }
  | {
      kind: "liquidations";
      symbol: string;
      window: LiqWindow;
      side: "either" | "longs" | "shorts";
      usd: number;
    }
  | { kind: "long_short"; symbol: string; op: "above" | "below"; level: number }
  | { kind: "wallet"; address: string; events: WalletEvent[]; symbol: null };
type Direction = "up" | "down" | "either";
export const WALLET_EVENTS = ["open", "close", "flip", "add"] as const;
type WalletEvent = (typeof WALLET_EVENTS)[number];

/** Once; every crossing (re-armed past a band); at most every N minutes. */
export type AlertRepeat = { mode: "once" } | { mode: "every" } | { mode: "at_most"; minutes: number };

export interface ParsedAlert {
  condition: AlertCondition;
  repeat: AlertRepeat;
  /** Epoch ms after which the rule stops; null = never. */
  expiresAt: number | null;
  note: string | null;
}

export type AlertRuleKind = AlertCondition["kind"];
/** What was wrong, as an i18n key suffix (`alert-bad-<code>`), the kind when known, the token. */
export interface ParseProblem {
  code:
    | "empty"
    | "coin"
    | "wallet"
    | "kind"
    | "direction"
    | "level"
    | "window"
    | "repeat"
    | "expiry"
    | "note"
    | "extra";
  kind: AlertRuleKind | null;
  token: string | null;
}
export type ParseResult = { ok: true; alert: ParsedAlert } | { ok: false; problem: ParseProblem };

export const NOTE_MAX = 200;
/** "Every N minutes" between one minute and a week. */
const EVERY_MAX_MIN = 10_080;

class Problem {
  constructor(readonly p: ParseProblem) {}
}
const fail = (code: ParseProblem["code"], kind: AlertRuleKind | null = null, token?: string): never => {
  throw new Problem({ code, kind, token: token ?? null });
};

/**
 * Parse the text after `/alert`: `BTC price > 100000`, `ETH move 5% 1h`, `SOL funding > 0.05%`,
 * `BTC oi +3% 4h`, `BTC liq > 10m 1h longs`, `BTC ls < 0.8`, `0x… wallet`, each optionally
 * followed by `once` / `every` / `every 30m`, `for 7d` / `until 2026-12-31` and `note …`.
 * Never throws: every input becomes a rule or a problem to explain.
 */
export function parseAlert(input: string, now: number): ParseResult {
  try {
    return { ok: true, alert: parse(input, now) };
  } catch (error) {
    if (error instanceof Problem) return { ok: false, problem: error.p };
    return { ok: false, problem: { code: "empty", kind: null, token: null } };
  }
}

function parse(input: string, now: number): ParsedAlert {
  const noteAt = /(?:^|\s)note:?(?:\s|$)/i.exec(input);
  const note = noteAt ? input.slice(noteAt.index + noteAt[0].length).trim() : null;
  if (note !== null && (note === "" || note.length > NOTE_MAX)) fail("note");
  const head = noteAt ? input.slice(0, noteAt.index) : input;
  const words = head
    .toLowerCase()
    .replace(/[≥]|>=/g, ">")
    .replace(/[≤]|<=/g, "<")
    .replace(/([<>])/g, " $1 ")
    .split(/\s+/)
    .filter(Boolean);
  const first = words.shift();
  if (first === undefined) return fail("empty");
  let condition: AlertCondition;
  if (first.startsWith("0x")) {
    if (!/^0x[0-9a-f]{40}$/.test(first)) fail("wallet", "wallet", first);
    if (words[0] === "wallet") words.shift();
    condition = { kind: "wallet", address: first, events: walletEvents(words), symbol: null };
  } else {
    if (!/^[a-z0-9]{1,20}$/.test(first)) fail("coin", null, first);
    // `/alert BTC > 100000` is a price alert: the kind word is optional there.
    const kindWord = ABOVE.has(words[0] ?? "") || BELOW.has(words[0] ?? "") ? "price" : words.shift();
    const kind = KIND_WORDS[kindWord ?? ""] ?? fail("kind", null, kindWord);
    condition = conditionOf(kind, first.toUpperCase(), words);
  }
  const o = options(words, now, condition.kind);
  return {
    condition,
    repeat: o.repeat ?? { mode: condition.kind === "wallet" ? "every" : "once" },
    expiresAt: o.expiresAt,
    note,
  };
}

/** `open close`: the wallet events wanted; all four when none is named. */
function walletEvents(words: string[]): WalletEvent[] {
  const picked = new Set<WalletEvent>();
  while (words[0] !== undefined) {
    const e = /^(open|close|flip|add)s?$/.exec(words[0])?.[1] as WalletEvent | undefined;
    if (!e) break;
    picked.add(e);
    words.shift();
  }
  return picked.size > 0 ? WALLET_EVENTS.filter((e) => picked.has(e)) : [...WALLET_EVENTS];
}

/** Above/below and a positive level: `> 100000`, `below 90k`. */
function threshold(words: string[], kind: "price" | "long_short") {
  const d = words.shift();
  const op = ABOVE.has(d ?? "") ? "above" : BELOW.has(d ?? "") ? "below" : fail("direction", kind, d);
  const token = words.shift();
  const level = amount(token) ?? fail("level", kind, token);
  if (kind === "long_short" && level > 100) fail("level", kind, token);
  return { op, level } as const;
}

/** `5%`, `+5%`, `-5%`, `up 5%`: a size and a direction; then a window. */
function change<W extends string>(words: string[], kind: "move" | "oi", windows: readonly W[], sign0 = 0) {
  let sign = sign0;
  if (words[0] === "up" || words[0] === "down") sign = words.shift() === "up" ? 1 : -1;
  const token = words.shift();
  const p = percent(token);
  if (!p || p.value === 0 || Math.abs(p.value) > 1000) return fail("level", kind, token);
  if (p.sign !== 0) sign = p.sign;
  const wt = words.shift();
  const window = windowOf(wt, windows) ?? fail("window", kind, wt);
  const direction: Direction = sign > 0 ? "up" : sign < 0 ? "down" : "either";
  return { window, direction, pct: Math.abs(p.value) };
}

/** `on binance` or a bare known exchange name, anywhere after the kind. */
function exchange(words: string[]): string | null {
  const at = words.findIndex((w) => exchangeOf(w) !== null);
  if (at < 0) return null;
  const name = exchangeOf(words[at]);
  const withOn = at > 0 && words[at - 1] === "on";
  words.splice(withOn ? at - 1 : at, withOn ? 2 : 1);
  return name;
}

function conditionOf(kind: string, symbol: string, words: string[]): AlertCondition {
  switch (kind) {
    case "price":
      return { kind: "price", symbol, ...threshold(words, "price") };
    case "long_short":
      return { kind: "long_short", symbol, ...threshold(words, "long_short") };
    case "move":
    case "pump":
    case "dump": {
      const sign = kind === "pump" ? 1 : kind === "dump" ? -1 : 0;
      return { kind: "move", symbol, ...change(words, "move", MOVE_WINDOWS, sign) };
    }
    case "oi": {
      const ex = exchange(words);
      return { kind: "oi", symbol, ...change(words, "oi", OI_WINDOWS), exchange: ex };
    }
    case "funding": {
      const ex = exchange(words);
      const d = words.shift();
      if (d === "flip" || d === "flips")
        return { kind: "funding", symbol, op: "flip", level: 0, exchange: ex };
      const op = ABOVE.has(d ?? "")
        ? "above"
        : BELOW.has(d ?? "")
          ? "below"
          : fail("direction", "funding", d);
      const token = words.shift();
      const p = percent(token);
      // Funding per 8 h beyond ±10 % does not happen; a bigger number is a typo.
      if (!p || Math.abs(p.value) > 10) return fail("level", "funding", token);
      return { kind: "funding", symbol, op, level: p.value, exchange: ex };
    }
    case "liquidations": {
      const sideAt = words.findIndex((w) => /^(longs?|shorts?|both|either)$/.test(w));
      const sideWord = sideAt >= 0 ? words.splice(sideAt, 1)[0] : "either";
      const side = sideWord?.startsWith("long")
        ? "longs"
        : sideWord?.startsWith("short")
          ? "shorts"
          : "either";
      if (ABOVE.has(words[0] ?? "")) words.shift();
      const token = words.shift();
      const usd = amount(token) ?? fail("level", "liquidations", token);
      const wt = words.shift();
      const window = windowOf(wt, LIQ_WINDOWS) ?? fail("window", "liquidations", wt);
      return { kind: "liquidations", symbol, window, side, usd };
    }
    default:
      return fail("kind", null, kind);
  }
}

/** The trailing options: repeat, expiry; anything else left over is named back. */
function options(words: string[], now: number, kind: AlertRuleKind) {
  let repeat: AlertRepeat | null = null;
  let expiresAt: number | null = null;
  while (words.length > 0) {
    const w = words.shift() as string;
    if (w === "once") repeat = { mode: "once" };
    else if (w === "always" || w === "repeat") repeat = { mode: "every" };
    else if (w === "every" || w === "each") {
      const n = minutes(words[0]);
      if (n !== null) {
        const t = words.shift();
        if (n > EVERY_MAX_MIN) fail("repeat", kind, t);
        repeat = { mode: "at_most", minutes: n };
      } else {
        if (words[0] === "crossing" || words[0] === "time") words.shift();
        repeat = { mode: "every" };
      }
    } else if (w === "for") {
      const t = words.shift();
      const n = minutes(t) ?? fail("expiry", kind, t);
      expiresAt = now + n * 60_000;
    } else if (w === "until") {
      const t = words.shift();
      const at = endOfDay(t);
      if (at === null || at <= now) fail("expiry", kind, t);
      expiresAt = at;
    } else fail("extra", kind, w);
  }
  return { repeat, expiresAt };
}
