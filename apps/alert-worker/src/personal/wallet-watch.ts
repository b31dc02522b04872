import type { WalletPosition } from "@teleglas/market-data-core";
import type { LiveRule } from "./index-book.js";
import { positionsOf, type WalletChange, walletChanges } from "./live.js";

/** A wallet rule's filter: which events, which coin (null = any). */
export interface WalletFilter {
  address: string;
  events: string[];
  symbol: string | null;
}

export interface WalletOutcome {
  kind: "fired" | "cooling" | "started";
  rule: LiveRule;
  change?: WalletChange;
}

/**
 * Wallet rules by address. Each rule keeps the sizes it last saw (its own baseline, so a rule
 * added later never reports what happened before it). Polling is bounded: each round reads at
 * most `max` wallets, taking turns when more are watched.
 */
export class WalletWatch {
  private readonly rules = new Map<string, { rule: LiveRule; filter: WalletFilter }[]>();
  private turn = 0;

  add(rule: LiveRule, filter: WalletFilter): void {
    const list = this.rules.get(filter.address) ?? [];
    list.push({ rule, filter });
    this.rules.set(filter.address, list);
  }

  /** Drops removed rules (after a chat reload) and wallets nobody watches any more. */
  sweep(): void {
    for (const [address, list] of this.rules) {
      const kept = list.filter((w) => !w.rule.removed);
      if (kept.length === 0) this.rules.delete(address);
      else this.rules.set(address, kept);
    }
  }

  get watched(): number {
    return this.rules.size;
  }

  /** The wallets to read this round: all when few, else `max` of them in turn. */
  due(max: number): string[] {
    const all = [...this.rules.keys()].sort();
    if (all.length <= max) return all;
    const start = this.turn % all.length;
    this.turn += max;
    return [...all.slice(start), ...all.slice(0, start)].slice(0, max);
  }

  /** A reading of one wallet against every rule watching it; updates their state. */
  read(address: string, positions: WalletPosition[], now: number): WalletOutcome[] {
    const out: WalletOutcome[] = [];
    for (const { rule, filter } of this.rules.get(address) ?? []) {
      if (rule.removed) continue;
      const s = rule.state;
      if (rule.expiresAt !== null && now >= rule.expiresAt) {
        rule.removed = true;
        continue;
      }
      const before = s.positions;
      s.positions = positionsOf(positions);
      if (s.fresh || before === undefined) {
        s.fresh = false;
        s.armed = 1;
        out.push({ kind: "started", rule });
        continue;
      }
      const changes = walletChanges(before, positions).filter(
        (c) =>
          filter.events.includes(c.event) &&
          (filter.symbol === null || filter.symbol === c.coin.toUpperCase()),
      );
      for (const change of changes) {
        if (rule.removed) break;
        if (rule.mode === 2 && s.lastFiredAt !== null && now - s.lastFiredAt < rule.cooldownMs) {
          out.push({ kind: "cooling", rule, change });
          continue;
        }
        s.seq += 1;
        s.lastFiredAt = now;
        s.lastValue = change.valueUsd;
        if (rule.mode === 0) rule.removed = true;
        out.push({ kind: "fired", rule, change });
      }
      // Sizes changed without an event (a reduction) are still the new baseline.
      if (changes.length === 0 && JSON.stringify(before) !== JSON.stringify(s.positions)) {
        out.push({ kind: "started", rule });
      }
    }
    return out;
  }
}
