import type { CoinGlassClient, FiredRule, RuleState, Stores } from "@teleglas/market-data-core";
import { ruleAlert } from "./alert.js";
import type { LiveRule, Outcome } from "./index-book.js";
import { liveRuleOf } from "./live.js";
import { RuleIndex } from "./rule-index.js";
import { needsOf, readSources, type SourceRound } from "./sources.js";
import { type WalletOutcome, WalletWatch } from "./wallet-watch.js";

export interface RuleEvaluatorOptions {
  stores: Pick<Stores, "rules" | "alerts">;
  client: CoinGlassClient;
  /** How often the sources are read (default 30 s). */
  cadenceMs?: number;
  /** How often rule changes are picked up (default 2 s). */
  changesMs?: number;
  /** Wallets read per round at most (default 20): user-position is one call per wallet. */
  maxWallets?: number;
  now?: () => number;
  onFired?: (chatId: number, alertId: string) => void;
  onError?: (error: unknown, where: string) => void;
}

const LOAD_BATCH = 1000;

/**
 * Personal rules in the alert worker (leader only). Loads every rule once, follows the store's
 * change log, reads each source once per round, and for every crossing publishes the alert
 * (content-derived id from rule and crossing number) before saving the rule's state — so a crash
 * between the two re-detects the same crossing on restart or take-over and publishes nothing new.
 */
