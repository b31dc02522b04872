/**
 * camelCase domain models -> snake_case fields for the GPT. Runs once per cache refresh, never
 * per request. Keys that start with a digit (`"24h"`) or are not camelCase stay as they are.
 */

const cache = new Map<string, string>();

/** `high24hUsd` -> `high_24h_usd`, `byExchange24h` -> `by_exchange_24h`, `5m` -> `5m`. */
export function snakeKey(key: string): string {
  let out = cache.get(key);
  if (out === undefined) {
    out = key
      .replace(/([a-z])([A-Z0-9])/g, "$1_$2")
      .replace(/([0-9])([A-Z])/g, "$1_$2")
      .toLowerCase();
    if (cache.size < 10_000) cache.set(key, out);
  }
  return out;
}

/**
 * Deep copy with every object key snake_cased. Fractional numbers are cut to 10 significant digits:
 * float noise such as `6349888.312500001` costs bytes and tokens and says nothing.
 */
export function toSnake(value: unknown): unknown {
  if (typeof value === "number") return Number.isInteger(value) ? value : Number(value.toPrecision(10));
  if (Array.isArray(value)) return value.map(toSnake);
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[snakeKey(k)] = toSnake(v);
    return out;
  }
  return value;
}

/** A dotted `missing` path (`price.high24hUsd`) in snake_case (`price.high_24h_usd`). */
export function snakePath(path: string): string {
  return path.split(".").map(snakeKey).join(".");
}
