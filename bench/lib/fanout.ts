// One alert to many subscribed chats through the bot's dispatcher and BullMQ queue, on the
// bench's own Redis: how long until every delivery job is queued, and Redis bytes per
// subscription. Nothing is sent (no worker runs), so only the fan-out itself is timed.
import { createStores } from "@teleglas/market-data-core";
import { createBullDelivery, startDispatcher } from "@teleglas/telegram-bot/delivery";
import { createI18n, translatorFor } from "@teleglas/telegram-bot/i18n";
import { Api } from "grammy";
import type { Redis } from "ioredis";
import { benchAlert, subscribeChats } from "./broadcast-setup.js";

export interface FanoutMetrics {
  fanout_chats: number;
  fanout_queue_s: number;
  redis_bytes_per_subscription: number;
}

const used = async (redis: Redis) => Number(/used_memory:(\d+)/.exec(await redis.info("memory"))?.[1] ?? 0);

export async function measureFanout(redis: Redis, chats: number): Promise<FanoutMetrics> {
  console.error(`subscribing ${chats} chats…`);
  const fan = createStores({ redis, prefix: "bench:fan:" });
  const subsBefore = await used(redis);
  await subscribeChats(fan, chats);
  const bytesPerSub = Math.round(((await used(redis)) - subsBefore) / chats);
  const i18n = createI18n();
  const delivery = createBullDelivery({
    redis,
    prefix: "bench:fan:",
    api: new Api("123:bench", { apiRoot: "http://127.0.0.1:9" }), // never called: nothing is sent
    ledger: fan.ledger,
    subscriptions: fan.subscriptions,
    ratePerSecond: 30,
  });
  let queuedAt = 0;
  let recipients = 0;
  const dispatched = new Promise<void>((resolve) => {
    const d = startDispatcher({
      stores: fan,
      delivery,
      translate: (lang) => translatorFor(i18n, lang),
      alertChatIds: [],
      consumerName: "bench",
      onAlert: (_a, n) => {
        queuedAt = Date.now();
        recipients = n;
        void d.stop().then(() => resolve());
      },
    });
  });
  const jobsBefore = await used(redis);
  const publishedAt = Date.now();
  await fan.alerts.publish(benchAlert());
  await dispatched;
  const queued = await delivery.depth();
  if (queued !== recipients) console.error(`  ${queued} jobs queued for ${recipients} recipients`);
  const perJob = Math.round(((await used(redis)) - jobsBefore) / Math.max(1, queued));
  console.error(`  ${queued} jobs queued, ${perJob} bytes of Redis each`);
  await delivery.close();
  await fan.close();
  return {
    fanout_chats: recipients,
    fanout_queue_s: Math.round((queuedAt - publishedAt) / 100) / 10,
    redis_bytes_per_subscription: bytesPerSub,
  };
}

/** `BENCH_RULES_PARTS=fanout`: the rules suite runs the fan-out alone, its rule metrics null. */
export const FANOUT_ONLY =
  process.env["BENCH_RULES_PARTS"] === "fanout"
    ? {
        rules: null,
        eval_p99_ms_20_coins: null,
        eval_p99_ms_all_coins: null,
        redis_bytes_per_rule: null,
        worker_rss_growth_mb: null,
        upstream_calls_per_min_10_rules: null,
        upstream_calls_per_min_1m_rules: null,
        fired: null,
        lost: null,
        duplicates: null,
      }
    : null;
