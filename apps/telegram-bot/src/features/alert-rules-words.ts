/**
 * The words and numbers of the `/alert` one-line forms: amounts (`100k`, `$1.5m`), percents
 * (`+3%`), durations (`30m`, `7d`), windows and exchange names. Pure; no grammY.
 */

/** The windows each kind watches (issue 15 §1), in the order the buttons show them. */
export const MOVE_WINDOWS = ["5m", "15m", "1h", "4h", "24h"] as const;
export const OI_WINDOWS = ["1h", "4h", "24h"] as const;
export const LIQ_WINDOWS = ["1h", "4h", "24h"] as const;
export type MoveWindow = (typeof MOVE_WINDOWS)[number];
export type OiWindow = (typeof OI_WINDOWS)[number];
export type LiqWindow = (typeof LIQ_WINDOWS)[number];

/** `1d` is how many traders write 24h. */
export function windowOf<W extends string>(token: string | undefined, allowed: readonly W[]): W | null {
  const w = token === "1d" ? "24h" : token;
  return allowed.includes(w as W) ? (w as W) : null;
}

/** `250000`, `$250,000`, `500k`, `1.5m`, `2b` as a positive number; null for anything else. */
export function amount(token: string | undefined): number | null {
  const m = /^\$?(\d+(?:\.\d+)?|\.\d+)([kmb])?$/.exec((token ?? "").replace(/[_,]/g, ""));
  if (!m) return null;
  const unit = m[2] === "k" ? 1e3 : m[2] === "m" ? 1e6 : m[2] === "b" ? 1e9 : 1;
  const n = Number(m[1]) * unit;
  return Number.isFinite(n) && n > 0 ? n : null;
}

/** `+3%`, `-0.5%`, `3`, `3%` as a signed number of percent; `sign` says whether one was typed. */
export function percent(token: string | undefined): { value: number; sign: -1 | 0 | 1 } | null {
  const m = /^([+-])?(\d+(?:\.\d+)?|\.\d+)%?$/.exec(token ?? "");
  if (!m) return null;
  const sign = m[1] === "-" ? -1 : m[1] === "+" ? 1 : 0;
  const value = Number(m[2]) * (sign === -1 ? -1 : 1);
  return Number.isFinite(value) ? { value, sign } : null;
}

const UNIT_MINUTES: Record<string, number> = { m: 1, min: 1, h: 60, d: 1440, w: 10080 };

/** `30m`, `2h`, `7d`, `1w` in minutes; null for anything else. */
export function minutes(token: string | undefined): number | null {
  const m = /^(\d+)(m|min|h|d|w)$/.exec(token ?? "");
  if (!m) return null;
  const n = Number(m[1]) * (UNIT_MINUTES[m[2] ?? ""] ?? Number.NaN);
  return Number.isSafeInteger(n) && n > 0 ? n : null;
}

/** `2026-12-31` as the end of that UTC day, in epoch ms; null when not a real date. */
export function endOfDay(token: string | undefined): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(token ?? "");
  if (!m) return null;
  const start = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  // Date.UTC rolls 2026-02-31 over to March: only a date that reads back the same is real.
  if (!Number.isFinite(start) || new Date(start).toISOString().slice(0, 10) !== token) return null;
  return start + 86_400_000 - 1;
}

/** CoinGlass's spelling of the exchanges traders name most (the funding and OI lists use it). */
const EXCHANGES: Record<string, string> = {
  binance: "Binance",
  okx: "OKX",
  bybit: "Bybit",
  bitget: "Bitget",
  gate: "Gate",
  hyperliquid: "Hyperliquid",
  deribit: "Deribit",
  bingx: "BingX",
  mexc: "MEXC",
  htx: "HTX",
  kucoin: "KuCoin",
  coinbase: "Coinbase",
  bitmex: "BitMEX",
  kraken: "Kraken",
  bitfinex: "Bitfinex",
  dydx: "dYdX",
  whitebit: "WhiteBIT",
  coinex: "CoinEx",
};

/** A known exchange name (any case), in CoinGlass's spelling; null otherwise. */
export const exchangeOf = (token: string | undefined): string | null => EXCHANGES[token ?? ""] ?? null;

/** Kind words as traders type them (English, with the common short forms). */
export const KIND_WORDS: Record<string, string> = {
  price: "price",
  p: "price",
  move: "move",
  change: "move",
  pump: "pump",
  dump: "dump",
  oi: "oi",
  openinterest: "oi",
  funding: "funding",
  fr: "funding",
  liq: "liquidations",
  liqs: "liquidations",
  liquidation: "liquidations",
  liquidations: "liquidations",
  rekt: "liquidations",
  ls: "long_short",
  "l/s": "long_short",
  longshort: "long_short",
  ratio: "long_short",
  wallet: "wallet",
};

export const ABOVE = new Set([">", "above", "over"]);
export const BELOW = new Set(["<", "below", "under"]);
