/**
 * The response envelope (design.md), built from strings so the hot path never re-serializes data:
 * the data part is stringified once per cache refresh and only `timestamp`, `cached` and `age_ms`
 * are written per request.
 */
import type { StaleReason } from "@teleglas/market-data-core";

/** The part of a success envelope that is fixed for one cache generation. */
export interface PreparedBody {
  /** `","symbol":"BTC","data":{…},"meta":{"cached":` — everything between timestamp and `cached`. */
  middle: string;
  /** `,"stale":false,"stale_reason":null,"age_ms":`. */
  staleAndAge: string;
  /** `,"as_of":"…","missing":[…]}}`. */
  tail: string;
  /** Age of the oldest part when it was fetched, ms. */
  ageMs: number;
  /** Whether the core served it from its cache the first time. */
  cached: boolean;
  /** When the core answered (ms), to age the body while it is served again. */
  fetchedAt: number;
  /** The bytes last rendered for a repeat request, and the millisecond they are for. */
  repeat?: { ms: number; bytes: Buffer };
}

export interface EnvelopeMeta {
  cached: boolean;
  /** Served because CoinGlass failed (`staleReason` says how), never merely because it is old. */
  stale: boolean;
  staleReason?: StaleReason | null;
  ageMs: number;
  missing: string[];
}

/** `,"stale":…,"stale_reason":…,"age_ms":` — the part a failed refresh rewrites. */
export const staleAndAge = (reason: StaleReason | null) =>
  `,"stale":${reason !== null},"stale_reason":${reason === null ? "null" : `"${reason}"`},"age_ms":`;

/** Serialize the fixed part of a success envelope once. */
export function prepareBody(
  symbol: string | undefined,
  data: unknown,
  meta: EnvelopeMeta,
  now: number,
): PreparedBody {
  const symbolPart = symbol === undefined ? "" : `,"symbol":${JSON.stringify(symbol)}`;
  const ageMs = Math.max(0, Math.round(meta.ageMs));
  const reason = meta.stale ? (meta.staleReason ?? "upstream_error") : null;
  // The oldest part's fetch time does not move while the body is held: written once.
  const asOf = new Date(now - ageMs).toISOString();
  return {
    middle: `"${symbolPart},"data":${JSON.stringify(data)},"meta":{"cached":`,
    staleAndAge: staleAndAge(reason),
    tail: `,"as_of":"${asOf}","missing":${JSON.stringify(meta.missing)}}}`,
    ageMs,
    cached: meta.cached,
    fetchedAt: now,
  };
}

let lastMs = 0;
let lastIso = "";
/** ISO timestamp, formatted at most once per millisecond. */
export function isoNow(now: number): string {
  if (now !== lastMs) {
    lastMs = now;
    lastIso = new Date(now).toISOString();
  }
  return lastIso;
}

/**
 * The full body for one request. A body served again is `cached: true` and its age grows with
 * the time it has been held.
 */
export function renderBody(body: PreparedBody, now: number, first: boolean): string {
  const cached = first ? body.cached : true;
  const age = body.ageMs + (now - body.fetchedAt);
  return `{"success":true,"timestamp":"${isoNow(now)}${body.middle}${cached}${body.staleAndAge}${age}${body.tail}`;
}

/**
 * The bytes of a repeat answer (`cached: true`). Within one millisecond they are identical, so
 * they are encoded once per millisecond and shared by every request of that millisecond.
 */
export function renderRepeat(body: PreparedBody, now: number): Buffer {
  const last = body.repeat;
  if (last !== undefined && last.ms === now) return last.bytes;
  const bytes = Buffer.from(renderBody(body, now, false));
  body.repeat = { ms: now, bytes };
  return bytes;
}

/** Error part of the envelope. */
export interface ErrorBody {
  code: string;
  message: string;
  hint?: string;
  /** The query/path parameter at fault (INVALID_PARAM). */
  param?: string;
  /** Close supported symbols (UNKNOWN_SYMBOL). */
  suggestions?: string[];
}

/** A complete error envelope as a string (errors are rare: stringified per request). */
export function errorBody(error: ErrorBody, now = Date.now()): string {
  return JSON.stringify({ success: false, timestamp: isoNow(now), error });
}

/** A success envelope for cold routes (info, symbols, alerts): stringified per request. */
export function successBody(data: unknown, meta: EnvelopeMeta, symbol?: string, now = Date.now()): string {
  return renderBody(prepareBody(symbol, data, meta, now), now, true);
}

/** Meta of something computed right now without any upstream data. */
export const LIVE_META: EnvelopeMeta = {
  cached: false,
  stale: false,
  staleReason: null,
  ageMs: 0,
  missing: [],
};

/** LIVE_META as a core result's meta (`asOf` now), for operations that compute their answer. */
export const liveMeta = () => ({ ...LIVE_META, staleReason: null, asOf: Date.now() });
