/** Facts a summary lists at most (the full answer is in structuredContent). */
const MAX_FACTS = 12;

type Json = Record<string, unknown>;

const scalar = (v: unknown): v is string | number | boolean =>
  typeof v === "string" || typeof v === "number" || typeof v === "boolean";

/** Epoch-millisecond fields (`time`, `from`, `next_funding_time`) read as ISO dates. */
const TIME_KEY = /(^|_)(time|timestamp|from|to|at)$/;
const show = (key: string, v: string | number | boolean) =>
  typeof v === "number" && TIME_KEY.test(key) && v > 1e12
    ? new Date(v).toISOString()
    : String(v).slice(0, 80);

/** `name: value` facts of an object, one level of nesting, arrays as their length. */
function facts(data: Json, prefix = ""): string[] {
  const out: string[] = [];
  for (const [k, v] of Object.entries(data)) {
    const name = `${prefix}${k}`;
    if (scalar(v)) out.push(`${name} ${show(k, v)}`);
    else if (Array.isArray(v)) out.push(`${name}: ${v.length} ${v.length === 1 ? "entry" : "entries"}`);
    else if (v !== null && typeof v === "object" && prefix === "") out.push(...facts(v as Json, `${name}.`));
  }
  return out;
}

/**
 * A few lines for clients that read text: what the answer is, its headline figures exactly as in
 * the data (nulls are left out and named as missing), and how fresh it is.
 */
export function summarize(title: string, envelope: Json): string {
  const data = (envelope.data ?? {}) as Json;
  const meta = (envelope.meta ?? {}) as Json;
  const symbol = typeof envelope.symbol === "string" ? ` — ${envelope.symbol}` : "";
  const all = facts(data);
  const shown = all.slice(0, MAX_FACTS).join("; ");
  const more = all.length > MAX_FACTS ? `; and ${all.length - MAX_FACTS} more fields` : "";
  const missing = Array.isArray(meta.missing) ? (meta.missing as string[]) : [];
  const stale = meta.stale === true ? ` Stale (${String(meta.stale_reason)}): CoinGlass did not answer.` : "";
  const gaps =
    missing.length > 0
      ? ` Missing (CoinGlass gave no value): ${missing.slice(0, 8).join(", ")}${missing.length > 8 ? " …" : ""}.`
      : "";
  return `${title}${symbol}. ${shown}${more}.\nAs of ${String(meta.as_of)}.${stale}${gaps}`;
}
