import { createSimulator, type Simulator } from "@teleglas/coinglass-sim";
import {
  type Alert,
  createMarketDataCore,
  createStores,
  deleteByPrefix,
  type MarketDataCore,
  type NewRule,
  type Stores,
} from "@teleglas/market-data-core";
import { connectTestRedis, testKeyPrefix } from "@teleglas/market-data-core/testing";
import type { Redis } from "ioredis";
import { createRuleEvaluator, type RuleEvaluatorOptions } from "../../src/personal/evaluator.js";

export interface RulesFixture {
  sim: Simulator;
  redis: Redis;
  prefix: string;
  stores: Stores;
  core: MarketDataCore;
  clock: { now: number };
  /** A rule of chat `chatId` (default 42); returns its id. */
  rule(input: Omit<NewRule, "chatId"> & { chatId?: number }): Promise<string>;
  /** An evaluator over these stores (or others, e.g. with a fault) and the fixture's clock. */
  evaluator(o?: Partial<RuleEvaluatorOptions>): ReturnType<typeof createRuleEvaluator>;
  /** Every rule alert on the durable queue, oldest first (the bot reads this). */
  queued(): Promise<Alert[]>;
  cleanup(): Promise<void>;
}

/** Resolves once `Date.now()` has moved past the millisecond it was called in. */
async function nextMillisecond(): Promise<void> {
  const start = Date.now();
  while (Date.now() === start) await new Promise((r) => setImmediate(r));
}

export async function createRulesFixture(): Promise<RulesFixture> {
  const redis = await connectTestRedis();
  const sim = await createSimulator({ background: false, rateLimit: false });
  const prefix = testKeyPrefix("rules");
  const stores = createStores({ redis, prefix });
  // A cache lifetime of microseconds: each round sees what the simulator answers now.
  const core = createMarketDataCore({
    apiKey: "test",
    baseUrl: sim.restUrl,
    plan: "professional",
    redis,
    keyPrefix: prefix,
    ttlScale: 1e-6,
  });
  const clock = { now: Date.UTC(2026, 11, 3, 12) };
  const evaluators: ReturnType<typeof createRuleEvaluator>[] = [];
  return {
    sim,
    redis,
    prefix,
    stores,
    core,
    clock,
    async rule(input) {
      const made = await stores.rules.create({ chatId: 42, ...input });
      if (!made.ok) throw new Error("rule limit");
      return made.rule.id;
    },
    evaluator(o = {}) {
      const e = createRuleEvaluator({
        stores,
        client: core.client,
        now: () => clock.now,
        onError: () => {},
        ...o,
      });
      evaluators.push(e);
      // The cache's lifetimes are microseconds but its clock counts whole milliseconds: a round
      // in the same millisecond as the one before would read that round's answers. Each round
      // starts once the clock has moved on.
      return {
        ...e,
        async evaluate() {
          await nextMillisecond();
          return e.evaluate();
        },
      };
    },
    async queued() {
      const rows = await redis.xrange(`${prefix}alerts:stream`, "-", "+");
      return rows
        .map(([, fields]) => JSON.parse(fields[fields.indexOf("alert") + 1] as string) as Alert)
        .filter((a) => a.kind === "rule");
    },
    async cleanup() {
      await Promise.allSettled(evaluators.map((e) => e.stop()));
      await stores.close();
      await core.close();
      await sim.close();
      await deleteByPrefix(redis, prefix);
      redis.disconnect();
    },
  };
}

/** Stores whose alert publish or rule-state save fails the first `times` calls: a crash at that point. */
export function failing(stores: Stores, what: "publish" | "saveState", times = 1): Stores {
  let left = times;
  const trip = () => {
    if (left-- > 0) throw new Error(`crash before ${what}`);
  };
  if (what === "publish") {
    return {
      ...stores,
      alerts: {
        ...stores.alerts,
        publish: async (a) => {
          trip();
          return stores.alerts.publish(a);
        },
      },
    };
  }
  return {
    ...stores,
    rules: {
      ...stores.rules,
      saveState: async (...args) => {
        trip();
        return stores.rules.saveState(...args);
      },
    },
  };
}
