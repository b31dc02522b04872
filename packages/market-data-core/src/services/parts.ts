import type { Cached, MarketResult, StaleReason } from "../models/result.js";

/** Dotted paths of objects whose every leaf is null (listed once), and of null leaves elsewhere. */
export function nullPaths(value: unknown, prefix = ""): string[] {
  if (value === null) return [prefix];
  if (typeof value !== "object" || Array.isArray(value)) return [];
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length === 0) return [];
  const leaves = entries.flatMap(([k, v]) => leafCount(v, k));
  if (prefix && leaves.length > 0 && leaves.every((l) => l.isNull)) return [prefix];
  return entries.flatMap(([k, v]) => nullPaths(v, prefix ? `${prefix}.${k}` : k));
}

function leafCount(v: unknown, k: string): Array<{ k: string; isNull: boolean }> {
  if (v === null) return [{ k, isNull: true }];
  if (typeof v !== "object" || Array.isArray(v)) return [{ k, isNull: false }];
  return Object.entries(v as Record<string, unknown>).flatMap(([k2, v2]) => leafCount(v2, `${k}.${k2}`));
}

/**
 * Collects the upstream parts of one service call: each part runs in parallel and either gives
 * its value or `null` (its error is kept). The result's meta says how fresh the oldest part was
 * and which parts are missing. When every part failed, the first error is thrown instead.
 */
export function createParts() {
  let cached = true;
  let stale = false;
  let staleReason: StaleReason | null = null;
  let ageMs = 0;
  let asOf = Number.POSITIVE_INFINITY;
  let ok = 0;
  const errors: unknown[] = [];
  const failed: string[] = [];

  return {
    /** Await one part; `name` is listed as missing when it fails (for list-valued parts). */
    async take<T>(p: Promise<Cached<T>>, name?: string): Promise<T | null> {
      try {
        const r = await p;
        ok++;
        cached &&= r.cached;
        if (r.stale && !stale) {
          stale = true;
          staleReason = r.staleReason;
        }
        ageMs = Math.max(ageMs, r.ageMs);
        asOf = Math.min(asOf, r.asOf);
        return r.value;
      } catch (error) {
        errors.push(error);
        if (name && !failed.includes(name)) failed.push(name);
        return null;
      }
    },
    /** Name a list-valued part as missing (e.g. when the row for the coin is absent). */
    miss(name: string) {
      if (!failed.includes(name)) failed.push(name);
    },
    /** Build the result; `data`'s null fields are named in `missing` with the failed parts. */
    result<T>(data: T, symbol?: string): MarketResult<T> {
      if (ok === 0 && errors.length > 0) throw errors[0];
      const missing = [...new Set([...failed, ...nullPaths(data)])].filter((p) => p !== "");
      const when = Number.isFinite(asOf) ? asOf : Date.now();
      const meta = { cached: cached && ok > 0, stale, staleReason, ageMs, asOf: when, missing };
      return symbol === undefined ? { data, meta } : { symbol, data, meta };
    },
  };
}
export type Parts = ReturnType<typeof createParts>;

/** (bids - asks) / (bids + asks) × 100, or null. */
export function imbalancePct(bids: number | null, asks: number | null): number | null {
  if (bids === null || asks === null || bids + asks <= 0) return null;
  return ((bids - asks) / (bids + asks)) * 100;
}

/** Sum of the non-null values, or null when there are none. */
export function sumOrNull(values: Array<number | null>): number | null {
  const present = values.filter((v): v is number => v !== null);
  return present.length === 0 ? null : present.reduce((a, b) => a + b, 0);
}

/** The last element, or undefined. */
export const last = <T>(list: readonly T[] | null | undefined): T | undefined => list?.[list.length - 1];
