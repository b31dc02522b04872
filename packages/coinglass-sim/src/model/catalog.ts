/**
 * The static universe: coins (with realistic magnitudes), the exchanges the model trades on, and
 * which pair each exchange lists for each coin. Pairs are not always coin+USDT: Hyperliquid lists
 * bare coins (`BTC`) and thousand-unit coins with a `k` prefix (`kPEPE`), which is why clients
 * must map coin -> pair through supported-exchange-pairs.
 */

export interface CoinSpec {
  symbol: string;
  /** Reference USD price at the model's origin. */
  price: number;
  /** Market cap in billions of USD at the reference price. */
  capB: number;
  /** Open interest across exchanges in billions of USD. */
  oiB: number;
  /** 24h futures volume across exchanges in billions of USD. */
  volB: number;
  /** Daily volatility as a fraction. */
  vol: number;
}

const c = (
  symbol: string,
  price: number,
  capB: number,
  oiB: number,
  volB: number,
  vol = 0.045,
): CoinSpec => ({
  symbol,
  price,
  capB,
  oiB,
  volB,
  vol,
});

/** Coins in market-cap order (coins-markets sorts by market cap). */
export const COINS: readonly CoinSpec[] = [
  c("BTC", 95000, 1880, 62, 85, 0.025),
  c("ETH", 3400, 410, 36, 42, 0.035),
  c("XRP", 2.3, 132, 5.2, 8.1),
  c("BNB", 650, 95, 1.2, 1.6, 0.03),
  c("SOL", 190, 91, 9.1, 12.5),
  c("DOGE", 0.32, 47, 3.1, 6.2, 0.055),
  c("ADA", 0.9, 32, 1.2, 2.1),
  c("TRX", 0.25, 21, 0.31, 0.5, 0.03),
  c("LINK", 22, 14, 1.05, 1.5),
  c("AVAX", 38, 15.5, 0.82, 1.2),
  c("SUI", 4.2, 12.5, 1.8, 2.6, 0.06),
  c("XLM", 0.42, 12.4, 0.35, 0.6),
  c("TON", 5.5, 14, 0.42, 0.5),
  c("1000SHIB", 0.022, 13, 0.35, 0.5),
  c("HBAR", 0.28, 10.6, 0.4, 0.7),
  c("DOT", 7.2, 11, 0.42, 0.6),
  c("BCH", 450, 8.9, 0.6, 0.8),
  c("LTC", 105, 7.9, 0.8, 1.1),
  c("HYPE", 25, 8.3, 1.5, 1.1, 0.07),
  c("1000PEPE", 0.019, 8, 1.2, 3.1, 0.07),
  c("UNI", 13, 7.8, 0.52, 0.7),
  c("NEAR", 5.2, 6.1, 0.48, 0.6),
  c("AAVE", 320, 4.8, 0.55, 0.8),
  c("APT", 9.5, 5.2, 0.31, 0.4),
  c("TAO", 450, 3.4, 0.28, 0.4, 0.06),
  c("ETC", 27, 4, 0.3, 0.4),
  c("ONDO", 1.4, 4.4, 0.3, 0.5, 0.06),
  c("RENDER", 7, 3.6, 0.2, 0.3, 0.06),
  c("ARB", 0.8, 3.5, 0.4, 0.5, 0.06),
  c("FIL", 5, 3.1, 0.25, 0.4),
  c("ATOM", 6.5, 2.5, 0.25, 0.3),
  c("ENA", 0.9, 2.7, 0.6, 0.9, 0.07),
  c("OP", 2, 2.5, 0.3, 0.4, 0.06),
  c("INJ", 24, 2.3, 0.3, 0.4, 0.06),
  c("WLD", 2.2, 2.1, 0.35, 0.6, 0.07),
  c("WIF", 2.1, 2.1, 0.45, 0.9, 0.08),
  c("TIA", 5.2, 2.4, 0.3, 0.4, 0.07),
  c("FET", 1.3, 3.2, 0.3, 0.5, 0.07),
  c("JUP", 0.9, 1.2, 0.2, 0.3, 0.07),
  c("SEI", 0.45, 1.8, 0.22, 0.3, 0.07),
  c("STX", 1.6, 2.4, 0.12, 0.2, 0.06),
  c("RUNE", 4.5, 1.5, 0.15, 0.25, 0.07),
  c("1000BONK", 0.03, 2.2, 0.3, 0.6, 0.08),
  c("ORDI", 35, 0.7, 0.25, 0.5, 0.08),
  c("FARTCOIN", 1.2, 1.2, 0.4, 0.9, 0.1),
];

