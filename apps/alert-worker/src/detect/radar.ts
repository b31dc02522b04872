import type { Alert } from "@teleglas/market-data-core";
import type { Rules } from "../rules/schema.js";
import { alertId, cooldownBucket } from "./alert-id.js";
import type { Emit } from "./types.js";

/**
 * The latest moment a detector's condition held on a coin, whether or not it was cooling down.
 * Detectors keep one per coin and side and update it in place (no allocation per event); the
 * window-wide values are computed only when the radar fires.
 */
export interface Qualification {
  at: number;
  side: "long" | "short" | "buy" | "sell";
  usd: number;
  count: number;
  price: number;
  firstAt(): number;
  exchanges(): string[];
}

/** One coin's radar state; detectors keep a reference so the hot path does no map lookup. */
export interface RadarState {
  coin: string;
  storm: Qualification | null;
  cluster: Qualification | null;
  until: number;
}

/**
 * Composite radar: a liquidation storm and a whale cluster on one coin within `radar.window_s` of
 * each other. It reads the storm and cluster conditions, not their alerts, so it neither consumes
 * nor waits on their cooldowns (the original's radar raced them and rarely fired).
 */
export function createRadar(rules: Rules, emit: Emit) {
  const windowMs = rules.radar.window_s * 1000;
  const cooldownMs = rules.radar.cooldown_s * 1000;
  const states = new Map<string, RadarState>();

  const stateOf = (coin: string): RadarState => {
    let s = states.get(coin);
    if (!s) {
      s = { coin, storm: null, cluster: null, until: 0 };
      states.set(coin, s);
    }
    return s;
  };

  const check = (s: RadarState) => {
    const coin = s.coin;
    const { storm, cluster } = s;
    if (!storm || !cluster || Math.abs(storm.at - cluster.at) > windowMs) return;
    const at = Math.max(storm.at, cluster.at);
    if (at < s.until) return;
    s.until = at + cooldownMs;
    // A short squeeze (shorts liquidated) pushes price up, like buyers; longs liquidated push it down.
    const stormBull = storm.side === "short";
    const clusterBull = cluster.side === "buy";
    const pressure = stormBull === clusterBull ? (stormBull ? "bullish" : "bearish") : "mixed";
    const alert: Alert = {
      id: alertId("radar", [coin, cooldownBucket(at, cooldownMs)]),
      kind: "radar",
      symbol: coin,
      side: pressure === "mixed" ? "mixed" : pressure === "bullish" ? "buy" : "sell",
      usd: storm.usd + cluster.usd,
      count: storm.count + cluster.count,
      window_s: rules.radar.window_s,
      exchanges: [...new Set([...storm.exchanges(), ...cluster.exchanges()])].sort(),
      price: cluster.at >= storm.at ? cluster.price : storm.price,
      first_at: Math.min(storm.firstAt(), cluster.firstAt()),
      last_at: at,
      severity: "critical",
      detail: {
        pressure,
        storm: { side: storm.side, usd: storm.usd, count: storm.count },
        cluster: { side: cluster.side, usd: cluster.usd, count: cluster.count },
      },
    };
    emit({ alert, cooldownKey: `radar:${coin}`, cooldownMs });
  };

  return {
    stateOf,
    /** A storm condition holds on the coin (called on every event while it holds: keep it cheap). */
    storm(s: RadarState, q: Qualification) {
      s.storm = q;
      check(s);
    },
    cluster(s: RadarState, q: Qualification) {
      s.cluster = q;
      check(s);
    },
  };
}
export type Radar = ReturnType<typeof createRadar>;
