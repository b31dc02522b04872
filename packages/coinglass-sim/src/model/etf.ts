/**
 * Spot-ETF flows: per fund and trading day, a pure function of (seed, fund, day), plus days the
 * control API injects. A day's total is always the sum of its funds' figures, and combined net
 * assets follow from the flows and the coin's price, so the endpoints agree with each other.
 */
import type { Market, ModelCoin } from "./market.js";
import { DAY_MS } from "./market.js";
import { hashString, round, valueNoise } from "./prng.js";

export interface EtfFamily {
  /** Coin of the underlying, e.g. "BTC". */
  coin: string;
  /** First trading day, epoch ms (00:00 UTC). */
  launch: number;
  funds: readonly { ticker: string; weight: number }[];
  /** Typical absolute daily net flow of the whole family, USD. */
  scaleUsd: number;
  /** Funds may have no figure on quiet days (the SOL and XRP examples leave `flow_usd` out). */
  sparse: boolean;
}

const utc = (s: string) => Date.parse(`${s}T00:00:00Z`);
const funds = (list: string, weights: number[]) =>
  list.split(" ").map((ticker, i) => ({ ticker, weight: weights[i] ?? 0.02 }));

/** Families by path segment of `/api/etf/{segment}/...` (and `hk-bitcoin` for Hong Kong). */
export const ETF_FAMILIES: Readonly<Record<string, EtfFamily>> = {
  bitcoin: {
    coin: "BTC",
    launch: utc("2024-01-11"),
    funds: funds(
      "IBIT FBTC GBTC ARKB BITB HODL BTC BRRR EZBC BTCO BTCW DEFI",
      [0.45, 0.2, 0.12, 0.07, 0.05, 0.03, 0.03, 0.02, 0.01, 0.01, 0.005, 0.005],
    ),
    scaleUsd: 400e6,
    sparse: false,
  },
  ethereum: {
    coin: "ETH",
    launch: utc("2024-07-23"),
    funds: funds(
      "ETHA FETH ETHE ETH ETHW ETHV QETH EZET CETH",
      [0.5, 0.2, 0.1, 0.08, 0.05, 0.03, 0.02, 0.01],
    ),
    scaleUsd: 120e6,
    sparse: false,
  },
  solana: {
    coin: "SOL",
    launch: utc("2025-10-28"),
    funds: funds("BSOL VSOL FSOL TSOL GSOL", [0.6, 0.15, 0.1, 0.05, 0.1]),
    scaleUsd: 20e6,
    sparse: true,
  },
  xrp: {
    coin: "XRP",
    launch: utc("2025-11-13"),
    funds: funds("XRPC XRPZ XRP GXRP", [0.6, 0.15, 0.15, 0.1]),
    scaleUsd: 40e6,
    sparse: true,
  },
  "hk-bitcoin": {
    coin: "BTC",
    launch: utc("2024-04-30"),
    funds: funds("CHINAAMC HARVEST BOSERA&HASHKEY", [0.5, 0.25, 0.25]),
    scaleUsd: 8e6,
    sparse: false,
  },
};

/** At most this many trading days are served (about two and a half years). */
const MAX_DAYS = 650;

export interface EtfDay {
  timestamp: number;
  flow_usd: number;
  price_usd: number;
  etf_flows: { etf_ticker: string; flow_usd?: number }[];
}

export interface EtfModel {
  /** Published days, oldest first: weekdays before `now`'s UTC day, plus injected days. */
  days(segment: string, now: number): EtfDay[];
  /** Combined net assets per published day (holdings valued at each day's price). */
  netAssets(
    segment: string,
    now: number,
  ): { net_assets_usd: number; change_usd: number; timestamp: number; price_usd: number }[];
}

/** Injected days by family segment, keyed by day start. */
export type InjectedEtfDays = ReadonlyMap<string, ReadonlyMap<number, Record<string, number>>>;

export function createEtfModel(market: Market, injected: () => InjectedEtfDays): EtfModel {
  const coinOf = (f: EtfFamily) => market.coin(f.coin) as ModelCoin;
  const priceAt = (f: EtfFamily, day: number, now: number) =>
    round(market.price(coinOf(f), Math.min(day + DAY_MS, now)), coinOf(f).price < 10 ? 4 : 2);

  function modelFlows(seg: string, f: EtfFamily, day: number): EtfDay["etf_flows"] {
    const key = hashString(`${market.seed}:${seg}`);
    const x = day / DAY_MS;
    // A shared market mood (slow) plus each fund's own noise, so funds mostly move together.
    const mood = valueNoise(key, 1, x / 7) + 0.15;
    return f.funds.map((fund, i) => {
      const own = valueNoise(key, 10 + i, x / 2);
      if (f.sparse && Math.abs(own) < 0.35) return { etf_ticker: fund.ticker };
      const usd = Math.round((f.scaleUsd * fund.weight * (mood + 0.6 * own)) / 1e5) * 1e5;
      return { etf_ticker: fund.ticker, flow_usd: usd };
    });
  }

  function days(seg: string, now: number): EtfDay[] {
    const f = ETF_FAMILIES[seg];
    if (!f) return [];
    const today = Math.floor(now / DAY_MS) * DAY_MS;
    const extra = injected().get(seg) ?? new Map<number, Record<string, number>>();
    const starts: number[] = [];
    for (let d = Math.max(f.launch, today - MAX_DAYS * DAY_MS); d < today; d += DAY_MS) {
      const wd = new Date(d).getUTCDay();
      if ((wd !== 0 && wd !== 6) || extra.has(d)) starts.push(d);
    }
    for (const d of extra.keys()) if (d >= today && d <= now) starts.push(d);
    return starts.map((d) => {
      const set = extra.get(d);
      const flows = set
        ? f.funds.map((x) =>
            set[x.ticker] === undefined
              ? { etf_ticker: x.ticker }
              : { etf_ticker: x.ticker, flow_usd: set[x.ticker] as number },
          )
        : modelFlows(seg, f, d);
      const total = flows.reduce((s, x) => s + (x.flow_usd ?? 0), 0);
      return { timestamp: d, flow_usd: total, price_usd: priceAt(f, d, now), etf_flows: flows };
    });
  }

  return {
    days,
    netAssets(seg, now) {
      const f = ETF_FAMILIES[seg];
      if (!f) return [];
      // Holdings in coins: a seed amount bought at launch, then each day's flow at that day's price.
      let coins = (f.scaleUsd * 60) / (priceAt(f, f.launch, now) || 1);
      return days(seg, now).map((d) => {
        coins += d.flow_usd / d.price_usd;
        return {
          net_assets_usd: round(coins * d.price_usd, 2),
          change_usd: d.flow_usd,
          timestamp: d.timestamp,
          price_usd: d.price_usd,
        };
      });
    },
  };
}
