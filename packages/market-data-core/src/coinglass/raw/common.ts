/**
 * Building blocks of the raw CoinGlass v4 schemas (written from coinglass-api.md, not from the
 * simulator). Field names are CoinGlass's snake_case; consumers map them to domain models.
 */
import { z } from "zod";

/**
 * A number CoinGlass may send as a JSON number or as a numeric string (history endpoints do).
 * Empty strings and null are rejected rather than coerced to 0 — a missing value is not zero.
 */
export const numeric = z.union([z.number(), z.string().trim().min(1)]).pipe(z.coerce.number());

/** Epoch milliseconds. */
export const epochMs = z.number();

/**
 * The response envelope `{"code":"0","msg":"success","data":...}`. `code` is documented as a
 * string but one endpoint was seen sending a number, so both are accepted (compare
 * `String(code) === "0"`); several documented examples omit `msg`.
 */
export function envelope<T extends z.ZodType>(data: T) {
  return z.object({
    code: z.union([z.string(), z.number()]),
    msg: z.string().optional(),
    data,
  });
}

/** An error body: non-"0" code, a message, no data (e.g. `{"code":"401","msg":"Upgrade plan"}`). */
export const ErrorEnvelopeSchema = z.object({
  code: z.union([z.string(), z.number()]),
  msg: z.string().optional(),
});
export type RawErrorEnvelope = z.infer<typeof ErrorEnvelopeSchema>;

/** `{prefix}{suffix}` fields of one type, e.g. `price_change_percent_5m` … `_24h`. */
export function suffixed<P extends string, S extends string, T extends z.ZodType>(
  prefix: P,
  suffixes: readonly S[],
  type: T,
): Record<`${P}${S}`, T> {
  const out: Record<string, T> = {};
  for (const s of suffixes) out[`${prefix}${s}`] = type;
  return out as Record<`${P}${S}`, T>;
}

/** OHLC rows of the history endpoints, values as numeric strings. */
export const OhlcRowSchema = z.object({
  time: epochMs,
  open: numeric,
  high: numeric,
  low: numeric,
  close: numeric,
});
export type RawOhlcRow = z.infer<typeof OhlcRowSchema>;
