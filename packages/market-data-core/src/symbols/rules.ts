/**
 * Pure rules for turning what people type into a CoinGlass coin. Deterministic: candidates are
 * tried in a fixed order and only exact matches against the supported list count.
 */

const QUOTES = ["USDT", "USDC", "FDUSD", "BUSD", "USD"] as const;
const CONTRACT_SUFFIXES = ["-PERP", "_PERP", "PERP", "-SWAP", "_SWAP", ".P"] as const;
const MULTIPLIERS = ["1000000", "1000"] as const;

/** Upper-case and trim; drop everything after a `/` or `:` (`btc/usdt`, `BTC:USDT`). */
function base(input: string): string {
  const s = input.trim().toUpperCase().replace(/\s+/g, "");
  const cut = s.search(/[/:]/);
  return cut > 0 ? s.slice(0, cut) : s;
}

/**
 * Candidate coin names for an input, most literal first: the input itself, then without a
 * contract suffix, then without a quote suffix (`BTCUSDT` -> `BTC`).
 */
export function symbolCandidates(input: string): string[] {
  const out: string[] = [];
  const push = (s: string) => {
    if (s.length > 0 && !out.includes(s)) out.push(s);
  };
  let s = base(input);
  push(s);
  for (const suffix of CONTRACT_SUFFIXES) {
    if (s.length > suffix.length && s.endsWith(suffix)) {
      s = s.slice(0, -suffix.length).replace(/[-_]$/, "");
      push(s);
      break;
    }
  }
  for (const quote of QUOTES) {
    if (s.length > quote.length && s.endsWith(quote)) {
      push(s.slice(0, -quote.length).replace(/[-_]$/, ""));
      break;
    }
  }
  return out;
}

/** The best guess without the supported list (used to start data calls before it is loaded). */
export function guessSymbol(input: string): string {
  const c = symbolCandidates(input);
  return c[c.length - 1] ?? "";
}

/**
 * Find `input` in `supported` (an upper-case set). Tries each candidate exactly, then the same
 * coin under a thousand-unit name (`PEPE` <-> `1000PEPE`, Hyperliquid's `kPEPE`).
 */
export function matchSymbol(input: string, supported: ReadonlySet<string>): string | null {
  const candidates = symbolCandidates(input);
  for (const c of candidates) if (supported.has(c)) return c;
  for (const c of candidates) {
    for (const m of MULTIPLIERS) {
      if (c.startsWith(m) && c.length > m.length && supported.has(c.slice(m.length)))
        return c.slice(m.length);
      if (supported.has(`${m}${c}`)) return `${m}${c}`;
    }
    // Hyperliquid writes thousand-unit coins as `kPEPE`.
    if (c.startsWith("K") && c.length > 1 && !supported.has(c.slice(1)) && supported.has(`1000${c.slice(1)}`))
      return `1000${c.slice(1)}`;
  }
  return null;
}

/** Levenshtein distance (small strings only). */
export function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      cur[j] = Math.min((prev[j] as number) + 1, (cur[j - 1] as number) + 1, (prev[j - 1] as number) + cost);
    }
    prev = cur;
  }
  return prev[b.length] as number;
}

/**
 * Up to `max` supported coins close to the input: prefix matches first, then edit distance ≤ 2,
 * ties broken alphabetically so the same input always gets the same answer.
 */
export function suggestSymbols(input: string, supported: Iterable<string>, max = 3): string[] {
  const target = guessSymbol(input);
  if (target.length === 0) return [];
  const scored: Array<{ coin: string; score: number }> = [];
  for (const coin of supported) {
    const d = editDistance(target, coin);
    const prefix = coin.startsWith(target) || target.startsWith(coin) || coin.endsWith(target);
    const score = prefix ? Math.min(d, 1) - 0.5 : d;
    if (prefix || d <= Math.min(2, Math.max(1, target.length - 1))) scored.push({ coin, score });
  }
  scored.sort((x, y) => x.score - y.score || x.coin.length - y.coin.length || x.coin.localeCompare(y.coin));
  return scored.slice(0, max).map((s) => s.coin);
}