export interface ExchangeSpec {
  name: string;
  /** Share of a coin's open interest / volume held on this exchange (before per-coin jitter). */
  weight: number;
  /** Funding interval in hours. */
  fundingHours: number;
  /** Which coins are listed: "all", "top:N" (first N coins), or an explicit exclusion list. */
  listing: { top?: number; exclude?: readonly string[] };
}

export const EXCHANGES: readonly ExchangeSpec[] = [
  { name: "Binance", weight: 0.34, fundingHours: 8, listing: {} },
  { name: "Bybit", weight: 0.17, fundingHours: 8, listing: {} },
  { name: "OKX", weight: 0.14, fundingHours: 8, listing: { exclude: ["1000BONK", "FARTCOIN", "HYPE"] } },
  { name: "Bitget", weight: 0.12, fundingHours: 8, listing: {} },
  { name: "Gate", weight: 0.08, fundingHours: 8, listing: {} },
  { name: "Hyperliquid", weight: 0.09, fundingHours: 1, listing: { exclude: ["XLM", "HBAR", "1000SHIB"] } },
  { name: "HTX", weight: 0.03, fundingHours: 8, listing: { top: 20 } },
  { name: "MEXC", weight: 0.03, fundingHours: 4, listing: { exclude: ["HYPE"] } },
];

/** Every exchange name /api/futures/supported-exchanges returns (reference §3.5). */
export const SUPPORTED_EXCHANGES: readonly string[] = [
  "OKX",
  "Binance",
  "HTX",
  "Bitmex",
  "Bitfinex",
  "Bybit",
  "Deribit",
  "Gate",
  "Kraken",
  "KuCoin",
  "CME",
  "Bitget",
  "dYdX",
  "CoinEx",
  "BingX",
  "Coinbase",
  "Gemini",
  "Crypto.com",
  "Hyperliquid",
  "Bitunix",
  "MEXC",
  "WhiteBIT",
  "Aster",
  "Lighter",
  "EdgeX",
  "Drift",
  "Paradex",
  "Extended",
  "ApeX Omni",
];

export interface PairSpec {
  exchange: string;
  coin: string;
  /** Exchange-native instrument id, e.g. `BTCUSDT`, `kPEPE`. */
  instrumentId: string;
  quote: string;
  maxLeverage: number;
  fundingHours: number;
  tickSize: number;
}

/** The exchange-native instrument id of a coin. */
function instrumentOf(exchange: string, coin: string): { id: string; quote: string } {
  if (exchange === "Hyperliquid") {
    return { id: coin.startsWith("1000") ? `k${coin.slice(4)}` : coin, quote: "USD" };
  }
  return { id: `${coin}USDT`, quote: "USDT" };
}

function listed(ex: ExchangeSpec, coinIndex: number, coin: string): boolean {
  if (ex.listing.top !== undefined && coinIndex >= ex.listing.top) return false;
  return !(ex.listing.exclude ?? []).includes(coin);
}

/** All listed pairs, exchange by exchange. */
export const PAIRS: readonly PairSpec[] = EXCHANGES.flatMap((ex) =>
  COINS.flatMap((coin, i) => {
    if (!listed(ex, i, coin.symbol)) return [];
    const { id, quote } = instrumentOf(ex.name, coin.symbol);
    const tick = 10 ** (Math.floor(Math.log10(coin.price)) - 4);
    return [
      {
        exchange: ex.name,
        coin: coin.symbol,
        instrumentId: id,
        quote,
        maxLeverage: i < 2 ? (ex.name === "Hyperliquid" ? 40 : 125) : i < 10 ? 75 : 50,
        fundingHours: ex.fundingHours,
        tickSize: Number(tick.toPrecision(1)),
      },
    ];
  }),
);