export function createRuleEvaluator(o: RuleEvaluatorOptions) {
  const now = o.now ?? Date.now;
  const { rules, alerts } = o.stores;
  const report = (error: unknown, where: string) => o.onError?.(error, where);
  let index = new RuleIndex();
  let wallets = new WalletWatch();
  let cursor: string | null = null;
  let coins: SourceRound["coins"] = new Map();
  /** Chats whose saves failed: reloaded from the store (the truth) at the next change check. */
  const dirty = new Set<number>();
  const timers: NodeJS.Timeout[] = [];
  let running: Promise<unknown> = Promise.resolve();
  let active = false;

  /** Rules of some chats into evaluator form; wallet rules go to the wallet watch. */
  async function liveRules(chatIds: number[]): Promise<LiveRule[]> {
    const out: LiveRule[] = [];
    const t = now();
    for (const [, list] of await rules.load(chatIds)) {
      for (const { rule, state } of list) {
        const live = liveRuleOf(rule, state, t);
        if (!live) continue;
        const c = rule.condition;
        if (c.kind === "wallet")
          wallets.add(live, { address: c.address, events: c.events, symbol: c.symbol });
        else out.push(live);
      }
    }
    return out;
  }

  async function loadAll(): Promise<void> {
    const start = await rules.changes(null); // taken first: changes during the load are replayed
    index = new RuleIndex();
    wallets = new WalletWatch();
    const chats = await rules.chats();
    for (let i = 0; i < chats.length; i += LOAD_BATCH)
      index.load(await liveRules(chats.slice(i, i + LOAD_BATCH)));
    cursor = start.cursor;
  }

  async function save(rule: LiveRule, state: RuleState, fired?: FiredRule): Promise<void> {
    try {
      await rules.saveState(rule.chatId, rule.id, state, fired);
    } catch (error) {
      dirty.add(rule.chatId);
      report(error, "save rule state");
    }
  }

  /** Publish, then save: the order that makes a crash harmless (see above). */
  async function fire(
    rule: LiveRule,
    facts: Omit<Parameters<typeof ruleAlert>[1], "seq" | "now" | "coin">,
    symbol: string | null,
  ) {
    const state = { ...rule.state };
    try {
      const stored = await rules.get(rule.chatId, rule.id);
      if (!stored) return; // deleted meanwhile
      const t = now();
      const alert = ruleAlert(stored.rule, {
        ...facts,
        seq: state.seq,
        now: t,
        coin: symbol ? coins.get(symbol) : undefined,
      });
      await alerts.publish(alert);
      await rules.saveState(rule.chatId, rule.id, state, {
        ruleId: rule.id,
        at: t,
        value: alert.detail.value as number | null,
        seq: state.seq,
      });
      o.onFired?.(rule.chatId, alert.id);
    } catch (error) {
      dirty.add(rule.chatId);
      report(error, "publish rule alert");
    }
  }

  const symbolOf = (o: Outcome) => o.trigger.series.split("|")[0] ?? null;

  async function apply(outcomes: Outcome[]): Promise<void> {
    await Promise.all(
      outcomes.map((x) => {
        if (x.kind === "fired") {
          return fire(x.rule, { value: x.value, previous: x.previous, trigger: x.trigger }, symbolOf(x));
        }
        if (x.kind === "expired") return Promise.resolve();
        return save(x.rule, { ...x.rule.state });
      }),
    );
  }

  async function applyWallet(outcomes: WalletOutcome[]): Promise<void> {
    await Promise.all(
      outcomes.map((x) =>
        x.kind === "fired" && x.change
          ? fire(
              x.rule,
              { value: x.change.valueUsd ?? Number.NaN, previous: null, trigger: null, wallet: x.change },
              x.change.coin.toUpperCase(),
            )
          : save(x.rule, { ...x.rule.state }),
      ),
    );
  }

  /** Picks up created, edited, paused and deleted rules (and chats whose saves failed). */
  async function followChanges(): Promise<void> {
    const c = await rules.changes(cursor);
    if (c.chats === "all") return loadAll();
    const chats = new Set([...c.chats, ...dirty]);
    dirty.clear();
    if (chats.size === 0) {
      cursor = c.cursor;
      return;
    }
    for (const chat of chats) index.removeChat(chat);
    wallets.sweep();
    const t = now();
    const outcomes: Outcome[] = [];
    for (const rule of await liveRules([...chats])) outcomes.push(...index.add(rule, t));
    cursor = c.cursor;
    await apply(outcomes);
  }

  /** One round: read the sources, move every series, act on what crossed. */
  async function evaluate(values?: Map<string, number>): Promise<{ outcomes: number; calls: number }> {
    let round: SourceRound | null = null;
    if (!values) {
      const needs = needsOf(index.series(), wallets.due(o.maxWallets ?? 20));
      round = await readSources(o.client, needs);
      for (const f of round.failures) report(f.error, f.source);
      coins = round.coins;
      values = round.values;
    }
    const t = now();
    const outcomes: Outcome[] = [...index.expire(t)];
    for (const [series, value] of values) outcomes.push(...index.tick(series, value, t));
    const walletOutcomes: WalletOutcome[] = [];
    for (const [address, positions] of round?.wallets ?? [])
      walletOutcomes.push(...wallets.read(address, positions, t));
    await Promise.all([apply(outcomes), applyWallet(walletOutcomes)]);
    return { outcomes: outcomes.length + walletOutcomes.length, calls: round?.calls ?? 0 };
  }

  /** Serialised: a round, a change check and a stop never interleave. */
  const serial = <T>(job: () => Promise<T>): Promise<T> => {
    const next = running.then(job, job);
    running = next.catch(() => undefined);
    return next;
  };
  const every = (ms: number, job: () => Promise<unknown>, where: string) => {
    const timer = setInterval(() => {
      serial(job).catch((e: unknown) => report(e, where));
    }, ms);
    timer.unref();
    timers.push(timer);
  };

  return {
    /** Loads every rule, then reads sources every cadence and follows changes. */
    async start(): Promise<void> {
      active = true;
      await serial(loadAll);
      if (!active) return; // stopped while loading (lost the lease)
      every(o.cadenceMs ?? 30_000, () => evaluate(), "rules round");
      every(o.changesMs ?? 2_000, followChanges, "rule changes");
      serial(() => evaluate()).catch((e: unknown) => report(e, "rules round"));
    },
    async stop(): Promise<void> {
      active = false;
      for (const t of timers.splice(0)) clearInterval(t);
      await running;
    },
    /** One round now (tests, bench); with `values`, those series values instead of reading sources. */
    evaluate: (values?: Map<string, number>) => serial(() => evaluate(values)),
    followChanges: () => serial(followChanges),
    load: () => serial(loadAll),
    get index() {
      return index;
    },
    get watchedWallets() {
      return wallets.watched;
    },
  };
}

export type RuleEvaluator = ReturnType<typeof createRuleEvaluator>;
