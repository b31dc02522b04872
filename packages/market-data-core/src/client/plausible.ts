/**
 * Values no market can have — a negative price or open interest, an RSI or fear & greed reading
 * outside 0–100, ±1e308, non-finite numbers — are upstream faults, not data. They are set to null
 * in the raw payload before mapping, so every mapper and service treats them as missing (a row
 * whose required field was one is dropped), and each is reported to `flag`.
 */

type Check = (x: number) => boolean;

/** Larger than any real USD amount, coin quantity or timestamp CoinGlass sends. */
const MAX_ABS = 1e15;
const nonNegative: Check = (x) => x >= 0;
const zeroTo100: Check = (x) => x >= 0 && x <= 100;
const PRICES = new Set(["current_price", "price", "index_price", "mark_price", "entry_price", "price_list"]);
const OHLC = new Set(["open", "high", "low", "close"]);
/** A decimal number written as a string (not an address like `0x3c…`, not an id like `BTCUSDT`). */
const DECIMAL = /^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*$|^\s*[+-]?Infinity\s*$/;

/** The rule of a raw field, or null when only the generic bounds apply. */
function ruleFor(endpoint: string, key: string | undefined): Check | null {
  if (key === undefined) return null;
  if (/^rsi(_|$)/.test(key)) return zeroTo100;
  if (key === "data_list" && endpoint.includes("fear-greed")) return zeroTo100;
  if (PRICES.has(key)) return nonNegative;
  if (key.startsWith("open_interest") && !key.includes("change")) return nonNegative;
  if (OHLC.has(key) && /\/(price|open-interest)\//.test(endpoint)) return nonNegative;
  return null;
}

function numeric(v: unknown): number | undefined {
  if (typeof v === "number") return v;
  if (typeof v === "string" && DECIMAL.test(v)) return Number(v);
  return undefined;
}

/** Nulls impossible values of `data` in place and returns it; `flag` hears each (field, value). */
export function dropImplausible(
  endpoint: string,
  data: unknown,
  flag: (field: string, value: string) => void,
): unknown {
  const bad = (v: unknown, key: string | undefined): boolean => {
    const n = numeric(v);
    if (n === undefined) return false;
    const rule = ruleFor(endpoint, key);
    const wrong = !Number.isFinite(n) || Math.abs(n) >= MAX_ABS || (rule !== null && !rule(n));
    if (wrong) flag(key ?? "(list)", String(v));
    return wrong;
  };
  const visit = (node: unknown, key: string | undefined): void => {
    if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) {
        if (bad(node[i], key)) node[i] = null;
        else if (typeof node[i] === "object" && node[i] !== null) visit(node[i], undefined);
      }
    } else if (typeof node === "object" && node !== null) {
      const o = node as Record<string, unknown>;
      for (const k of Object.keys(o)) {
        if (bad(o[k], k)) o[k] = null;
        else if (typeof o[k] === "object" && o[k] !== null) visit(o[k], k);
      }
    }
  };
  visit(data, undefined);
  return data;
}
