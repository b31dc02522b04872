import { UnknownSymbolError } from "../models/errors.js";
import type { Instrument } from "../models/market.js";
import type { CallOptions, Lane } from "../models/result.js";
import { guessSymbol, matchSymbol, suggestSymbols } from "./rules.js";

/** Where the symbol lists come from (the cached client functions). */
export interface SymbolsOptions {
  /** The supported coins; fails (never answers empty) when CoinGlass gave no usable list. */
  loadCoins(o: CallOptions): Promise<string[]>;
  loadPairs(o: CallOptions): Promise<Instrument[]>;
}

/** Symbol resolution over the cached supported-coins and supported-exchange-pairs lists. */
export interface Symbols {
  /**
   * `btc/usdt` -> `BTC`; rejects with `UnknownSymbolError` (up to 3 suggestions), or with the
   * upstream error when there is no coin list to judge by (never "unknown" then).
   */
  resolve(input: string, o?: CallOptions): Promise<string>;
  /**
   * Run `work` for the coin `input` names without waiting for the coin list: when the list is not
   * loaded yet, `work` starts at once with the best guess while the list loads, and runs again
   * only if the list says otherwise. Unknown input still rejects with `UnknownSymbolError`.
   */
  withCoin<T>(input: string, o: CallOptions, work: (coin: string) => Promise<T>): Promise<T>;
  /** The exchange's instrument id for a coin (`BTC` on Binance -> `BTCUSDT`, on Hyperliquid -> `BTC`). */
  pair(coin: string, exchange: string): string;
  /** Supported coins, sorted. */
  list(o?: CallOptions): Promise<string[]>;
  /** Load both lists (call at start, background lane). */
  warm(lane?: Lane): Promise<void>;
}

/** Pick an exchange's instrument for a coin: USDT-margined perpetual first, then USD. */
function pickInstrument(list: Instrument[]): string | undefined {
  const rank = (i: Instrument) => (i.quoteAsset === "USDT" ? 0 : i.quoteAsset === "USD" ? 1 : 2);
  return [...list].sort((a, b) => rank(a) - rank(b) || a.instrumentId.length - b.instrumentId.length)[0]
    ?.instrumentId;
}

/** How long a loaded coin list is used before it is read from the cache again (ms). */
const RECHECK_MS = 1_000;
/** Inputs whose coin is remembered for the loaded list (bounded: cleared when full). */
const MAX_REMEMBERED = 10_000;

export function createSymbols(opts: SymbolsOptions): Symbols {
  let coinsRef: string[] | null = null;
  let coinSet = new Set<string>();
  let sorted: string[] = [];
  let pairsRef: Instrument[] | null = null;
  let pairIndex = new Map<string, string>();

  /** When the coin list was last read from the cache (ms). */
  let checkedAt = 0;
  /**
   * Input as typed -> its coin under the loaded list: a hot path resolves the same few spellings
   * per request, and the matching rules (upper-casing, suffixes, thousand-unit names) are pure.
   */
  let remembered = new Map<string, string>();

  // A hot path resolves a symbol per request; the list's cache (POLICY.reference) is fresh for a
  // minute, so reading it again within a second would only cost a cache read per request.
  const recent = () => coinsRef !== null && Date.now() - checkedAt < RECHECK_MS;

  async function coins(o: CallOptions): Promise<Set<string>> {
    if (recent()) return coinSet;
    const list = await opts.loadCoins(o);
    checkedAt = Date.now();
    if (list !== coinsRef) {
      coinsRef = list;
      remembered = new Map();
      coinSet = new Set(list.map((c) => c.toUpperCase()));
      sorted = [...coinSet].sort();
    }
    return coinSet;
  }

  async function pairs(o: CallOptions): Promise<void> {
    const list = await opts.loadPairs(o);
    if (list === pairsRef) return;
    pairsRef = list;
    const groups = new Map<string, Instrument[]>();
    for (const i of list) {
      const k = `${i.exchange}|${i.baseAsset.toUpperCase()}`;
      groups.set(k, [...(groups.get(k) ?? []), i]);
    }
    const index = new Map<string, string>();
    for (const [k, g] of groups) {
      const id = pickInstrument(g);
      if (id) index.set(k, id);
    }
    pairIndex = index;
  }

  /** The coin `input` names in the loaded list (remembered per input), or undefined. */
  function known(input: string): string | undefined {
    const coin = remembered.get(input);
    if (coin !== undefined) return coin;
    const match = matchSymbol(input, coinSet);
    if (match === null) return undefined;
    if (remembered.size >= MAX_REMEMBERED) remembered.clear();
    remembered.set(input, match);
    return match;
  }

  async function resolve(input: string, o: CallOptions = {}): Promise<string> {
    if (!recent()) await coins(o);
    const coin = known(input);
    if (coin === undefined) throw new UnknownSymbolError(input, suggestSymbols(input, sorted));
    return coin;
  }

  /** withCoin's path when the coin is not known at once: the list is old, missing, or says no. */
  async function withCoinLater<T>(input: string, o: CallOptions, work: (coin: string) => Promise<T>) {
    if (coinsRef !== null) return work(await resolve(input, o));
    const guess = guessSymbol(input);
    const early = work(guess);
    early.catch(() => {});
    const coin = await resolve(input, o);
    return coin === guess ? early : work(coin);
  }

  return {
    resolve,
    withCoin(input, o, work) {
      // The hot path: a list read within the second that knows the input starts the work at once.
      const coin = recent() ? known(input) : undefined;
      return coin === undefined ? withCoinLater(input, o, work) : work(coin);
    },
    pair(coin, exchange) {
      if (pairsRef === null) pairs({ lane: "background" }).catch(() => {});
      const known = pairIndex.get(`${exchange}|${coin}`);
      if (known) return known;
      return exchange === "Hyperliquid" ? coin : `${coin}USDT`;
    },
    async list(o = {}) {
      await coins(o);
      return sorted;
    },
    async warm(lane = "background") {
      await Promise.all([coins({ lane }), pairs({ lane })]);
    },
  };
}
