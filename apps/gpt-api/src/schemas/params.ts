import { PUBLIC_ALERT_KINDS } from "@teleglas/market-data-core";
import { z } from "zod";

/**
 * Query parameters with errors in plain words: what is wrong, what is allowed and an example
 * (`symbol is required, e.g. BTC`, `min_usd must be a number ≥ 0, e.g. 1000000`). The same schemas
 * validate HTTP queries and MCP tool arguments, so both answer alike.
 */
export function plainErrors(name: string, allowed: string, example: string) {
  const missing = `${name} is required, e.g. ${example}`;
  const invalid = `${name} must be ${allowed}, e.g. ${example}`;
  return { error: (issue: { input?: unknown }) => (issue.input === undefined ? missing : invalid) };
}

export const symbolParam = z
  .string(plainErrors("symbol", "a coin symbol of 1 to 32 characters", "BTC"))
  .min(1, plainErrors("symbol", "a coin symbol of 1 to 32 characters", "BTC"))
  .max(32, plainErrors("symbol", "a coin symbol of 1 to 32 characters", "BTC"))
  .meta({
    description:
      "Coin symbol as people write it: BTC, eth, SOL, BTCUSDT or btc/usdt are all accepted and resolved to the coin (BTC). An unknown symbol answers UNKNOWN_SYMBOL with suggestions; listSymbols (GET /symbols) lists every supported coin.",
    examples: ["BTC"],
  });

/** One of a fixed list of values. */
export function enumParam<const T extends readonly [string, ...string[]]>(
  name: string,
  values: T,
  example: T[number],
) {
  return z.enum(values, plainErrors(name, `one of ${values.join(", ")}`, example));
}

/**
 * A number within bounds. Query strings are turned into numbers by `strictNumbers` (decimal
 * digits only), so `0x10`, `1e400`-style overflow and a blank value are refused rather than read
 * as 16, Infinity or 0.
 */
export function numberParam(
  name: string,
  o: { min: number; max: number; integer?: boolean; example: number },
) {
  const allowed = o.integer
    ? `a whole number from ${o.min} to ${o.max}`
    : `a number ≥ ${o.min}${o.max < 1e12 ? ` and ≤ ${o.max}` : ""}`;
  const err = plainErrors(name, allowed, String(o.example));
  const n = z.number(err).min(o.min, err).max(o.max, err);
  return o.integer ? n.int(err) : n;
}

export const kindParam = enumParam("kind", PUBLIC_ALERT_KINDS, "liquidation_storm").meta({
  description: "Only alerts of this kind.",
  examples: ["liquidation_storm"],
});

const DECIMAL = /^\d+(\.\d+)?([eE]\+?\d+)?$/;

/** The names of a query schema's number parameters (optional and defaulted ones included). */
export function numberFields(query: z.ZodObject): string[] {
  const names: string[] = [];
  for (const [name, schema] of Object.entries(query.shape)) {
    let s = schema as z.ZodType;
    while (s.def.type === "optional" || s.def.type === "default" || s.def.type === "nullable") {
      s = (s.def as unknown as { innerType: z.ZodType }).innerType;
    }
    if (s.def.type === "number") names.push(name);
  }
  return names;
}

/**
 * A copy of `input` with the named fields that are strings of decimal digits turned into numbers.
 * Anything else is left for the schema to refuse in plain words.
 */
export function strictNumbers(
  input: Record<string, unknown>,
  names: readonly string[],
): Record<string, unknown> {
  if (names.length === 0) return input;
  const out = { ...input };
  for (const name of names) {
    const v = out[name];
    if (typeof v === "string" && DECIMAL.test(v)) {
      const n = Number(v);
      if (Number.isFinite(n)) out[name] = n;
    }
  }
  return out;
}
