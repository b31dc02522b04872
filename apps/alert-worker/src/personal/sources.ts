import type { CoinGlassClient, CoinMarket, WalletPosition } from "@teleglas/market-data-core";
import { LIQ_WINDOWS, MOVE_WINDOWS, OI_WINDOWS } from "@teleglas/market-data-core";
import { seriesOf } from "./triggers.js";

/** What a round of polling must fetch, derived from the series in use (not from the rule count). */
export interface SourceNeeds {
  coinsMarkets: boolean;
  /** Exchanges some OI rule names: one coins-markets call each, with `exchange_list`. */
  oiExchanges: string[];
  fundingList: boolean;
  wallets: string[];
}

/** One round's figures: series values, each coin's price and 24h change, wallet positions. */
export interface SourceRound {
  values: Map<string, number>;
  coins: Map<string, { price: number | null; change24hPct: number | null }>;
  wallets: Map<string, WalletPosition[]>;
  /** Upstream calls made (cache hits included: each is one call through the client). */
  calls: number;
  failures: { source: string; error: unknown }[];
}

/** The sources behind a set of series names (see triggers.ts for the names). */
export function needsOf(series: Iterable<string>, wallets: string[]): SourceNeeds {
  let coinsMarkets = false;
  let fundingList = false;
  const oiExchanges = new Set<string>();
  for (const s of series) {
    const [, figure, exchange] = s.split("|");
    if (exchange === undefined) coinsMarkets = true;
    else if (figure === "funding") fundingList = true;
    else oiExchanges.add(exchange);
  }
  return { coinsMarkets, oiExchanges: [...oiExchanges].sort(), fundingList, wallets };
}

const set = (m: Map<string, number>, key: string, v: number | null | undefined) => {
  if (typeof v === "number" && Number.isFinite(v)) m.set(key, v);
};

/** The series a coins-markets row gives; a figure CoinGlass left out gives none (never 0). */
export function coinSeries(row: CoinMarket, out: Map<string, number>, exchange?: string): void {
  const s = row.symbol.toUpperCase();
  if (exchange) {
    for (const w of OI_WINDOWS) set(out, seriesOf(s, `oi:${w}`, exchange), row.openInterestChangePct[w]);
    return;
  }
  set(out, seriesOf(s, "price"), row.priceUsd);
  for (const w of MOVE_WINDOWS) set(out, seriesOf(s, `move:${w}`), row.priceChangePct[w]);
  for (const w of OI_WINDOWS) set(out, seriesOf(s, `oi:${w}`), row.openInterestChangePct[w]);
  set(out, seriesOf(s, "funding"), row.oiWeightedFundingRatePct);
  // The nearest-to-now ratio CoinGlass gives per coin.
  set(out, seriesOf(s, "ls"), row.longShortRatio["5m"]);
  for (const w of LIQ_WINDOWS) {
    const l = row.liquidations[w];
    set(out, seriesOf(s, `liq:${w}:either`), l?.totalUsd);
    set(out, seriesOf(s, `liq:${w}:longs`), l?.longUsd);
    set(out, seriesOf(s, `liq:${w}:shorts`), l?.shortUsd);
  }
}

/**
 * One round: one call per source, whatever the number of rules — coins-markets for every coin,
 * one coins-markets per exchange named by an OI rule, the funding exchange list, and one
 * user-position per watched wallet (inherently per wallet; the caller bounds how many). Calls
 * ride the background lane of the shared quota; a failed source is reported and skipped.
 */
export async function readSources(client: CoinGlassClient, needs: SourceNeeds): Promise<SourceRound> {
  const round: SourceRound = {
    values: new Map(),
    coins: new Map(),
    wallets: new Map(),
    calls: 0,
    failures: [],
  };
  const o = { lane: "background" as const };
  const jobs: Promise<void>[] = [];
  const run = (source: string, job: () => Promise<void>) => {
    round.calls++;
    jobs.push(job().catch((error: unknown) => void round.failures.push({ source, error })));
  };
  if (needs.coinsMarkets) {
    run("coins-markets", async () => {
      for (const row of (await client.fetchCoinsMarkets({}, o)).value) {
        coinSeries(row, round.values);
        round.coins.set(row.symbol.toUpperCase(), {
          price: row.priceUsd,
          change24hPct: row.priceChangePct["24h"] ?? null,
        });
      }
    });
  }
  for (const exchange of needs.oiExchanges) {
    run(`coins-markets ${exchange}`, async () => {
      for (const row of (await client.fetchCoinsMarkets({ exchangeList: [exchange] }, o)).value) {
        coinSeries(row, round.values, exchange);
      }
    });
  }
  if (needs.fundingList) {
    run("funding exchange list", async () => {
      for (const coin of (await client.fetchFundingRates(o)).value) {
        for (const r of coin.stablecoinMargin) {
          set(round.values, seriesOf(coin.symbol.toUpperCase(), "funding", r.exchange), r.per8hPct);
        }
      }
    });
  }
  for (const address of needs.wallets) {
    run(`user-position ${address}`, async () => {
      round.wallets.set(address, (await client.fetchHyperliquidUserPosition(address, o)).value);
    });
  }
  await Promise.all(jobs);
  return round;
}
