/**
 * Small readers for upstream rows. CoinGlass sends some numbers as strings and sometimes leaves
 * fields out; these turn what is there into numbers and what is not into `null` — never 0.
 */
import { CoinGlassError } from "../models/errors.js";
import type { ChangeWindow } from "../models/market.js";

export type Row = Record<string, unknown>;

/** A finite number (numeric strings coerced), else null. */
export function num(v: unknown): number | null {
  if (typeof v === "number") return Number.isFinite(v) ? v : null;
  if (typeof v === "string" && v.trim() !== "") {
    const n = Number(v);
    return Number.isFinite(n) ? n : null;
  }
  return null;
}

/** A non-empty string, else null. */
export function str(v: unknown): string | null {
  return typeof v === "string" && v.length > 0 ? v : null;
}

/** The rows of an array payload (non-objects dropped); a clear error when it is not an array. */
export function rows(data: unknown, endpoint: string): Row[] {
  return list(data, endpoint).filter(
    (r): r is Row => typeof r === "object" && r !== null && !Array.isArray(r),
  );
}

/** An array payload, or a clear error. */
export function list(data: unknown, endpoint: string): unknown[] {
  if (!Array.isArray(data)) throw new CoinGlassError(`CoinGlass ${endpoint}: expected a list`, { endpoint });
  return data;
}

/** An object payload, or a clear error. */
export function obj(data: unknown, endpoint: string): Row {
  if (typeof data !== "object" || data === null || Array.isArray(data)) {
    throw new CoinGlassError(`CoinGlass ${endpoint}: expected an object`, { endpoint });
  }
  return data as Row;
}

/** `{ "5m": row[`${prefix}5m`], ... }` for the given windows. */
export function windows<W extends ChangeWindow>(
  row: Row,
  prefix: string,
  ws: readonly W[],
): Record<W, number | null> {
  const out = {} as Record<W, number | null>;
  for (const w of ws) out[w] = num(row[`${prefix}${w}`]);
  return out;
}

/**
 * Rows whose required numeric fields are all present, mapped; incomplete rows are dropped. When
 * every row is incomplete the call fails (the part is then missing), never an empty list.
 */
export function complete<T>(
  list: Row[],
  endpoint: string,
  required: readonly string[],
  map: (r: Row, n: Record<string, number>) => T,
): T[] {
  const out: T[] = [];
  for (const r of list) {
    const n: Record<string, number> = {};
    let ok = true;
    for (const k of required) {
      const v = num(r[k]);
      if (v === null) {
        ok = false;
        break;
      }
      n[k] = v;
    }
    if (ok) out.push(map(r, n));
  }
  if (out.length === 0 && list.length > 0) unreadable(endpoint, required.join(", "));
  return out;
}

/**
 * CoinGlass answered rows but not one was readable: the figure is missing, not zero (an empty
 * list would read as "nothing happened").
 */
export function unreadable(endpoint: string, fields: string): never {
  throw new CoinGlassError(`CoinGlass ${endpoint}: no row had a readable ${fields}`, { endpoint });
}

/** Sort by `time` ascending (history endpoints are oldest first; be sure). */
export function byTime<T extends { time: number }>(list: T[]): T[] {
  return list.sort((a, b) => a.time - b.time);
}

/** Rows that carry a non-empty string `field` (e.g. `symbol`, `exchange`), mapped with it. */
export function keyed<T>(
  data: unknown,
  endpoint: string,
  field: string,
  map: (key: string, r: Row) => T,
): T[] {
  const list = rows(data, endpoint);
  const out = list.flatMap((r) => {
    const key = str(r[field]);
    return key ? [map(key, r)] : [];
  });
  if (out.length === 0 && list.length > 0) unreadable(endpoint, field);
  return out;
}
