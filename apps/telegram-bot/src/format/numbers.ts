/**
 * Numbers and times the way traders read them: `$1.25M`, `+3.4%`, `0.0100%`, `3 min ago`.
 * Every helper turns `null` into "n/a" — a missing value is never shown as 0.
 */
export const NA = "n/a";

/** Escape text for Telegram's HTML parse mode (only `<`, `>` and `&` are special). */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

const trim = (s: string) => (s.includes(".") ? s.replace(/\.?0+$/, "") : s);

/** Compact US dollars: `$1.25M`, `$980K`, `$12.5B`, `-$3.1K`, `$740`. */
export function usd(n: number | null | undefined): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return NA;
  const sign = n < 0 ? "-" : "";
  const a = Math.abs(n);
  const units: Array<[number, string]> = [
    [1e12, "T"],
    [1e9, "B"],
    [1e6, "M"],
    [1e3, "K"],
  ];
  for (const [size, suffix] of units) {
    // 999,950 would print as "$1000K": let it climb to the next unit instead.
    if (a >= size * 0.99995) return `${sign}$${trim((a / size).toFixed(2))}${suffix}`;
  }
  return `${sign}$${trim(a.toFixed(2))}`;
}

/** A price with the precision its size needs: `$97,120.5`, `$3.4512`, `$0.00001234`. */
export function price(n: number | null | undefined): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return NA;
  const a = Math.abs(n);
  const digits = a >= 1000 ? 2 : a >= 1 ? 4 : 8;
  const text = a >= 1 ? n.toFixed(digits) : n.toPrecision(4);
  const [int, frac] = trim(text).split(".");
  const grouped = (int ?? "").replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `$${frac ? `${grouped}.${frac}` : grouped}`;
}

/** A signed percent change: `+3.4%`, `-0.12%`, `0%`. */
export function pct(n: number | null | undefined, digits = 2): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return NA;
  const text = trim(Math.abs(n).toFixed(digits));
  if (text === "0") return "0%";
  return `${n > 0 ? "+" : "-"}${text}%`;
}

/**
 * A level's signed distance from the price: one decimal, more within 0.1% of the price, so a level
 * just below it reads `-0.02%`, never `0%` (which side it is on matters to a trader).
 */
export function distancePct(n: number | null | undefined): string {
  if (n === null || n === undefined || n === 0 || !Number.isFinite(n)) return pct(n, 1);
  return pct(n, Math.min(4, Math.max(1, Math.ceil(-Math.log10(Math.abs(n))))));
}

/** A share or level in percent, unsigned: `62.5%`. */
export function share(n: number | null | undefined, digits = 1): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return NA;
  return `${trim(n.toFixed(digits))}%`;
}

/** A funding rate in percent per interval, always 4 decimals: `0.0100%`, `-0.0052%`. */
export function rate(n: number | null | undefined): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return NA;
  return `${n.toFixed(4)}%`;
}

/** A plain number with up to `digits` decimals: RSI `71.3`, ratio `1.42`. */
export function num(n: number | null | undefined, digits = 2): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return NA;
  return trim(n.toFixed(digits));
}

/** A quantity with thousands separators and no decimals: `753,938`. */
export function qty(n: number | null | undefined): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return NA;
  return Math.round(n).toLocaleString("en-US");
}

/** A UTC time: `2026-11-22 22:20 UTC` (or with seconds). */
export function utc(ms: number | null | undefined, seconds = false): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return NA;
  const iso = new Date(ms).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, seconds ? 19 : 16)} UTC`;
}

const AGO = {
  en: { now: "just now", s: "s", min: "min", h: "h", d: "d", ago: "ago", in: "in" },
  id: { now: "baru saja", s: "dtk", min: "mnt", h: "jam", d: "hari", ago: "lalu", in: "dalam" },
} as const;

/** How long ago (or, for a future time, how soon): `3 min ago`, `in 2 h`, `just now`. */
export function ago(ms: number | null | undefined, now: number, lang: "en" | "id" = "en"): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return NA;
  const w = AGO[lang];
  const diff = now - ms;
  const a = Math.abs(diff);
  if (a < 5_000) return w.now;
  const [value, unit] =
    a < 60_000
      ? [Math.round(a / 1000), w.s]
      : a < 3_600_000
        ? [Math.round(a / 60_000), w.min]
        : a < 86_400_000
          ? [Math.round(a / 3_600_000), w.h]
          : [Math.round(a / 86_400_000), w.d];
  if (diff < 0) return `${w.in} ${value} ${unit}`;
  return `${value} ${unit} ${w.ago}`;
}

/** A duration: `1 h 5 min`, `42 s`. */
export function duration(ms: number): string {
  const s = Math.floor(ms / 1000);
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min`;
  const h = Math.floor(m / 60);
  if (h < 48) return `${h} h ${m % 60} min`;
  return `${Math.floor(h / 24)} d ${h % 24} h`;
}
